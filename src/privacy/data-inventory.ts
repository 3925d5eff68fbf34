export type Personal = 'yes' | 'no' | 'secret';

/** One row of docs/data.md: `| Model.field | personal | why it is kept | how long |`. */
export interface InventoryRow {
  field: string;
  personal: Personal;
  why: string;
  howLong: string;
}

const ROW = /^\|\s*`?([A-Z][A-Za-z]*\.[a-z][A-Za-z0-9]*)`?\s*\|([^|]*)\|([^|]*)\|([^|]*)\|\s*$/;

/** The inventory rows of a markdown document; any other line (prose, headers, separators) is ignored. */
export function parseInventory(markdown: string): { rows: InventoryRow[]; problems: string[] } {
  const rows: InventoryRow[] = [];
  const problems: string[] = [];
  for (const line of markdown.split('\n')) {
    const m = ROW.exec(line.trim());
    if (!m) continue;
    const [, field, personal, why, howLong] = m.map((s) => s.trim()) as [string, string, string, string, string];
    if (personal !== 'yes' && personal !== 'no' && personal !== 'secret') problems.push(`${field}: personal? must be yes, no or secret, not "${personal}"`);
    if (!why) problems.push(`${field}: says not why it is kept`);
    if (!howLong) problems.push(`${field}: says not how long it is kept`);
    rows.push({ field, personal: personal as Personal, why, howLong });
  }
  return { rows, problems };
}

/** Fields the schema has and the inventory lacks, fields documented that no longer exist, and doubles. */
export function compareInventory(schema: readonly string[], documented: readonly string[]) {
  const inSchema = new Set(schema);
  const inDocs = new Set(documented);
  return {
    undocumented: schema.filter((f) => !inDocs.has(f)),
    stale: [...inDocs].filter((f) => !inSchema.has(f)),
    duplicated: documented.filter((f, i) => documented.indexOf(f) !== i),
  };
}
