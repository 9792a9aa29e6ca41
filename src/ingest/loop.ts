// The long-running ingest role: a refresh cycle every few seconds over the
// feeds that are due, until stopped. Several processes (or machines, on
// PostgreSQL) may run it at once; leases keep them off each other's feeds.
// After each cycle: the curation pass over new articles and, at least once a
// minute, the top-stories ranking.
import type { AppContext } from '../app.ts';
import type { IngestStatus } from '../web/routes/health.ts';
import { sendTrialReminders } from '../members/reminders.ts';
import { runCuration } from '../curation/job.ts';
import { computeTopStories } from '../curation/trending.ts';
import { DEFAULT_TRENDING_RULES } from '../curation/trending-rules.ts';
import { leaseOwner, runCycle, type CycleTotals } from './cycle.ts';

export interface IngestLoop {
  status(): IngestStatus;
  stop(): Promise<void>;
}

export function startIngestLoop(ctx: AppContext, opts: { tickMs?: number; now?: () => number; onCycle?: (t: CycleTotals) => void } = {}): IngestLoop {
  const tickMs = opts.tickMs ?? 5000;
  const now = opts.now ?? Date.now;
  const owner = leaseOwner();
  const controller = new AbortController();
  const state: IngestStatus = { running: true, lastCycleAt: null, lastCycleMs: null, lastError: null };
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> = Promise.resolve();
  let lastReminders = 0;
  let lastTop = 0;

  const tick = async () => {
    try {
      const totals = await runCycle(
        {
          database: ctx.database,
          fetcher: ctx.fetcher,
          log: ctx.log,
          now,
          owner,
          allowPrivate: ctx.config.allowPrivateFeeds,
          bounds: { minS: ctx.config.schedule.minIntervalS, maxS: ctx.config.schedule.maxIntervalS, parkAfter: ctx.config.schedule.parkAfter },
        },
        { concurrency: ctx.config.fetch.concurrency, signal: controller.signal },
      );
      state.lastCycleAt = now();
      state.lastCycleMs = Math.round(totals.elapsedMs);
      state.lastError = null;
      if (totals.feeds > 0) ctx.log.info({ ...totals, elapsedMs: Math.round(totals.elapsedMs) }, 'refresh cycle');
      opts.onCycle?.(totals);
      // Curation of what arrived (one process at a time holds its lease), and top stories at least once a minute.
      // A bounded share per tick, so a large backlog (an import, a rebuild) never holds up the feeds.
      const curated = await runCuration(ctx.database, { now, owner: `${owner}:curation`, max: 1000 });
      if (curated.articles > 0) ctx.log.info({ articles: curated.articles, clustersCreated: curated.clustersCreated, joined: curated.joined, elapsedMs: Math.round(curated.elapsedMs) }, 'curation pass');
      if (curated.articles > 0 || now() - lastTop >= 60_000) {
        lastTop = now();
        await computeTopStories(ctx.database.db, now(), { ...DEFAULT_TRENDING_RULES, halfLifeMs: ctx.config.curation.trendingHalfLifeMs });
      }
      // Background jobs that piggy-back on the loop: trial mails every ten minutes.
      if (now() - lastReminders > 10 * 60_000) {
        lastReminders = now();
        const sent = await sendTrialReminders({ db: ctx.database.db, mailer: ctx.mailer, now: now(), baseUrl: ctx.baseUrl, graceDays: ctx.config.membership.graceDays });
        if (sent.warned || sent.ended) ctx.log.info(sent, 'trial mails sent');
      }
    } catch (err) {
      // A cycle-level failure (the database went away, say) is logged and retried next tick.
      state.lastError = (err as Error).message;
      ctx.log.error({ err }, 'refresh cycle failed');
    }
    if (!controller.signal.aborted) timer = setTimeout(() => (current = tick()), tickMs);
  };
  current = tick();

  return {
    status: () => ({ ...state }),
    async stop() {
      controller.abort();
      clearTimeout(timer);
      state.running = false;
      await current;
    },
  };
}
