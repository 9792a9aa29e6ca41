// Masthead's background jobs, as the scheduler runs them in an ingest process:
//   feeds        refresh the feeds that are due (leases per feed: any number of processes share them)
//   curation     analyse what arrived: topics, names, stories, related (its own lease, one pass at a time)
//   top-stories  rank "Top stories right now" (one process at a time)
//   trial-mail   warn members whose trial ends soon, and tell them when it has (one process at a time)
//   cleanup      delete expired sessions, tokens, throttles, old read events and mail (one process at a time)
// Each bounds its own work per run, so none holds up the others for long.
import type { AppContext } from '../app.ts';
import { runCuration } from '../curation/job.ts';
import { computeTopStories } from '../curation/trending.ts';
import { DEFAULT_TRENDING_RULES } from '../curation/trending-rules.ts';
import { runCycle } from '../ingest/cycle.ts';
import type { FeedOutcome } from '../ingest/refresh.ts';
import { sendTrialReminders } from '../members/reminders.ts';
import { cleanupJob } from './cleanup.ts';
import type { Job } from './scheduler.ts';

export interface BackgroundOptions {
  now?: () => number;
  /** Pause between feed cycles (default 5 s). */
  feedsEveryMs?: number;
  owner: string;
  /** Told of each feed refreshed and how long it took (for metrics). */
  onFeed?: (outcome: FeedOutcome, ms: number) => void;
}

export function backgroundJobs(ctx: AppContext, opts: BackgroundOptions): Job[] {
  const now = opts.now ?? Date.now;
  const { config } = ctx;
  return [
    {
      name: 'feeds',
      everyMs: opts.feedsEveryMs ?? 5000,
      async run(signal) {
        const bounds = {
          minS: config.schedule.minIntervalS,
          maxS: config.schedule.maxIntervalS,
          parkAfter: config.schedule.parkAfter,
        };
        const totals = await runCycle(
          {
            database: ctx.database,
            fetcher: ctx.fetcher,
            log: ctx.log,
            now,
            owner: opts.owner,
            allowPrivate: config.allowPrivateFeeds,
            bounds,
          },
          {
            concurrency: config.fetch.concurrency,
            signal,
            onProgress: opts.onFeed && ((p) => opts.onFeed!(p.outcome, p.ms)),
          },
        );
        if (totals.feeds > 0) ctx.log.info({ ...totals, elapsedMs: Math.round(totals.elapsedMs) }, 'refresh cycle');
        return { feeds: totals.feeds, newArticles: totals.newArticles, failed: totals.failed };
      },
    },
    {
      name: 'curation',
      everyMs: 5000,
      async run(signal) {
        // A bounded share per run, so a large backlog (an import, a rebuild) never holds up the rest.
        const done = await runCuration(ctx.database, { now, owner: `${opts.owner}:curation`, max: 1000, signal });
        if (done.articles > 0 || done.stopped)
          ctx.log.info(
            {
              articles: done.articles,
              clustersCreated: done.clustersCreated,
              joined: done.joined,
              elapsedMs: Math.round(done.elapsedMs),
              ...(done.stopped ? { stopped: true } : {}),
            },
            done.stopped ? 'curation pass stopped early; the batch under way is left for the next' : 'curation pass',
          );
        return { articles: done.articles, skipped: !!done.skipped };
      },
    },
    {
      name: 'top-stories',
      everyMs: 30_000,
      // Held between runs and renewed while one works: a process that dies hands it over within a few runs.
      exclusive: { leaseMs: 90_000 },
      async run() {
        await computeTopStories(ctx.database.db, now(), {
          ...DEFAULT_TRENDING_RULES,
          halfLifeMs: config.curation.trendingHalfLifeMs,
        });
      },
    },
    {
      name: 'trial-mail',
      everyMs: 10 * 60_000,
      exclusive: { leaseMs: 30 * 60_000 },
      async run(signal) {
        const sent = await sendTrialReminders({
          signal,
          db: ctx.database.db,
          mailer: ctx.mailer,
          now: now(),
          baseUrl: ctx.baseUrl,
          graceDays: config.membership.graceDays,
        });
        if (sent.warned || sent.ended) ctx.log.info(sent, 'trial mails sent');
        return sent;
      },
    },
    cleanupJob(ctx, now),
  ];
}
