/** Discord timestamp styles: t/T time, d/D date, f/F date and time, R relative. */
export type TimestampStyle = 't' | 'T' | 'd' | 'D' | 'f' | 'F' | 'R';

const STYLE_OPTIONS: Record<TimestampStyle, Intl.DateTimeFormatOptions> = {
  t: { hour: 'numeric', minute: '2-digit', timeZoneName: 'short' },
  T: { hour: 'numeric', minute: '2-digit', second: '2-digit', timeZoneName: 'short' },
  d: { year: 'numeric', month: '2-digit', day: '2-digit' },
  D: { year: 'numeric', month: 'long', day: 'numeric' },
  f: { year: 'numeric', month: 'long', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' },
  F: {
    weekday: 'long',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  },
  // A blog page is read long after it was written: "in 3 days" would lie, so R is absolute there.
  R: { year: 'numeric', month: 'long', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' },
};

/** A date as people in the course's time zone read it (the timestamp styles Discord uses). */
export function formatDateInZone(date: Date, timeZone: string, style: TimestampStyle = 'f', locale = 'en-US'): string {
  return new Intl.DateTimeFormat(locale, { ...STYLE_OPTIONS[style], timeZone }).format(date);
}

/** `<t:unix:style>`: Discord shows it in each reader's own time zone and language. */
export function discordTimestamp(date: Date, style: TimestampStyle = 'f'): string {
  return `<t:${Math.floor(date.getTime() / 1000)}:${style}>`;
}
