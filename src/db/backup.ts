// Backups and restores of the embedded database (SQLite). A backup uses SQLite's online backup API
// through its own connection, so it is safe while Masthead runs (WAL: readers and the one writer carry
// on); it is written beside the target under a temporary name, checked (integrity, schema), made a
// single self-contained file (no -wal) and only then renamed into place. A restore checks the file
// first (a database, intact, a Masthead schema this code knows), keeps the current database aside, and
// swaps the new one in with one rename. PostgreSQL has its own tools: backup-pg.ts.
import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { migrations as allMigrations } from './migrations/index.ts';
import type { Migration } from './migrations/types.ts';

/** A backup or restore refused or failed, with a message for the operator. */
export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

export interface BackupFacts {
  /** The highest schema migration applied. */
  schema: number;
  bytes: number;
}

export interface BackupProgress {
  totalPages: number;
  remainingPages: number;
}

/** A time for file names: 2026-12-08T01-10-00Z. */
export const fileStamp = (now: number) =>
  new Date(now)
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/:/g, '-');

const exists = (file: string) => fs.existsSync(file);

function removeQuietly(...files: string[]): void {
  for (const f of files) fs.rmSync(f, { force: true });
}

/**
 * What a file holds, checked as a restore needs it: a SQLite database, intact, with Masthead's
 * migrations table, at a schema this code knows. Throws BackupError saying which check failed.
 */
export function inspectSqlite(file: string, opts: { known?: readonly Migration[]; name?: string } = {}): BackupFacts {
  const known = opts.known ?? allMigrations;
  /** The file as the operator named it (the check may run on a copy). */
  const name = opts.name ?? file;
  let db: SqliteDatabase.Database | undefined;
  try {
    db = new SqliteDatabase(file, { fileMustExist: true });
    const check = db.pragma('integrity_check', { simple: false }) as { integrity_check: string }[];
    const problems = check.map((r) => r.integrity_check).filter((r) => r !== 'ok');
    if (problems.length)
      throw new BackupError(`${name} is damaged (integrity check: ${problems.slice(0, 3).join('; ')}).`);
    const table = db
      .prepare("select name from sqlite_master where type = 'table' and name = 'schema_migrations'")
      .get();
    if (!table) throw new BackupError(`${name} is a SQLite database, but not a Masthead one (no schema_migrations).`);
    const ids = (db.prepare('select id from schema_migrations order by id').all() as { id: number }[]).map((r) =>
      Number(r.id),
    );
    const latest = known.at(-1)?.id ?? 0;
    const unknown = ids.filter((id) => !known.some((m) => m.id === id));
    if (unknown.length)
      throw new BackupError(
        `${name} has schema ${Math.max(...ids)}, newer than this version of Masthead (schema ${latest}): restore it with the release that wrote it.`,
      );
    return { schema: Math.max(0, ...ids), bytes: fs.statSync(file).size };
  } catch (err) {
    if (err instanceof BackupError) throw err;
    const code = (err as { code?: string }).code;
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT')
      throw new BackupError(`${name} is not a usable SQLite database (${(err as Error).message}).`);
    if (code === 'SQLITE_CANTOPEN') throw new BackupError(`cannot open ${name}: check the path and its permissions.`);
    throw err;
  } finally {
    db?.close();
  }
}

export interface SqliteBackupOptions {
  /** Replace an existing file. */
  force?: boolean;
  onProgress?: (p: BackupProgress) => void;
  /** Pages copied per step at first (default 1024); doubled whenever a write by another connection restarts the copy. */
  stepPages?: number;
}

/**
 * Copies the live database at `source` to `dest` with the online backup API, then checks the copy.
 * Each step copies a slice in its own short read; a write by another connection between steps
 * restarts the copy, so each restart doubles the slice, and a busy database is still copied in the
 * end (at worst in one step, one consistent read).
 */
export async function backupSqlite(
  source: string,
  dest: string,
  opts: SqliteBackupOptions = {},
): Promise<BackupFacts & { restarts: number }> {
  if (!exists(source)) throw new BackupError(`there is no database at ${source} (check DATA_DIR).`);
  if (exists(dest) && !opts.force) throw new BackupError(`${dest} already exists; pass --force to replace it.`);
  if (!exists(path.dirname(path.resolve(dest))))
    throw new BackupError(`the folder ${path.dirname(path.resolve(dest))} does not exist.`);
  const tmp = `${path.resolve(dest)}.partial-${process.pid}`;
  const db = new SqliteDatabase(source, { fileMustExist: true });
  let restarts = 0;
  try {
    db.pragma('busy_timeout = 30000');
    let step = Math.max(1, opts.stepPages ?? 1024);
    let last = Infinity;
    await db.backup(tmp, {
      progress: (p) => {
        // No progress since the last step: a write restarted the copy.
        if (p.remainingPages >= last) {
          restarts++;
          step = Math.min(0x7fffffff, step * 2);
        }
        last = p.remainingPages;
        opts.onProgress?.(p);
        return step;
      },
    });
    const copy = new SqliteDatabase(tmp);
    try {
      // One self-contained file: no -wal beside it to forget when it is copied elsewhere.
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    const facts = inspectSqlite(tmp, { name: dest });
    fs.renameSync(tmp, dest);
    return { ...facts, restarts };
  } catch (err) {
    removeQuietly(tmp, `${tmp}-journal`, `${tmp}-wal`, `${tmp}-shm`);
    throw err;
  } finally {
    db.close();
  }
}

/** Leases held now (by running ingest processes), or [] when none (or no lease table). */
function heldLeases(file: string, now: number): { name: string; owner: string; until: number }[] {
  const db = new SqliteDatabase(file, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 30000');
    return db.prepare('select name, owner, until from job_leases where until > ?').all(now) as {
      name: string;
      owner: string;
      until: number;
    }[];
  } catch {
    return [];
  } finally {
    db.close();
  }
}

export interface SqliteRestoreResult {
  /** The schema of the restored file (migrate when below the latest). */
  schema: number;
  latest: number;
  /** Where the database it replaced was kept, if there was one. */
  keptAs: string | null;
}

/**
 * Replaces the database at `target` with the backup `from`. Refuses a file that is not an intact
 * Masthead database of a schema this code knows, and (unless `force`) a database whose leases show
 * Masthead running. The current database is copied aside first (`<target>.before-restore-<time>`);
 * the swap is one rename, and stale -wal/-shm files of the old database are removed before it.
 */
export async function restoreSqlite(
  target: string,
  from: string,
  opts: { now: number; force?: boolean },
): Promise<SqliteRestoreResult> {
  if (!exists(from)) throw new BackupError(`there is no file at ${from}.`);
  const stamp = fileStamp(opts.now);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  // Checked as a copy beside the target (the operator's file is never opened for writing).
  const tmp = `${target}.restoring-${stamp}`;
  try {
    fs.copyFileSync(from, tmp);
    const facts = inspectSqlite(tmp, { name: from });
    let keptAs: string | null = null;
    if (exists(target)) {
      const held = heldLeases(target, opts.now);
      if (held.length && !opts.force)
        throw new BackupError(
          `Masthead looks to be running: it holds ${held.map((l) => l.name).join(', ')} until ${new Date(Math.max(...held.map((l) => l.until))).toISOString()}. ` +
            'Stop every Masthead process first (or pass --force if they are stopped and the leases are left over).',
        );
      keptAs = `${target}.before-restore-${stamp}`;
      await backupSqlite(target, keptAs, { force: true });
    }
    removeQuietly(`${target}-wal`, `${target}-shm`, `${target}-journal`);
    fs.renameSync(tmp, target);
    return { schema: facts.schema, latest: allMigrations.at(-1)?.id ?? 0, keptAs };
  } finally {
    removeQuietly(tmp, `${tmp}-journal`, `${tmp}-wal`, `${tmp}-shm`);
  }
}
