// A stand-in for a test worker that gets ended: starts a throwaway PostgreSQL server, prints where it is,
// then waits to be killed (used by test/integration/test-world/postgres-reaper.test.ts).
import { startPostgres } from './postgres-server.js';

const server = await startPostgres();
process.stdout.write(`${JSON.stringify({ port: server.port, folder: server.folder })}\n`);
setInterval(() => undefined, 60_000);
