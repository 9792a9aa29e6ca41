// The CLI under trouble, as real processes: a database another process holds
// locked is waited for rather than failing with a stack trace, and a database
// it cannot reach gets a sentence, not a stack trace.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import SqliteDatabase from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const bin = path.resolve('bin/masthead.js');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-cli-errors-'));
const env = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent', NO_COLOR: '1' };

async function masthead(
  args: string[],
  extra: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], {
      env: { ...env, ...extra },
      timeout: 90_000,
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('masthead CLI in trouble', { timeout: 120_000 }, () => {
  it('waits for a write another process holds, then does its own', async () => {
    expect((await masthead(['migrate'])).code).toBe(0);
    const other = new SqliteDatabase(path.join(dataDir, 'masthead.sqlite'));
    other.pragma('journal_mode = WAL');
    other.exec('BEGIN IMMEDIATE'); // another writer holds the lock, as a busy server would
    const pending = masthead(['publishers', 'add', 'quay-daily', 'Quay Daily', '--sections', 'news']);
    await new Promise((r) => setTimeout(r, 6000)); // longer than a server's own 5 s wait
    other.exec('COMMIT');
    other.close();
    const r = await pending;
    expect(r.stderr).not.toMatch(/SQLITE_BUSY|\n\s+at /);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('added publisher');
  });

  it('says in words when it cannot reach the database, without a stack trace', async () => {
    const r = await masthead(['feeds', 'list'], { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/error: cannot reach the database .*Is PostgreSQL running/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("run in an empty folder without the server's DATA_DIR, says which database has no schema and creates nothing", async () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-empty-'));
    try {
      const r = await run(process.execPath, [bin, 'feeds', 'list'], {
        cwd: empty,
        env: { ...env, DATA_DIR: '', DATABASE_URL: '' },
        timeout: 90_000,
      }).then(
        (ok) => ({ code: 0, ...ok }),
        (e: { code: number; stdout: string; stderr: string }) => e,
      );
      expect(r.code).toBe(1);
      const file = path.join(fs.realpathSync(empty), 'data', 'masthead.sqlite');
      expect(r.stderr).toContain(
        `error: The database sqlite:${file} has no Masthead schema (there is no such file). Set DATA_DIR (or DATABASE_URL) to the server's, or run \`masthead migrate\``,
      );
      expect(r.stderr).not.toMatch(/SqliteError|\n\s+at /);
      expect(fs.readdirSync(empty)).toEqual([]);
    } finally {
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });

  it('refuses an existing database file without the schema, and leaves it as it was', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-noschema-'));
    try {
      fs.writeFileSync(path.join(dir, 'masthead.sqlite'), '');
      const r = await masthead(['publishers', 'list'], { DATA_DIR: dir });
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/has no Masthead schema \(no schema_migrations table\)\. .*run `masthead migrate`/);
      expect(fs.statSync(path.join(dir, 'masthead.sqlite')).size).toBe(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses to start an install others reach without PUBLIC_URL, before creating anything', async () => {
    const dir = path.join(dataDir, 'exposed');
    const r = await masthead(['start'], { DATA_DIR: dir, HOST: '0.0.0.0', PUBLIC_URL: '' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /error: Invalid configuration:\n {2}- PUBLIC_URL is not set, and this install is not only local \(HOST=0.0.0.0 listens beyond this machine\).*Set PUBLIC_URL to the address readers use/,
    );
    expect(fs.existsSync(dir)).toBe(false);
  });
});
