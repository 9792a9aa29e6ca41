// Sessions: opaque tokens in an httpOnly cookie, stored hashed, with a sliding
// expiry. A new token at every sign-in (the old one is dropped), so a session
// can never be fixed by someone who planted a cookie.
import type { Kysely } from 'kysely';
import { purge, type PurgeOptions } from '../db/purge.ts';
import type { DB, UserRow } from '../db/schema.ts';
import { hashToken, newToken } from './tokens.ts';

export const SESSION_DAYS = 30;
const TOUCH_EVERY_MS = 5 * 60 * 1000;

export async function createSession(
  db: Kysely<DB>,
  userId: number,
  now: number,
  meta: { userAgent?: string | null; ip?: string | null; replacing?: string | null },
): Promise<string> {
  if (meta.replacing) await db.deleteFrom('sessions').where('token_hash', '=', hashToken(meta.replacing)).execute();
  const { token, hash } = newToken();
  await db
    .insertInto('sessions')
    .values({
      token_hash: hash,
      user_id: userId,
      created_at: now,
      last_seen_at: now,
      expires_at: now + SESSION_DAYS * 86_400_000,
      user_agent: meta.userAgent?.slice(0, 300) ?? null,
      ip: meta.ip ?? null,
    })
    .execute();
  return token;
}

export interface SessionUser {
  user: UserRow;
  sessionId: string;
}

/** The account behind a session token, or null (unknown, expired). Extends the session as it is used. */
export async function userForSession(
  db: Kysely<DB>,
  token: string | undefined,
  now: number,
): Promise<SessionUser | null> {
  if (!token || token.length > 100) return null;
  const hash = hashToken(token);
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('users')
    .select(['sessions.expires_at as session_expires_at', 'sessions.last_seen_at as session_last_seen_at'])
    .where('sessions.token_hash', '=', hash)
    .executeTakeFirst();
  if (!row || row.session_expires_at <= now) return null;
  if (now - row.session_last_seen_at > TOUCH_EVERY_MS) {
    await db
      .updateTable('sessions')
      .set({ last_seen_at: now, expires_at: now + SESSION_DAYS * 86_400_000 })
      .where('token_hash', '=', hash)
      .execute();
  }
  const { session_expires_at: _e, session_last_seen_at: _l, ...user } = row;
  return { user, sessionId: sessionId(hash) };
}

/** A short public id for a session (a prefix of its hash): safe to show and to name in a revoke form. */
export function sessionId(tokenHash: string): string {
  return tokenHash.slice(0, 16);
}

export async function endSession(db: Kysely<DB>, token: string | undefined): Promise<void> {
  if (token) await db.deleteFrom('sessions').where('token_hash', '=', hashToken(token)).execute();
}

export async function listSessions(db: Kysely<DB>, userId: number, now: number) {
  const rows = await db
    .selectFrom('sessions')
    .select(['token_hash', 'created_at', 'last_seen_at', 'user_agent', 'ip'])
    .where('user_id', '=', userId)
    .where('expires_at', '>', now)
    .orderBy('last_seen_at', 'desc')
    .execute();
  return rows.map(({ token_hash, ...r }) => ({ id: sessionId(token_hash), ...r }));
}

/** Revokes one of this user's sessions by its public id; another user's id does nothing. */
export async function revokeSession(db: Kysely<DB>, userId: number, id: string): Promise<boolean> {
  if (!/^[A-Za-z0-9_-]{16}$/.test(id)) return false;
  const rows = await db.selectFrom('sessions').select('token_hash').where('user_id', '=', userId).execute();
  const match = rows.find((r) => sessionId(r.token_hash) === id);
  if (!match) return false;
  await db.deleteFrom('sessions').where('token_hash', '=', match.token_hash).where('user_id', '=', userId).execute();
  return true;
}

export async function revokeAllSessions(db: Kysely<DB>, userId: number, exceptToken?: string): Promise<void> {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptToken) q = q.where('token_hash', '<>', hashToken(exceptToken));
  await q.execute();
}

/** Forgets sessions that have expired (they no longer sign anyone in); for the clean-up job. */
export function deleteExpiredSessions(db: Kysely<DB>, now: number, opts?: PurgeOptions): Promise<number> {
  return purge(db, 'sessions', ['token_hash'], (eb) => eb('expires_at', '<=', now), opts);
}
