// The `manual` provider: private installs that charge nothing. Memberships
// are granted and ended by an operator or an admin (grants table).
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { BillingProvider } from './types.ts';

export const manualProvider: BillingProvider = {
  name: 'manual',
  checkoutUrl: async () => null,
  portalUrl: async () => null,
};

export async function grantMembership(
  db: Kysely<DB>,
  input: { userId: number; startsAt: number; endsAt: number | null; grantedBy: number | null; note?: string },
  now: number,
): Promise<number> {
  const row = await db
    .insertInto('grants')
    .values({
      user_id: input.userId,
      starts_at: input.startsAt,
      ends_at: input.endsAt,
      revoked_at: null,
      granted_by: input.grantedBy,
      note: input.note ?? null,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Ends every open grant of a user now. */
export async function endGrants(db: Kysely<DB>, userId: number, now: number): Promise<number> {
  const res = await db
    .updateTable('grants')
    .set({ revoked_at: now })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}
