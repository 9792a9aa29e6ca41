// masthead cleanup [--dry-run]: the clean-up job's pass, once, now (jobs/cleanup.ts): expired
// sessions and tokens, ended throttle windows, spent read nonces, read events past retention, old
// outbox mail and mail files. --dry-run counts what would go and deletes nothing.
import { Command } from 'commander';
import { assertSchemaCurrent } from '../db/migrate.ts';
import { CLEANUP_LABELS, runCleanup, type CleanupCounts } from '../jobs/cleanup.ts';
import { dim, table } from './format.ts';
import { withContext } from './run.ts';

export function cleanupCommand(): Command {
  return new Command('cleanup')
    .description(
      'Delete expired sessions, tokens, sign-in throttles, old read events and mail now (the hourly clean-up job, once)',
    )
    .option('--dry-run', 'count what would be deleted; delete nothing')
    .action(async (opts: { dryRun?: boolean }) => {
      await withContext(
        async (ctx) => {
          await assertSchemaCurrent(ctx.database);
          const done = await runCleanup(
            { db: ctx.database.db, dataDir: ctx.config.dataDir, log: ctx.log },
            { now: Date.now(), dryRun: opts.dryRun },
          );
          const keys = Object.keys(CLEANUP_LABELS) as (keyof CleanupCounts)[];
          process.stdout.write(
            `${table(
              [opts.dryRun ? 'would delete' : 'deleted', 'what'],
              keys.map((k) => [String(done[k]), CLEANUP_LABELS[k]]),
            )}\n${dim(`Read events are kept from ${done.readEventsBefore} on (13 months, and any open payout month).`)}\n`,
          );
        },
        { quiet: true },
      );
    });
}
