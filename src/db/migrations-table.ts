/**
 * Where the bot records the PostgreSQL migrations it applied. In a file of its own so the readiness check can
 * name it without loading node-postgres (a SQLite bot never loads it).
 */
export const MIGRATIONS_TABLE = '_coursethreads_migrations';
