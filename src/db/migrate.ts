// Brings a database up to the schema this build knows, and refuses one that is
// newer (written by a later release): running old code on a new schema loses data.
import fs from 'node:fs';
import SqliteDatabase from 'better-sqlite3';
import { sql, type Kysely } from 'kysely';
import type { Database } from './connect.ts';
import { migrations as allMigrations } from './migrations/index.ts';
import type { Migration, MigrationHelpers } from './migrations/types.ts';

export class SchemaError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SchemaError';
  }
}

export interface SchemaState {
  current: number;
  latest: number;
  pending: Migration[];
}

async function ensureTable(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('schema_migrations')
    .ifNotExists()
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('applied_at', 'bigint', (c) => c.notNull())
    .execute();
}

async function appliedIds(db: Kysely<any>): Promise<number[]> {
  const rows = await db.selectFrom('schema_migrations').select('id').orderBy('id').execute();
  return rows.map((r: { id: number }) => Number(r.id));
}

export async function schemaState(
  database: Database,
  migrations: readonly Migration[] = allMigrations,
): Promise<SchemaState> {
  await ensureTable(database.db);
  const applied = new Set(await appliedIds(database.db));
  const latest = migrations.at(-1)?.id ?? 0;
  const unknown = [...applied].filter((id) => !migrations.some((m) => m.id === id));
  if (unknown.length > 0) {
    throw new SchemaError(
      `The database has schema migration${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}, which this version of Masthead (schema ${latest}) does not know. ` +
        'It was written by a newer release: run that release, or restore a backup taken before the upgrade.',
    );
  }
  return {
    current: Math.max(0, ...applied),
    latest,
    pending: migrations.filter((m) => !applied.has(m.id)),
  };
}

/** Applies pending migrations in one transaction; returns the ones applied. */
export async function migrate(
  database: Database,
  migrations: readonly Migration[] = allMigrations,
): Promise<Migration[]> {
  await ensureTable(database.db);
  const helpers: MigrationHelpers = {
    dialect: database.dialect,
    id: (c) =>
      database.dialect === 'postgres' ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement(),
  };
  return database.db.transaction().execute(async (trx) => {
    // Several processes may start at once on PostgreSQL: one migrates, the others wait and find nothing to do.
    if (database.dialect === 'postgres') await sql`select pg_advisory_xact_lock(727274)`.execute(trx);
    const state = await schemaState({ ...database, db: trx }, migrations);
    for (const m of state.pending) {
      await m.up(trx, helpers);
      await trx.insertInto('schema_migrations').values({ id: m.id, name: m.name, applied_at: Date.now() }).execute();
    }
    return state.pending;
  });
}

/** For serve/ingest: refuse to run on a schema that is not exactly the one we know. */
export async function assertSchemaCurrent(database: Database): Promise<void> {
  const state = await schemaState(database);
  if (state.pending.length > 0) {
    throw new SchemaError(
      `The database schema is at ${state.current}, this version needs ${state.latest}. Run \`masthead migrate\` first (take a backup before, as with any upgrade).`,
    );
  }
}

/** The sentence for a command pointed at a database Masthead never set up (e.g. run without the server's DATA_DIR). */
export function noSchemaMessage(describe: string, why: string): string {
  return (
    `The database ${describe} has no Masthead schema (${why}). Set DATA_DIR (or DATABASE_URL) to the server's, ` +
    'or run `masthead migrate` to set up a new database there.'
  );
}

/**
 * For commands that only use a database: refuse one without the schema, without writing to it (a SQLite
 * file is looked at read-only before it is opened for work, which would turn it into a WAL database).
 */
export async function assertSchemaPresent(target: { sqlite: string } | { database: Database }): Promise<void> {
  if ('sqlite' in target) {
    const file = target.sqlite;
    if (!fs.existsSync(file)) throw new SchemaError(noSchemaMessage(`sqlite:${file}`, 'there is no such file'));
    const probe = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
    try {
      if (!probe.prepare(`select 1 from sqlite_master where type = 'table' and name = 'schema_migrations'`).get())
        throw new SchemaError(noSchemaMessage(`sqlite:${file}`, 'no schema_migrations table'));
    } finally {
      probe.close();
    }
    return;
  }
  const { database } = target;
  const found = await sql<{ n: string | null }>`select to_regclass('schema_migrations')::text as n`.execute(
    database.db,
  );
  if (!found.rows[0]?.n) throw new SchemaError(noSchemaMessage(database.describe, 'no schema_migrations table'));
}
