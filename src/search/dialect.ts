import { PostgresAdapter, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

/** Which database a Kysely handle (or transaction) talks to. */
export function dialectOf(db: Kysely<DB>): 'sqlite' | 'postgres' {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}
