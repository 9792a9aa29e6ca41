// Which database a Kysely handle talks to. The catalogue's writers get a
// Kysely<DB> (often a transaction inside the ingest orchestrator) but not the
// Database wrapper that names its dialect; the handle's adapter says it, and a
// transaction shares its parent's adapter, so this is one instanceof check.
import { PostgresAdapter, type Kysely } from 'kysely';
import type { Dialect } from '../db/connect.ts';
import type { DB } from '../db/schema.ts';

export function dialectOf(db: Kysely<DB>): Dialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}
