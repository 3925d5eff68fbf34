// Packs table rows into Discord messages: each page repeats the heading and the column header
// inside a code block and ends with "page i/n", and no page exceeds maxChars (Discord's 2000).

export interface TablePagesInput {
  /** Markdown above the code block (already escaped by the caller); repeated on every page. */
  heading: string;
  /** Column header line(s) inside the code block; repeated on every page. */
  header: readonly string[];
  rows: readonly string[];
  /** Shown inside the block when there are no rows. */
  empty: string;
  maxChars: number;
}

// Reserved for the footer whatever n turns out to be ("page 9999/9999").
const FOOTER_RESERVE = 'page 9999/9999'.length;

export function tablePages(input: TablePagesInput): string[] {
  const open = `${input.heading}\n\`\`\`\n${input.header.map((h) => h + '\n').join('')}`;
  const close = '```\n';
  const fixed = open.length + close.length + FOOTER_RESERVE;
  const rows = input.rows.length > 0 ? input.rows : [input.empty];
  const bodies: string[] = [];
  let body = '';
  for (const row of rows) {
    const line = row + '\n';
    if (fixed + line.length > input.maxChars) throw new RangeError(`maxChars ${input.maxChars} cannot hold one table row`);
    if (body && fixed + body.length + line.length > input.maxChars) {
      bodies.push(body);
      body = '';
    }
    body += line;
  }
  bodies.push(body);
  return bodies.map((b, i) => `${open}${b}${close}page ${i + 1}/${bodies.length}`);
}
