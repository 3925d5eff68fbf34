import type { ChatInputCommandInteraction } from 'discord.js';
import { isValidTimeZone } from '../core/courses/course-settings.js';
import type { BlogCredentials } from '../courses/blog-credentials.js';
import { parseLocalDay } from '../reviews/parse-local-time.js';
import { UserError } from '../shared/user-error.js';

// How /course reads the options several of its subcommands share (setup, credentials, backfill).

export function credentialsFrom(interaction: ChatInputCommandInteraction): BlogCredentials {
  const token = interaction.options.getString('blog_token');
  const user = interaction.options.getString('blog_user');
  const password = interaction.options.getString('blog_password');
  if (token) return { kind: 'bearer', token };
  if (user && password) return { kind: 'application_password', username: user, password };
  if (user) throw new UserError('blog_password: give the Application Password of blog_user too (WordPress: Users → Profile → Application Passwords).');
  if (password) throw new UserError('blog_user: give the WordPress login name that blog_password belongs to.');
  return { kind: 'none' };
}

/**
 * A day typed as YYYY-MM-DD, read in the course's time zone (as /reviews reads its dates): `since` is the
 * first minute of that day there, `ends_on` (the last day of the course) its last minute. With an unknown
 * zone typed in the same /course setup, the day is only checked (setup reports the zone).
 */
export function parseCourseDay(value: string | null, option: string, timeZone: string, edge: 'start' | 'end'): Date | null {
  if (!value) return null;
  if (isValidTimeZone(timeZone)) return parseLocalDay(value, timeZone, option, edge);
  // The zone's own problem is reported by setup; the day is still checked now, so both appear at once.
  parseLocalDay(value, 'UTC', option, edge);
  return null;
}

/** Reads one option; its problem joins the list /course setup reports at once, instead of stopping at the first. */
export function collect<T>(problems: string[], read: () => T): T | null {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    problems.push(error.message);
    return null;
  }
}
