// Rows for the renderer tests: names that break naive CSV, markdown and monospace tables.
import type { ParticipationRow } from '../../../src/reports/render/types.js';

export const TRICKY_NAMES = [
  'Zoë Ångström',
  'O\'Brien, "Pat"',
  '=HYPERLINK("http://evil.example","x")',
  '+33 6 12 34 56',
  '-Anna',
  '@everyone',
  '\tTabby',
  '\rCarriage',
  'Line\nBreak',
  '李小龙',
  'Renée Dubois-Martin de la Fontaine',
  '```js\nboom```',
  '*bold* _under_ ~~gone~~ ||spoiler||',
  'jane.doe@uni.edu',
  '<@123456789012345678>',
];

export function row(name: string, i: number, over: Partial<ParticipationRow> = {}): ParticipationRow {
  return {
    studentName: name,
    email: i % 4 === 3 ? null : `student${i}@uni.example`,
    essaysPublished: i % 3,
    commentsGivenDiscord: (i * 7) % 5,
    commentsGivenBlog: (i * 3) % 4,
    commentsReceived: (i * 5) % 6,
    reviewsDone: i % 4,
    reviewsDoneLate: i % 2,
    reviewsPending: (i * 7) % 3,
    reviewsOverdue: (i * 5) % 3,
    remindersSent: 10 + i, // distinct per row, so a shifted column would show
    ...over,
  };
}

export const trickyRows = (): ParticipationRow[] => TRICKY_NAMES.map((n, i) => row(n, i));

export function syntheticRows(n: number): ParticipationRow[] {
  return Array.from({ length: n }, (_, i) => row(`${TRICKY_NAMES[i % TRICKY_NAMES.length]} ${i}`, i));
}
