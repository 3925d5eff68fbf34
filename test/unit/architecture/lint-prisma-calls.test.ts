import { expect, it } from 'vitest';
import { projectEslint } from './project-eslint.js';

// Prisma stays behind src/db even where no import shows it: a use case is handed the client as `db`. These run
// the project's eslint.config.js (as `npm run lint` in CI does) on small sources placed in the project's folders.
const prismaCallErrors = projectEslint().messagesOf('no-restricted-syntax');

const modelMessage = 'only src/db queries Prisma models: add a repository function in src/db/repositories';
const clientMessage = "only src/db calls Prisma's client ($transaction, $queryRaw...): use inTransaction or a repository function in src/db";

it('lint fails on a Prisma call in a use case, a command or an adapter: model queries, transactions, raw SQL', async () => {
  const useCase = [
    "import type { Db } from '../db/client.js';",
    'export async function peek(db: Db) {',
    "  await db.student.findMany({ where: { courseId: 'c' } });",
    "  await db.$transaction(async (tx) => tx.essay.update({ where: { id: 'e' }, data: {} }));",
    '  return db.$queryRawUnsafe("SELECT 1");',
    '}',
  ].join('\n');
  expect(await prismaCallErrors('src/reviews/peek.ts', useCase)).toEqual([modelMessage, clientMessage, modelMessage, clientMessage]);
  const command = "export const execute = (ctx: any) => ctx.db.reminder.count({ where: { courseId: 'c' } });\n";
  expect(await prismaCallErrors('commands/peek.ts', command)).toEqual([modelMessage]);
  expect(await prismaCallErrors('src/discord/peek.ts', 'export const close = (db: any) => db.$disconnect();\n')).toEqual([clientMessage]);
});

it('lint allows them in src/db, and allows what only looks alike elsewhere (a Map, a thread manager)', async () => {
  const repository = "import type { Db } from '../client.js';\nexport const names = (db: Db) => db.student.findMany({ select: { displayName: true } });\n";
  expect(await prismaCallErrors('src/db/repositories/peek.ts', repository)).toEqual([]);
  const lookalikes = [
    'const seen = new Map<string, number>();',
    "seen.delete('x');",
    "export const open = (channel: any) => channel.threads.create({ name: 'Essay' });",
    "export const drop = (state: { dmClosed: Set<string> }) => state.dmClosed.delete('u');",
  ].join('\n');
  expect(await prismaCallErrors('src/sync/peek.ts', lookalikes)).toEqual([]);
});
