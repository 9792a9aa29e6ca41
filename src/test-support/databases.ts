// Test support: real databases for suites that run on both dialects.
// SQLite: a fresh file in a temp folder. PostgreSQL: a fresh schema on the
// local server (127.0.0.1:5432, database `test`), dropped afterwards, so
// suites running in parallel never see each other's rows.
// PostgreSQL runs unless MASTHEAD_TEST_PG=0; if it is unreachable the suite
// fails rather than silently skipping.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type Database } from '../db/connect.ts';
import { migrate } from '../db/migrate.ts';

export const TEST_PG_URL = process.env.MASTHEAD_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export const testDialects: ('sqlite' | 'postgres')[] =
  process.env.MASTHEAD_TEST_PG === '0' ? ['sqlite'] : ['sqlite', 'postgres'];

export interface TestDatabase extends Database {
  /** Drops the schema / deletes the file. */
  dispose(): Promise<void>;
  /** For PostgreSQL, the schema in use (so a second process can open the same data). */
  target: Parameters<typeof openDatabase>[0];
}

export async function createTestDatabase(
  dialect: 'sqlite' | 'postgres',
  opts: { migrate?: boolean } = {},
): Promise<TestDatabase> {
  const suffix = crypto.randomBytes(6).toString('hex');
  let target: Parameters<typeof openDatabase>[0];
  let cleanup: () => Promise<void>;
  if (dialect === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-test-'));
    target = { kind: 'sqlite', file: path.join(dir, 'test.sqlite') };
    cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
  } else {
    const schema = `t_${suffix}`;
    const admin = new pg.Client({ connectionString: TEST_PG_URL });
    await admin.connect().catch((err: Error) => {
      throw new Error(
        `PostgreSQL test database unreachable at ${TEST_PG_URL}: ${err.message}. Start it, or set MASTHEAD_TEST_PG=0 to run the SQLite suite only.`,
      );
    });
    await admin.query(`create schema ${schema}`);
    await admin.end();
    target = { kind: 'postgres', url: TEST_PG_URL, schema, poolSize: 4 };
    cleanup = async () => {
      const c = new pg.Client({ connectionString: TEST_PG_URL });
      await c.connect();
      await c.query(`drop schema if exists ${schema} cascade`);
      await c.end();
    };
  }
  const database = openDatabase(target);
  if (opts.migrate !== false) await migrate(database);
  return {
    ...database,
    target,
    async dispose() {
      await database.close();
      await cleanup();
    },
  };
}
