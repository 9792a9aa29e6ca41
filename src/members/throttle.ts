// Sign-in throttling, per account and per address, kept in the database so it
// holds across any number of web processes. Fixed windows: simple, and enough
// to turn online guessing from millions of tries into dozens a day.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

export interface ThrottleRule {
  max: number;
  windowMs: number;
}

export const SIGNIN_RULES = {
  account: { max: 5, windowMs: 15 * 60 * 1000 },
  address: { max: 30, windowMs: 15 * 60 * 1000 },
} satisfies Record<string, ThrottleRule>;

/** Milliseconds until the key may try again, or 0. */
export async function blockedFor(db: Kysely<DB>, key: string, rule: ThrottleRule, now: number): Promise<number> {
  const row = await db.selectFrom('signin_attempts').selectAll().where('key', '=', key).executeTakeFirst();
  if (!row || now - row.window_start >= rule.windowMs) return 0;
  return row.failures >= rule.max ? row.window_start + rule.windowMs - now : 0;
}

export async function recordFailure(db: Kysely<DB>, key: string, rule: ThrottleRule, now: number): Promise<void> {
  const row = await db.selectFrom('signin_attempts').selectAll().where('key', '=', key).executeTakeFirst();
  if (!row) {
    await db
      .insertInto('signin_attempts')
      .values({ key, window_start: now, failures: 1 })
      .onConflict((oc) => oc.column('key').doUpdateSet((eb) => ({ failures: eb('signin_attempts.failures', '+', 1) })))
      .execute();
  } else if (now - row.window_start >= rule.windowMs) {
    await db.updateTable('signin_attempts').set({ window_start: now, failures: 1 }).where('key', '=', key).execute();
  } else {
    await db.updateTable('signin_attempts').set((eb) => ({ failures: eb('failures', '+', 1) })).where('key', '=', key).execute();
  }
}

export async function clearFailures(db: Kysely<DB>, key: string): Promise<void> {
  await db.deleteFrom('signin_attempts').where('key', '=', key).execute();
}
