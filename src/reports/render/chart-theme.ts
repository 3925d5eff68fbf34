// Colours and sizes of the report charts. The PNG is shown inside Discord, where a transparent or
// white chart is unreadable or glaring, so the background is painted opaque (Discord's dark grey).
// Data colours are Okabe-Ito's colour-blind-safe palette: done, late, pending and overdue stay apart
// for red-green colour-blind readers, and black counts printed on them keep WCAG AA contrast.
export const THEME = {
  background: '#313338',
  text: '#dbdee1',
  mutedText: '#b5bac1',
  grid: '#4e5058',
  done: '#009e73', // bluish green
  late: '#56b4e9', // sky blue
  pending: '#f0e442', // yellow
  overdue: '#d55e00', // vermillion
  essays: '#e69f00', // orange
  comments: '#56b4e9', // sky blue
  barLabel: '#000000',
  // Latin first, then the Debian CJK and emoji fonts registered in chart-fonts.ts, so a name in any
  // script finds its glyphs; Skia falls back per character along this list.
  font: 'DejaVu Sans, Noto Sans CJK JP, Noto Color Emoji, sans-serif',
} as const;

/**
 * Discord shows an image attachment inline at most 550 px wide. Charts are laid out 550 logical px
 * wide and rendered at twice that, so a 12 px label is 24 px in the PNG and 12 px in the preview
 * (and sharp when opened full size).
 */
export const PREVIEW_WIDTH = 550;
export const PIXEL_RATIO = 2;
export const MIN_FONT = 12;

/** '#rrggbb' -> [r, g, b], for pixel checks and compositing. */
export function hexToRgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}
