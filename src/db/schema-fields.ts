// The stored columns of the schema, read from the generated Prisma client (its browser build: enums only,
// no database driver), for the data inventory check (src/privacy/data-inventory.ts, docs/data.md).
import { Prisma } from '../generated/prisma/browser.js';

/**
 * Every stored column of every model, as "Model.field", from the generated Prisma client (relation
 * fields are navigation, not storage, and are not listed).
 */
export function schemaFields(): string[] {
  const ns = Prisma as unknown as Record<string, Record<string, string> | undefined>;
  return Object.values(Prisma.ModelName).flatMap((model) => {
    const fields = ns[`${model}ScalarFieldEnum`];
    if (!fields) throw new Error(`generated client has no ${model}ScalarFieldEnum`);
    return Object.values(fields).map((f) => `${model}.${f}`);
  });
}
