import type { Db } from '../../../src/db/client.js';
import type { Clock } from '../../../src/shared/clock.js';

/**
 * The database with its clock on the model's real time. Leases and outbox claims are compared on the
 * database's clock (src/db/db-clock.ts), which on a real SQLite file is the wall clock of this machine: the
 * model's time is a ManualClock, so without this a lease taken in a history would lapse only after real
 * seconds, never by the model's recovery (which advances its clock past every lease). Only the clock query
 * is answered here; every other query, inside transactions too, goes to the real database.
 */
export function withModelClock(db: Db, clock: Clock): Db {
  const isClockQuery = (sql: unknown) => typeof sql === 'string' && /julianday\('now'\)|clock_timestamp\(\)/.test(sql);
  const wrap = <T extends object>(client: T): T =>
    new Proxy(client, {
      get(target, prop) {
        if (prop === '$queryRawUnsafe') {
          return (sql: string, ...values: unknown[]) =>
            isClockQuery(sql) ? Promise.resolve([{ ms: clock.now().getTime() }]) : (target as unknown as Db).$queryRawUnsafe(sql, ...values);
        }
        if (prop === '$transaction') {
          return (arg: unknown, options?: unknown) =>
            typeof arg === 'function'
              ? (target as unknown as Db).$transaction((tx) => (arg as (tx: unknown) => Promise<unknown>)(wrap(tx)), options as never)
              : (target as unknown as Db).$transaction(arg as never, options as never);
        }
        const value = Reflect.get(target, prop) as unknown;
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
  return wrap(db);
}
