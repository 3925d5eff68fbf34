// vitest globalSetup for the integration projects: the one place that owns the run's PostgreSQL server.
// It starts one server for the whole run (workers create their databases on it through
// CT_TEST_POSTGRES_URL, see sharedPostgres) and stops it at the end. The server's watchdog is keyed to this,
// the main vitest process, so an interrupted or killed run does not leave it behind either.
// Without PostgreSQL on the machine it does nothing: the tests that need it skip with the reason.
import { postgresAvailable, startPostgres } from './postgres-server.js';

export default async function setup(): Promise<() => Promise<void>> {
  if (!postgresAvailable().ok || process.env.CT_TEST_POSTGRES_URL) return async () => undefined;
  const server = await startPostgres({ ownerPid: process.pid });
  // Read by the workers vitest forks after this point (they inherit the environment).
  process.env.CT_TEST_POSTGRES_URL = server.url;
  return async () => {
    delete process.env.CT_TEST_POSTGRES_URL;
    await server.stop();
  };
}
