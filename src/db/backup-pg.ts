// Backups and restores on PostgreSQL, with PostgreSQL's own tools: pg_dump's custom format (compressed,
// consistent: one snapshot, while Masthead runs) and pg_restore in one transaction (all or nothing).
// The password never goes on a command line (other users can read those): it is handed over in
// PGPASSWORD. The tools must be installed (the postgresql-client package), at the server's major
// version or newer.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { BackupError, fileStamp, type BackupFacts } from './backup.ts';
import { migrations as allMigrations } from './migrations/index.ts';
import type { DB } from './schema.ts';

export interface PgTarget {
  url: string;
  /** One schema only (the tests' way of keeping runs apart); the whole database when unset. */
  schema?: string;
}

function run(tool: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(tool, args, { env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (!err) return resolve(stdout);
      if ((err as NodeJS.ErrnoException).code === 'ENOENT')
        return reject(
          new BackupError(
            `${tool} is not installed (or not on PATH): install PostgreSQL's client tools (e.g. apt install postgresql-client), at the server's version or newer.`,
          ),
        );
      reject(new BackupError(`${tool} failed: ${stderr.trim().split('\n').slice(-3).join(' ') || err.message}`));
    });
  });
}

/** libpq's connection options without the password, and the password apart. */
function connection(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = '';
  return { dbname: u.toString(), env: password ? { PGPASSWORD: password } : {} };
}

/** The version line of pg_dump and pg_restore, or a BackupError saying they are missing. */
export async function pgToolVersions(): Promise<string[]> {
  return [(await run('pg_dump', ['--version'])).trim(), (await run('pg_restore', ['--version'])).trim()];
}

/** The schema migrations recorded in an archive, read from its schema_migrations data. */
async function archiveFacts(file: string): Promise<BackupFacts> {
  const list = await run('pg_restore', ['--list', file]);
  if (!/TABLE DATA \S+ schema_migrations /.test(list))
    throw new BackupError(`${file} is a pg_dump archive, but not of a Masthead database (no schema_migrations).`);
  const data = await run('pg_restore', ['--data-only', '--table=schema_migrations', '--file=-', file]);
  const copy = data.slice(data.indexOf('COPY '));
  const ids = [...copy.matchAll(/^(\d+)\t/gm)].map((m) => Number(m[1]));
  const latest = allMigrations.at(-1)?.id ?? 0;
  const unknown = ids.filter((id) => !allMigrations.some((m) => m.id === id));
  if (unknown.length)
    throw new BackupError(
      `${file} has schema ${Math.max(...ids)}, newer than this version of Masthead (schema ${latest}): restore it with the release that wrote it.`,
    );
  return { schema: Math.max(0, ...ids), bytes: fs.statSync(file).size };
}

/** Checks a file is a pg_dump archive of a Masthead database this code knows. */
export async function inspectPgArchive(file: string): Promise<BackupFacts> {
  if (!fs.existsSync(file)) throw new BackupError(`there is no file at ${file}.`);
  try {
    return await archiveFacts(file);
  } catch (err) {
    if (err instanceof BackupError && /pg_restore failed/.test(err.message))
      throw new BackupError(`${file} is not a pg_dump archive (custom format) that pg_restore can read.`);
    throw err;
  }
}

/** pg_dump -Fc of the database (or one schema) to `dest`, written aside, checked, then renamed into place. */
export async function pgDump(target: PgTarget, dest: string, opts: { force?: boolean } = {}): Promise<BackupFacts> {
  if (fs.existsSync(dest) && !opts.force) throw new BackupError(`${dest} already exists; pass --force to replace it.`);
  if (!fs.existsSync(path.dirname(path.resolve(dest))))
    throw new BackupError(`the folder ${path.dirname(path.resolve(dest))} does not exist.`);
  const tmp = `${path.resolve(dest)}.partial-${process.pid}`;
  const { dbname, env } = connection(target.url);
  try {
    await run(
      'pg_dump',
      [
        '--format=custom',
        `--file=${tmp}`,
        ...(target.schema ? [`--schema=${target.schema}`] : []),
        `--dbname=${dbname}`,
      ],
      env,
    );
    const facts = await archiveFacts(tmp);
    fs.renameSync(tmp, dest);
    return facts;
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

export interface PgRestoreResult {
  schema: number;
  latest: number;
  keptAs: string;
}

/**
 * Restores an archive over the database with pg_restore --clean --if-exists in a single transaction.
 * Refuses an archive that is not a Masthead one this code knows, one older than the database's own
 * schema (tables of the newer schema would be left behind: restore into a new, empty database), and
 * (unless `force`) a database whose leases show Masthead running. Dumps the current database to
 * `keepDir` first.
 */
export async function pgRestore(
  db: Kysely<DB>,
  target: PgTarget,
  from: string,
  opts: { now: number; keepDir: string; force?: boolean },
): Promise<PgRestoreResult> {
  const facts = await inspectPgArchive(from);
  const current = await sql<{ id: number }>`select max(id) as id from schema_migrations`
    .execute(db)
    .then((r) => Number(r.rows[0]?.id ?? 0))
    .catch(() => 0);
  if (current > facts.schema)
    throw new BackupError(
      `${from} has schema ${facts.schema}, older than this database's (${current}): restoring over it would leave the newer tables behind. ` +
        'Restore into a new, empty database (createdb, then point DATABASE_URL at it) and run `masthead migrate`.',
    );
  const held = await db
    .selectFrom('job_leases')
    .select(['name', 'until'])
    .where('until', '>', opts.now)
    .execute()
    .catch(() => []);
  if (held.length && !opts.force)
    throw new BackupError(
      `Masthead looks to be running: it holds ${held.map((l) => l.name).join(', ')}. ` +
        'Stop every Masthead process first (or pass --force if they are stopped and the leases are left over).',
    );
  fs.mkdirSync(opts.keepDir, { recursive: true });
  const keptAs = path.join(opts.keepDir, `before-restore-${fileStamp(opts.now)}.dump`);
  await pgDump(target, keptAs);
  const { dbname, env } = connection(target.url);
  await run(
    'pg_restore',
    [
      '--clean',
      '--if-exists',
      '--single-transaction',
      '--exit-on-error',
      '--no-owner',
      '--no-privileges',
      `--dbname=${dbname}`,
      from,
    ],
    env,
  );
  return { schema: facts.schema, latest: allMigrations.at(-1)?.id ?? 0, keptAs };
}
