// Looking accounts up: by address, by id, all of them.
import type { Kysely } from 'kysely';
import type { DB, UserRow } from '../db/schema.ts';
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
