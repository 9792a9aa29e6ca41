// Single-use tokens mailed to people (confirm an email, reset a password,
// change an address). Only their hash is stored; each works once, until it
// expires, and a newer one of the same purpose (or a password change) retires
// the older ones.
import type { Kysely } from 'kysely';
import type { Selectable } from 'kysely';
import { purge, type PurgeOptions } from '../db/purge.ts';
import type { DB, UserTokensTable } from '../db/schema.ts';
import { AccountError } from './account-error.ts';
import { hashToken, newToken } from './tokens.ts';

export type TokenPurpose = 'verify' | 'reset' | 'email-change';

/** A new token for this purpose; older unused ones of the same purpose stop working. */
export async function issueToken(
  db: Kysely<DB>,
  userId: number,
  purpose: TokenPurpose,
  ttlMs: number,
  now: number,
  data?: string,
): Promise<string> {
  await retireTokens(db, userId, [purpose], now);
  const { token, hash } = newToken();
  await db
    .insertInto('user_tokens')
    .values({
      token_hash: hash,
      user_id: userId,
      purpose,
      data: data ?? null,
      created_at: now,
      expires_at: now + ttlMs,
      used_at: null,
    })
    .execute();
  return token;
}

/** Marks unused tokens of these purposes used (after a password change, every reset link is void). */
export async function retireTokens(
  db: Kysely<DB>,
  userId: number,
  purposes: TokenPurpose[],
  now: number,
): Promise<void> {
  await db
    .updateTable('user_tokens')
    .set({ used_at: now })
    .where('user_id', '=', userId)
    .where('purpose', 'in', purposes)
    .where('used_at', 'is', null)
    .execute();
}

/** Marks a single-use token used and returns it, or throws (invalid-token): unknown, expired, already used. */
export async function spendToken(
  db: Kysely<DB>,
  token: string,
  purpose: TokenPurpose,
  now: number,
): Promise<Selectable<UserTokensTable>> {
  const hash = hashToken(token);
  const res = await db
    .updateTable('user_tokens')
    .set({ used_at: now })
    .where('token_hash', '=', hash)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1)
    throw new AccountError('invalid-token', 'This link has expired or has already been used. Ask for a new one.');
  return db.selectFrom('user_tokens').selectAll().where('token_hash', '=', hash).executeTakeFirstOrThrow();
}

/** The token's row while it still works (to show a form without spending it), else undefined. */
export async function liveToken(
  db: Kysely<DB>,
  token: string,
  purpose: TokenPurpose,
  now: number,
): Promise<Selectable<UserTokensTable> | undefined> {
  if (!token || token.length > 100) return undefined;
  const row = await db
    .selectFrom('user_tokens')
    .selectAll()
    .where('token_hash', '=', hashToken(token))
    .where('purpose', '=', purpose)
    .executeTakeFirst();
  return row && row.used_at === null && row.expires_at > now ? row : undefined;
}

/** Forgets tokens that can no longer work: used (or retired) and expired ones; for the clean-up job. */
export function deleteSpentTokens(db: Kysely<DB>, now: number, opts?: PurgeOptions): Promise<number> {
  return purge(
    db,
    'user_tokens',
    ['token_hash'],
    (eb) => eb.or([eb('used_at', 'is not', null), eb('expires_at', '<=', now)]),
    opts,
  );
}
