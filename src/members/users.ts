// Looking accounts up: by address, by id, all of them, a page of a search;
// and the admins' one change to an account, its role.
import { sql, type Kysely } from 'kysely';
import type { DB, UserRow } from '../db/schema.ts';
import { dialectOf } from '../search/dialect.ts';
import { AccountError } from './account-error.ts';
import { audited, type AuditActor } from './audit.ts';
import { roleChangeRefusal } from './policies.ts';
import { normaliseEmail } from './tokens.ts';

export function userByEmail(db: Kysely<DB>, email: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', normaliseEmail(email)).executeTakeFirst();
}

export function userById(db: Kysely<DB>, id: number): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listUsers(db: Kysely<DB>): Promise<UserRow[]> {
  return db.selectFrom('users').selectAll().orderBy('id').execute();
}

/** A page of accounts whose email or name contains `q` (any case), optionally of one role, newest first. */
export async function searchUsers(
  db: Kysely<DB>,
  q: { text?: string; role?: string; limit: number; offset: number },
): Promise<{ users: UserRow[]; more: boolean }> {
  let sel = db.selectFrom('users').selectAll();
  const text = q.text?.trim().toLowerCase();
  if (text) {
    const like = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    sel = sel.where((eb) =>
      eb.or([
        eb(sql`lower(email)`, 'like', sql`${like} escape '\\'`),
        eb(sql`lower(coalesce(display_name, ''))`, 'like', sql`${like} escape '\\'`),
      ]),
    );
  }
  if (q.role) sel = sel.where('role', '=', q.role);
  const rows = await sel
    .orderBy('id', 'desc')
    .limit(q.limit + 1)
    .offset(q.offset)
    .execute();
  return { users: rows.slice(0, q.limit), more: rows.length > q.limit };
}

/**
 * Gives an account a role (and, for the publisher role, its publisher), with
 * its audit line, in one transaction; refused when it would leave no admin.
 */
export function changeRole(
  db: Kysely<DB>,
  change: { userId: number; role: string; publisherId: number | null },
  actor: AuditActor,
  now: number,
): Promise<UserRow> {
  return audited(db, actor, now, async (trx) => {
    // Two admins demoting each other at once must not both see the other still there: on PostgreSQL
    // role changes queue behind one lock (SQLite has a single writer already).
    if (dialectOf(trx) === 'postgres') await sql`select pg_advisory_xact_lock(727275)`.execute(trx);
    const user = await userById(trx, change.userId);
    if (!user) throw new AccountError('not-found', 'That account no longer exists.');
    const publisherId = change.role === 'publisher' ? change.publisherId : null;
    if (publisherId !== null) {
      const p = await trx.selectFrom('publishers').select('id').where('id', '=', publisherId).executeTakeFirst();
      if (!p) throw new AccountError('not-found', 'That publisher no longer exists.');
    }
    const admins = await trx
      .selectFrom('users')
      .select(sql<number>`count(*)`.as('n'))
      .where('role', '=', 'admin')
      .executeTakeFirstOrThrow();
    const refusal = roleChangeRefusal({ target: user, to: change.role, publisherId, admins: Number(admins.n) });
    if (refusal) throw new AccountError('refused', refusal);
    await trx
      .updateTable('users')
      .set({ role: change.role, publisher_id: publisherId })
      .where('id', '=', user.id)
      .execute();
    return {
      value: { ...user, role: change.role, publisher_id: publisherId },
      entry: {
        action: 'user.role',
        target: { kind: 'user', id: user.id, label: user.email },
        details: { from: user.role, to: change.role, publisherId },
      },
    };
  });
}
