// The clean-up pass: what has expired goes, each table by the module that owns it, in bounded batches
// (db/purge.ts) so it never holds SQLite's write lock for long. The `cleanup` background job runs it
// under its own lease (one process at a time); `masthead cleanup` runs it once, or counts (--dry-run).
import type { Kysely } from 'kysely';
import type { AppContext } from '../app.ts';
import { readEventsCutoff } from '../curation/retention-rules.ts';
import { deleteExpiredReadNonces, deleteReadEventsBefore } from '../curation/reads.ts';
import type { DB } from '../db/schema.ts';
import type { Logger } from '../log.ts';
import { deleteOldImages } from '../images/retention.ts';
import { deleteOldMailFiles } from '../mail/mail-files.ts';
import { deleteOldOutboxMail } from '../mail/outbox-retention.ts';
import { deleteExpiredSessions } from '../members/sessions.ts';
import { deleteStaleThrottles } from '../members/throttle.ts';
import { deleteSpentTokens } from '../members/user-tokens.ts';
import type { Job } from './scheduler.ts';

export type CleanupCounts = {
  sessions: number;
  tokens: number;
  throttles: number;
  readNonces: number;
  readEvents: number;
  outboxMail: number;
  mailFiles: number;
  images: number;
};

export type CleanupResult = CleanupCounts & {
  /** Read events of days before this one were deleted (the retention rule's answer). */
  readEventsBefore: string;
};

export interface CleanupOptions {
  now: number;
  dryRun?: boolean;
  batchSize?: number;
  signal?: AbortSignal;
}

export const CLEANUP_LABELS: Record<keyof CleanupCounts, string> = {
  sessions: 'expired sessions',
  tokens: 'used or expired email-link tokens',
  throttles: 'ended throttle windows (sign-in attempts and the like)',
  readNonces: 'spent read-token nonces',
  readEvents: 'read events past retention',
  outboxMail: 'sent or given-up outbox mail',
  mailFiles: 'mail files under DATA_DIR/mail',
  images: 'cached pictures under DATA_DIR/images',
};

export async function runCleanup(
  deps: { db: Kysely<DB>; dataDir: string; log?: Logger },
  opts: CleanupOptions,
): Promise<CleanupResult> {
  const { db } = deps;
  const { now } = opts;
  const purge = { dryRun: opts.dryRun, batchSize: opts.batchSize, signal: opts.signal };
  // No payout statements are kept yet, so no month is held open beyond the retention span itself.
  const readEventsBefore = readEventsCutoff(now, null);
  const result: CleanupResult = {
    sessions: await deleteExpiredSessions(db, now, purge),
    tokens: await deleteSpentTokens(db, now, purge),
    throttles: await deleteStaleThrottles(db, now, purge),
    readNonces: await deleteExpiredReadNonces(db, now, purge),
    readEvents: await deleteReadEventsBefore(db, readEventsBefore, purge),
    outboxMail: await deleteOldOutboxMail(db, now, purge),
    mailFiles: await deleteOldMailFiles(deps.dataDir, now, { dryRun: opts.dryRun }),
    images: await deleteOldImages(deps.dataDir, now, { dryRun: opts.dryRun }),
    readEventsBefore,
  };
  const total = Object.keys(CLEANUP_LABELS).reduce((n, k) => n + result[k as keyof CleanupCounts], 0);
  if (total > 0 && !opts.dryRun) deps.log?.info(result, 'clean-up: expired rows and files deleted');
  return result;
}

/** The background job: hourly, under its own lease (one process at a time); its counts show on /healthz. */
export function cleanupJob(ctx: Pick<AppContext, 'config' | 'database' | 'log'>, now: () => number): Job {
  return {
    name: 'cleanup',
    everyMs: 60 * 60_000,
    // Not held between runs: after a process dies, another takes the next turn.
    exclusive: { leaseMs: 10 * 60_000 },
    run: (signal) =>
      runCleanup({ db: ctx.database.db, dataDir: ctx.config.dataDir, log: ctx.log }, { now: now(), signal }),
  };
}
