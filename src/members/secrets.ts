// Per-install secrets (CSRF tokens, trusted-device cookies, read tokens), made
// once and kept in the database so every web process signs alike.
import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

/** The named secret, created on first use (concurrent first uses agree on one). */
export async function installSecret(db: Kysely<DB>, name: string): Promise<Buffer> {
  await db
    .insertInto('meta')
    .values({ key: name, value: crypto.randomBytes(32).toString('base64url') })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const row = await db.selectFrom('meta').select('value').where('key', '=', name).executeTakeFirstOrThrow();
  return Buffer.from(row.value, 'base64');
}
