// Colours from Discord's dark theme and brand palette: the PNG is shown inside Discord, where a
// transparent or white chart is unreadable or glaring, so the background is painted opaque.
export const THEME = {
  background: '#313338',
  text: '#dbdee1',
  mutedText: '#b5bac1',
  grid: '#4e5058',
  done: '#57f287',
  late: '#fee75c',
  pending: '#5865f2',
  overdue: '#ed4245',
  essays: '#eb459e',
  comments: '#00a8fc',
  font: 'DejaVu Sans, Noto Sans, Arial, sans-serif',
} as const;

/** '#rrggbb' -> [r, g, b], for pixel checks and compositing. */
export function hexToRgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}
