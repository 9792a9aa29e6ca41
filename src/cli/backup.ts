// masthead backup FILE / masthead restore FILE. On SQLite: the online backup API (safe while Masthead
// runs), checked, and a restore that keeps the current database aside and swaps the file in one
// rename (db/backup.ts). On PostgreSQL: pg_dump's custom format and pg_restore in one transaction
// (db/backup-pg.ts). Either way a restore wants every Masthead process stopped first.
import cliProgress from 'cli-progress';
import { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { BackupError, backupSqlite, restoreSqlite, type BackupProgress } from '../db/backup.ts';
import { pgDump, pgRestore } from '../db/backup-pg.ts';
import { openDatabase, type Database } from '../db/connect.ts';
import { migrate } from '../db/migrate.ts';
import { UsageError, bold, dim, green, yellow } from './format.ts';
import { withContext } from './run.ts';

/** Databases of fewer pages than this (40 MB at SQLite's 4 KiB pages) are copied without a bar. */
const BAR_FROM_PAGES = 10_000;

const size = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;

/** Operator-facing failures print as a sentence, without a stack. */
async function told<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof BackupError) throw new UsageError(err.message);
    throw err;
  }
}

function progressBar(): { update(p: BackupProgress): void; stop(): void } {
  const bar = process.stderr.isTTY
    ? new cliProgress.SingleBar(
        {
          format: ' {bar} {percentage}% · {value}/{total} pages',
          hideCursor: true,
          clearOnComplete: true,
          stream: process.stderr,
        },
        cliProgress.Presets.shades_classic,
      )
    : undefined;
  let started = false;
  return {
    update(p) {
      if (!bar || p.totalPages < BAR_FROM_PAGES) return;
      if (!started) bar.start(p.totalPages, 0);
      started = true;
      bar.setTotal(p.totalPages);
      bar.update(p.totalPages - p.remainingPages);
    },
    stop: () => started && bar?.stop(),
  };
}

async function backup(file: string, opts: { force?: boolean }): Promise<void> {
  const config = loadConfig();
  if (config.database.kind === 'sqlite') {
    const bar = progressBar();
    const done = await backupSqlite(config.database.file, file, { force: opts.force, onProgress: bar.update }).finally(
      bar.stop,
    );
    process.stdout.write(
      `${green('Backed up')} ${config.database.file} to ${bold(file)}: ${size(done.bytes)}, schema ${done.schema}, integrity checked` +
        `${done.restarts ? dim(` (restarted ${done.restarts}× by writes while it copied)`) : ''}.\n`,
    );
    return;
  }
  const done = await pgDump({ url: config.database.url }, file, { force: opts.force });
  process.stdout.write(
    `${green('Backed up')} the PostgreSQL database to ${bold(file)} (pg_dump custom format): ${size(done.bytes)}, schema ${done.schema}.\n`,
  );
}

async function migrateAfter(database: Database, restored: { schema: number; latest: number }, run: boolean) {
  if (restored.schema >= restored.latest) return;
  if (!run) {
    process.stdout.write(
      `${yellow('The restored schema is')} ${restored.schema}, this version needs ${restored.latest}: run \`masthead migrate\` before starting.\n`,
    );
    return;
  }
  const applied = await migrate(database);
  process.stdout.write(`Schema migrated from ${restored.schema} to ${restored.latest} (${applied.length} steps).\n`);
}

async function restore(file: string, opts: { force?: boolean; migrate: boolean }): Promise<void> {
  const config = loadConfig();
  const now = Date.now();
  if (config.database.kind === 'sqlite') {
    const target = config.database.file;
    const done = await restoreSqlite(target, file, { now, force: opts.force });
    process.stdout.write(
      `${green('Restored')} ${bold(file)} as ${target}.\n` +
        (done.keptAs ? `The database it replaced is kept as ${done.keptAs} (delete it when all is well).\n` : ''),
    );
    const database = openDatabase({ kind: 'sqlite', file: target });
    await migrateAfter(database, done, opts.migrate).finally(() => database.close());
  } else {
    const { url } = config.database;
    await withContext(
      async (ctx) => {
        const done = await pgRestore(ctx.database.db, { url }, file, {
          now,
          keepDir: config.dataDir,
          force: opts.force,
        });
        process.stdout.write(
          `${green('Restored')} ${bold(file)} into the PostgreSQL database (one transaction).\n` +
            `The database as it was is kept as ${done.keptAs} (pg_restore it to go back).\n`,
        );
        await migrateAfter(ctx.database, done, opts.migrate);
      },
      { quiet: true, schema: 'create' },
    );
  }
  process.stdout.write(dim('Start Masthead again when ready.\n'));
}

export function backupCommand(): Command {
  return new Command('backup')
    .description(
      'Copy the database to FILE while Masthead runs: SQLite online backup (checked), or pg_dump -Fc on PostgreSQL',
    )
    .argument('<file>', 'where to write the backup (refused if it exists, unless --force)')
    .option('--force', 'replace FILE if it exists')
    .action((file: string, opts: { force?: boolean }) => told(() => backup(file, opts)));
}

export function restoreCommand(): Command {
  return new Command('restore')
    .description(
      'Replace the database with a backup made by `masthead backup` (stop every Masthead process first); the current one is kept aside',
    )
    .argument('<file>', 'the backup to restore')
    .option('--force', 'restore even though leases show a Masthead process running (left over from one that died)')
    .option('--no-migrate', 'leave an older schema as it is (run `masthead migrate` later)')
    .action((file: string, opts: { force?: boolean; migrate: boolean }) => told(() => restore(file, opts)));
}
