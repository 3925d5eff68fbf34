import { defineConfig } from 'vitest/config';

// Projects: unit (pure, fast), integration (real SQLite file, Discord emulator, WordPress fake; the emulator's and the
// fake's own tests are in test/integration/offline, the offline world itself in src/offline), integration-pg
// (the same files on PostgreSQL, `npm run test:pg`),
// e2e (a real WordPress server started by test/e2e/global-setup.ts; run by `npm run test:e2e` and CI).
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node' } },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/support/postgres-global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        // The same integration files on PostgreSQL: test/support/test-db.ts reads TEST_DATABASE and gives each
        // test a fresh database on a throwaway server (test/support/postgres-server.ts). The multi-process
        // suite is PostgreSQL-only already, so it runs once, in `integration`.
        test: {
          name: 'integration-pg',
          include: ['test/integration/**/*.test.ts'],
          exclude: ['test/integration/multiprocess/**'],
          environment: 'node',
          globalSetup: ['test/support/postgres-global-setup.ts'],
          env: { TEST_DATABASE: 'postgresql' },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
