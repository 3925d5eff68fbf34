import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { schemaFields } from '../../../src/db/schema-fields.js';
import { compareInventory, parseInventory } from '../../../src/privacy/data-inventory.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const doc = readFileSync(path.join(root, 'docs/data.md'), 'utf8');
const schemaText = readFileSync(path.join(root, 'prisma/schema.prisma'), 'utf8');

describe('docs/data.md covers every stored field', () => {
  const { rows, problems } = parseInventory(doc);
  const fields = schemaFields();

  it('reads the schema from the generated client, in step with schema.prisma', () => {
    // A second, independent view of the schema: each model's name appears in schema.prisma.
    const models = new Set(fields.map((f) => f.split('.')[0]));
    for (const model of models) expect(schemaText).toMatch(new RegExp(`^model ${model} \\{`, 'm'));
    expect(fields).toContain('Student.email');
    expect(fields).not.toContain('Student.essays'); // relations are navigation, not storage
  });

  it('documents each field once, and nothing that no longer exists', () => {
    expect(
      compareInventory(
        fields,
        rows.map((r) => r.field),
      ),
    ).toEqual({ undocumented: [], stale: [], duplicated: [] });
  });

  it('says for each row whether it is personal, why it is kept and for how long', () => {
    expect(problems).toEqual([]);
    expect(rows.length).toBe(fields.length);
  });

  it('marks identities as personal and credentials as secret', () => {
    const personal = (f: string) => rows.find((r) => r.field === f)?.personal;
    for (const f of ['Student.displayName', 'Student.email', 'Student.discordUserId', 'Student.blogUserId', 'Comment.authorName', 'Essay.authorName']) {
      expect(personal(f), f).toBe('yes');
    }
    expect(personal('BlogSecret.ciphertext')).toBe('secret');
    expect(personal('LinkClaim.codeHash')).toBe('secret');
  });
});

describe('the comparison fails when either side changes alone', () => {
  const schema = ['Student.id', 'Student.email', 'Essay.title'];

  it('reports a schema field missing from the document', () => {
    expect(compareInventory([...schema, 'Student.phone'], schema).undocumented).toEqual(['Student.phone']);
  });

  it('reports a documented field that the schema dropped', () => {
    expect(compareInventory(schema.slice(1), schema).stale).toEqual(['Student.id']);
  });

  it('reports a field documented twice', () => {
    expect(compareInventory(schema, [...schema, 'Essay.title']).duplicated).toEqual(['Essay.title']);
  });

  it('flags a row with a bad personal value or empty columns, and ignores prose', () => {
    const md = ['Student.email is mentioned in prose', '| Student.email | maybe | matching | |', '| `Essay.title` | no | thread title | course |'].join('\n');
    const parsed = parseInventory(md);
    expect(parsed.rows.map((r) => r.field)).toEqual(['Student.email', 'Essay.title']);
    expect(parsed.problems).toEqual(['Student.email: personal? must be yes, no or secret, not "maybe"', 'Student.email: says not how long it is kept']);
  });

  it('catches a real row removed from docs/data.md', () => {
    const mutated = doc.replace(/^\| Student\.email\s*\|.*$/m, '');
    expect(mutated).not.toBe(doc);
    expect(
      compareInventory(
        schemaFields(),
        parseInventory(mutated).rows.map((r) => r.field),
      ).undocumented,
    ).toEqual(['Student.email']);
  });
});
