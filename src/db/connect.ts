// One Kysely handle over either dialect. SQLite (better-sqlite3, WAL) is the
// embedded default; DATABASE_URL=postgres://… switches to PostgreSQL.
import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import type { DB } from './schema.ts';

export type Dialect = 'sqlite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  dialect: Dialect;
  /** Human description for logs and /healthz (never includes a password). */
  describe: string;
  /** PostgreSQL only: where to open a connection of one's own (a LISTEN client, db/notify.ts). */
  postgres?: { url: string; schema?: string };
  close(): Promise<void>;
}

export type DatabaseTarget =
  | {
      kind: 'sqlite';
      file: string;
      /** how long a write waits for another process's (default 5 s) */ busyTimeoutMs?: number;
    }
  | { kind: 'postgres'; url: string; schema?: string; poolSize?: number };

// BIGINT (epoch ms, counts) and NUMERIC come back as strings by default; our
// values fit comfortably in a double, so parse them as numbers once, here.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

export function openDatabase(target: DatabaseTarget): Database {
  if (target.kind === 'sqlite') return openSqlite(target.file, target.busyTimeoutMs);
  return openPostgres(target.url, target.schema, target.poolSize);
}

function openSqlite(file: string, busyTimeoutMs = 5000): Database {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SqliteDatabase(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
  // Kysely prepares every query afresh; better-sqlite3 statements are reusable. Keeping the recent
  // ones roughly doubles the signed-in article page (the largest single cost in its profile).
  const statements = new Map<string, ReturnType<typeof sqlite.prepare>>();
  const database = {
    close: () => sqlite.close(),
    prepare(text: string) {
      // A transaction here is always for writing: take the write lock when it begins. A deferred one that
      // reads first fails at once with SQLITE_BUSY when it tries to write while another process writes,
      // without waiting out busy_timeout.
      if (text === 'begin') text = 'begin immediate';
      let stmt = statements.get(text);
      if (!stmt) {
        stmt = sqlite.prepare(text);
        if (statements.size >= 1000) statements.delete(statements.keys().next().value!);
        statements.set(text, stmt);
      }
      return stmt;
    },
  };
  const db = new Kysely<DB>({
    dialect: new SqliteDialect({ database: database as unknown as SqliteDatabase.Database }),
  });
  return {
    db,
    dialect: 'sqlite',
    describe: `sqlite:${file}`,
    close: () => db.destroy(),
  };
}

function openPostgres(url: string, schema?: string, poolSize = 10): Database {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    // A schema per test run keeps parallel suites apart on one database.
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  const safe = new URL(url);
  if (safe.password) safe.password = '***';
  return {
    db,
    dialect: 'postgres',
    describe: `postgres:${safe.host}${safe.pathname}${schema ? `#${schema}` : ''}`,
    postgres: { url, schema },
    close: () => db.destroy(),
  };
}

/** Cheap round trip for health checks. */
export async function ping(database: Database): Promise<number> {
  const started = performance.now();
  await sql`select 1`.execute(database.db);
  return performance.now() - started;
}
