// Masthead's background jobs, as the scheduler runs them in an ingest process:
//   feeds        refresh the feeds that are due (leases per feed: any number of processes share them)
//   curation     analyse what arrived: topics, names, stories, related (its own lease, one pass at a time)
//   top-stories  rank "Top stories right now" (one process at a time)
//   trial-mail   warn members whose trial ends soon, and tell them when it has (one process at a time)
// Each bounds its own work per run, so none holds up the others for long.
import type { AppContext } from '../app.ts';
import { runCuration } from '../curation/job.ts';
import { computeTopStories } from '../curation/trending.ts';
import { DEFAULT_TRENDING_RULES } from '../curation/trending-rules.ts';
import { runCycle } from '../ingest/cycle.ts';
import { sendTrialReminders } from '../members/reminders.ts';
import type { Job } from './scheduler.ts';

export interface BackgroundOptions {
  now?: () => number;
  /** Pause between feed cycles (default 5 s). */
  feedsEveryMs?: number;
  owner: string;
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
          { concurrency: config.fetch.concurrency, signal },
        );
        if (totals.feeds > 0) ctx.log.info({ ...totals, elapsedMs: Math.round(totals.elapsedMs) }, 'refresh cycle');
        return { feeds: totals.feeds, newArticles: totals.newArticles, failed: totals.failed };
      },
    },
    {
      name: 'curation',
      everyMs: 5000,
      async run() {
        // A bounded share per run, so a large backlog (an import, a rebuild) never holds up the rest.
        const done = await runCuration(ctx.database, { now, owner: `${opts.owner}:curation`, max: 1000 });
        if (done.articles > 0)
          ctx.log.info(
            {
              articles: done.articles,
              clustersCreated: done.clustersCreated,
              joined: done.joined,
              elapsedMs: Math.round(done.elapsedMs),
            },
            'curation pass',
          );
        return { articles: done.articles, skipped: !!done.skipped };
      },
    },
    {
      name: 'top-stories',
      everyMs: 30_000,
      exclusive: { leaseMs: 5 * 60_000 },
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
      async run() {
        const sent = await sendTrialReminders({
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
  ];
}
