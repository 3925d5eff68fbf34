// ESLint flat config: typescript-eslint's type-checked rules where they find real bugs here (promises left
// floating, async callbacks where a sync one is expected, unhandled enum cases), and the architecture's
// boundaries (docs/architecture.md) checked by eslint-plugin-boundaries, so a break fails `npm run lint` in CI.
import { readFileSync } from 'node:fs';
import js from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Which part of the project a file belongs to; the first pattern that matches wins, so specific ones come first.
const elements = [
  // One file, so it needs v7's deprecated full-path mode: `boundaries/files` categories did not match in a
  // policy's `to` when tried with 7.2, and a folder element cannot hold a single file.
  { type: 'root', pattern: 'src/main.ts', mode: 'full' },
  { type: 'core', pattern: 'src/core/**', partialMatch: false },
  { type: 'ports', pattern: 'src/ports/**', partialMatch: false },
  { type: 'db', pattern: 'src/db/**', partialMatch: false },
  { type: 'prisma-client', pattern: 'src/generated/**', partialMatch: false },
  { type: 'discord', pattern: 'src/discord/**', partialMatch: false },
  { type: 'offline', pattern: 'src/offline/**', partialMatch: false },
  { type: 'src', pattern: 'src/**', partialMatch: false },
  { type: 'commands', pattern: 'commands/**', partialMatch: false },
  { type: 'test', pattern: 'test/**', partialMatch: false },
  { type: 'bench', pattern: 'bench/**', partialMatch: false },
  { type: 'scripts', pattern: 'scripts/**', partialMatch: false },
];

const discordPackages = { module: { origin: 'external', source: ['discord.js', '@discordjs/*'] } };
const prismaPackages = { module: { origin: 'external', source: '@prisma/*' } };
// The shipped bot: everything the tests, benchmarks and scripts are not.
const product = { element: { types: { anyOf: ['root', 'core', 'ports', 'db', 'discord', 'offline', 'src', 'commands'] } } };

// Imports alone cannot keep Prisma in src/db: a use case is handed the client as `db`. So the calls are caught
// too: any `$` member of the client ($transaction, $queryRaw, $disconnect...) and any operation on a model
// delegate (db.student.findMany, tx.essay.update...). The model names come from the schema, so a new model is
// covered at once; "create"/"update"/"delete"/"count" count only on a model, so a Map's delete stays allowed.
const prismaModels = [...readFileSync(new URL('./prisma/schema.prisma', import.meta.url), 'utf8').matchAll(/^model (\w+)/gm)].map(
  ([, name]) => name[0].toLowerCase() + name.slice(1),
);
const prismaOperations =
  'findUnique|findUniqueOrThrow|findFirst|findFirstOrThrow|findMany|create|createMany|createManyAndReturn|update|updateMany|updateManyAndReturn|upsert|delete|deleteMany|count|aggregate|groupBy';
const prismaCallsOutsideDb = [
  {
    selector: 'MemberExpression[property.name=/^\\$/]',
    message: "only src/db calls Prisma's client ($transaction, $queryRaw...): use inTransaction or a repository function in src/db",
  },
  {
    selector: `CallExpression[callee.property.name=/^(${prismaOperations})$/][callee.object.property.name=/^(${prismaModels.join('|')})$/]`,
    message: 'only src/db queries Prisma models: add a repository function in src/db/repositories',
  },
];

const boundaryPolicies = [
  // Core is the pure domain: it imports only core (and libraries), so it runs and tests without any adapter.
  {
    from: { element: { type: 'core' } },
    disallow: { to: { element: { type: '!core' } } },
    message: 'src/core imports nothing of ours but src/core (pure domain)',
  },
  // Ports are the bot's own words for Discord and the blog: interfaces and error types over core's types, no adapter.
  {
    from: { element: { type: 'ports' } },
    disallow: { to: { element: { types: { anyOf: ['root', 'db', 'prisma-client', 'discord', 'offline', 'src', 'commands', 'test', 'bench', 'scripts'] } } } },
    message: 'src/ports imports nothing of ours but src/core and src/ports (interfaces only)',
  },
  // Prisma stays behind src/db's repositories so use cases speak the project's own types.
  {
    from: { element: { types: { anyOf: ['root', 'core', 'ports', 'discord', 'offline', 'src', 'commands'] } } },
    disallow: { to: [{ element: { type: 'prisma-client' } }, prismaPackages] },
    message: 'only src/db imports Prisma (src/generated, @prisma/*): add a repository function in src/db',
  },
  // Discord shapes stay in the adapter: the rest of the bot speaks ChatPort and the project's own types.
  {
    from: { element: { types: { anyOf: ['root', 'core', 'ports', 'db', 'offline', 'src'] } } },
    disallow: { to: discordPackages },
    message: 'only src/discord and commands/ import discord.js and @discordjs/*',
  },
  // The composition root wires everything; importing it would make a cycle through the whole bot.
  { disallow: { to: { element: { type: 'root' } } }, message: 'nothing imports the composition root (src/main.ts)' },
  // The offline world (emulator, sample blog, demo) serves tests, benchmarks and the demo; the bot never needs it.
  {
    from: { element: { types: { anyOf: ['root', 'core', 'ports', 'db', 'discord', 'src', 'commands'] } } },
    disallow: { to: { element: { type: 'offline' } } },
    message: 'only src/offline, tests, benchmarks and scripts import src/offline',
  },
  { from: product, disallow: { to: { element: { types: { anyOf: ['test', 'bench'] } } } }, message: 'the bot never imports test/ or bench/' },
];

export default tseslint.config(
  {
    ignores: ['src/generated/**', 'dist/**', 'coverage/**', '.tmp/**', '.state/**', 'bench/results/**', 'src/wordpress-plugin/**', 'node_modules/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: { ...globals.node },
      // The PostgreSQL Prisma config sits outside tsconfig's include; it is type-checked on its own.
      parserOptions: { projectService: { allowDefaultProject: ['prisma/postgres/prisma.config.ts'] }, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // Ports are async interfaces: an implementation that needs no await stays async so a throw becomes a rejection.
      '@typescript-eslint/require-await': 'off',
      // Control characters in regexes are deliberate here: titles, chart labels and HTML strip them.
      'no-control-regex': 'off',
      // The bugs that cost real incidents here: a promise nobody awaits loses its error (and its crash safety).
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      // `typeof import('chart.js/auto')` stays allowed: it types a library loaded lazily (memory at start) without importing it.
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
      '@typescript-eslint/no-unnecessary-type-assertion': 'error',
      '@typescript-eslint/prefer-promise-reject-errors': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // src/ logs through pino (DESIGN.md); scripts and benchmarks print to the terminal on purpose.
      'no-console': 'error',
    },
  },
  {
    files: ['src/**/*.ts', 'commands/**/*.ts'],
    ignores: ['src/db/**'],
    rules: { 'no-restricted-syntax': ['error', ...prismaCallsOutsideDb] },
  },
  {
    // Plain JavaScript (this file, the loaded-packages hooks) is outside the TypeScript program.
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['src/**/*.ts', 'commands/**/*.ts', 'scripts/**/*.ts', 'bench/**/*.ts', 'test/**/*.ts'],
    plugins: { boundaries },
    settings: {
      'boundaries/elements': elements,
      // Off only to silence the notice about `mode` above; the rules still run.
      'boundaries/legacy-warnings': false,
      'import/resolver': { typescript: { project: './tsconfig.json' }, node: true },
    },
    rules: {
      'boundaries/dependencies': ['error', { default: 'allow', checkAllOrigins: true, policies: boundaryPolicies }],
    },
  },
  {
    files: ['scripts/**/*.ts', 'bench/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
  {
    // The Discord emulator and the WordPress fake read untyped request JSON the way Discord and WordPress do:
    // they coerce values, compare raw numbers with discord-api-types enums and answer any login string.
    // The bot's own code keeps these rules.
    files: ['src/offline/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-enum-comparison': 'off',
      '@typescript-eslint/no-base-to-string': 'off',
      '@typescript-eslint/no-redundant-type-constituents': 'off',
    },
  },
  {
    // Tests relax a few rules, each for a reason:
    files: ['test/**/*.ts'],
    rules: {
      // vitest's expect(...).rejects / mocks hand around loosely typed values; asserting on them is the point.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // expect(fake.method).toHaveBeenCalled...() passes the method unbound on purpose: vitest never calls it.
      '@typescript-eslint/unbound-method': 'off',
      // Assertions read gateway frames and JSON bodies loosely on purpose.
      '@typescript-eslint/no-explicit-any': 'off',
      // A test that fails prints what it saw; console in a helper is a debugging aid, not a product log.
      'no-console': 'off',
    },
  },
);
