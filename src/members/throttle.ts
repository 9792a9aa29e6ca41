// Throttles kept in the database, so they hold across any number of web
// processes: fixed windows, one row per key. An attempt is reserved before the
// work it limits (one atomic statement that opens or counts into the window and
// returns the count), so concurrent attempts can never all slip past a check
// made before any of them was written. A success may give its slot back.
import { sql, type Kysely } from 'kysely';
import { purge, type PurgeOptions } from '../db/purge.ts';
import type { DB } from '../db/schema.ts';

export interface ThrottleRule {
  max: number;
  windowMs: number;
}

const MINUTES = 60_000;

export const SIGNIN_RULES = {
  /** Every sign-in attempt from one client address, any account. */
  address: { max: 30, windowMs: 15 * MINUTES },
  /** Attempts on one account from clients it does not know (no device cookie of its own). */
  account: { max: 5, windowMs: 15 * MINUTES },
  /** Attempts on an account from one device it has signed in on before. */
  device: { max: 10, windowMs: 15 * MINUTES },
} satisfies Record<string, ThrottleRule>;

/** Password checks for changes made while signed in (password, email, deletion): per account. */
export const REAUTH_RULE: ThrottleRule = { max: 5, windowMs: 15 * MINUTES };

export interface Reservation {
  /** The attempt may go ahead. */
  allowed: boolean;
  /** Milliseconds until the window reopens, when not allowed. */
  retryAfterMs: number;
}

/** Counts one attempt into the key's window (a new window when the last has passed) and says whether it is within the rule. */
export async function reserve(db: Kysely<DB>, key: string, rule: ThrottleRule, now: number): Promise<Reservation> {
  const { hits, resetAt } = await countAttempt(db, key, rule.windowMs, now);
  if (hits <= rule.max) return { allowed: true, retryAfterMs: 0 };
  return { allowed: false, retryAfterMs: Math.max(1000, resetAt - now) };
}

/** Counts one attempt into the key's window in one atomic statement: the count so far, and when the window ends. */
export async function countAttempt(
  db: Kysely<DB>,
  key: string,
  windowMs: number,
  now: number,
): Promise<{ hits: number; resetAt: number }> {
  const expired = sql<boolean>`${now} - throttles.window_start >= ${windowMs}`;
  const row = await db
    .insertInto('throttles')
    .values({ key, window_start: now, hits: 1 })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        // Both right-hand sides read the row as it was: the window restarts, or the count goes up.
        hits: sql`case when ${expired} then 1 else throttles.hits + 1 end`,
        window_start: sql`case when ${expired} then ${now} else throttles.window_start end`,
      }),
    )
    .returning(['hits', 'window_start'])
    .executeTakeFirstOrThrow();
  return { hits: Number(row.hits), resetAt: Number(row.window_start) + windowMs };
}

/** Gives one reserved slot back (a success that should not count against the key). */
export async function release(db: Kysely<DB>, key: string): Promise<void> {
  await db
    .updateTable('throttles')
    .set({ hits: sql`case when hits > 0 then hits - 1 else 0 end` })
    .where('key', '=', key)
    .execute();
}

/** Forgets a key's window altogether (the right password, a completed reset). */
export async function clearThrottle(db: Kysely<DB>, key: string): Promise<void> {
  await db.deleteFrom('throttles').where('key', '=', key).execute();
}

/** Reserves on several keys; allowed only when every one allows (each still counts the attempt). */
export async function reserveAll(db: Kysely<DB>, keys: [string, ThrottleRule][], now: number): Promise<Reservation> {
  let retryAfterMs = 0;
  for (const [key, rule] of keys) {
    const r = await reserve(db, key, rule, now);
    if (!r.allowed) retryAfterMs = Math.max(retryAfterMs, r.retryAfterMs);
  }
  return { allowed: retryAfterMs === 0, retryAfterMs };
}

/**
 * How long a throttle row is kept after its window opened: longer than any rule's window (the longest,
 * counted reads, is a day), so a row deleted has always been a window that ended. A rule with a longer
 * window must raise this.
 */
export const THROTTLE_KEEP_MS = 2 * 86_400_000;

/** Forgets windows that ended long ago (sign-in attempts, re-authentication, counted reads); for the clean-up job. */
export function deleteStaleThrottles(db: Kysely<DB>, now: number, opts?: PurgeOptions): Promise<number> {
  return purge(db, 'throttles', ['key'], (eb) => eb('window_start', '<', now - THROTTLE_KEEP_MS), opts);
}
