// A refresh cycle: claim due feeds in batches under a lease, refresh them with
// bounded concurrency, report progress. The long-running ingest loop calls it
// on a timer; `masthead refresh` calls it once.
import crypto from 'node:crypto';
import os from 'node:os';
import { claimDueFeeds, releaseFeeds, renewFeedLeases } from '../catalog/feeds.ts';
import { getPublishersByIds } from '../catalog/publishers.ts';
import type { FeedRow, PublisherRow } from '../db/schema.ts';
import { refreshFeed, type FeedOutcome, type RefreshDeps } from './refresh.ts';

export interface CycleOptions {
  /** Refresh this feed only (due or not, parked or not). */
  feedId?: number;
  /** Refresh every active feed now, due or not. */
  all?: boolean;
  concurrency: number;
  /** Feeds claimed per batch. */
  batchSize?: number;
  /** Stop claiming after this many feeds (one pass). */
  maxFeeds?: number;
  /** After each feed; ms is how long its refresh took. */
  onProgress?: (p: { done: number; claimed: number; outcome: FeedOutcome; feedUrl: string; ms: number }) => void;
  signal?: AbortSignal;
}

export interface CycleTotals {
  feeds: number;
  updated: number;
  notModified: number;
  failed: number;
  parked: number;
  /** Feeds let go unfinished because the cycle was stopped (their leases released, their health untouched). */
  abandoned: number;
  newArticles: number;
  updatedArticles: number;
  duplicates: number;
  elapsedMs: number;
}

/**
 * Feed leases are short and renewed while the cycle works (a slow feed stays with the process on it), so a
 * process that dies without letting go (kill -9) holds its feeds for at most this long.
 */
export const FEED_LEASE_MS = 30_000;
const RENEW_EVERY_MS = FEED_LEASE_MS / 3;

export function leaseOwner(): string {
  return `${os.hostname()}:${process.pid}:${crypto.randomBytes(3).toString('hex')}`;
}

export async function runCycle(
  deps: Omit<RefreshDeps, 'owner'> & { owner?: string },
  opts: CycleOptions,
): Promise<CycleTotals> {
  const owner = deps.owner ?? leaseOwner();
  const started = performance.now();
  const totals: CycleTotals = {
    feeds: 0,
    updated: 0,
    notModified: 0,
    failed: 0,
    parked: 0,
    abandoned: 0,
    newArticles: 0,
    updatedArticles: 0,
    duplicates: 0,
    elapsedMs: 0,
  };
  const publishers = new Map<number, PublisherRow>();
  // Claims stay small (the queue is topped up as it runs low), so several processes share the due feeds
  // rather than one holding leases on feeds it will not reach for a while.
  const batchSize = opts.batchSize ?? Math.max(opts.concurrency * 2, 8);
  let claimed = 0;
  const cycleStart = deps.now();

  // Workers share a queue that is topped up by claiming the next batch when it runs low, so one
  // slow feed never holds the others back at a batch boundary. Claims are one at a time.
  const queue: FeedRow[] = [];
  let exhausted = false;
  let claiming: Promise<void> | null = null;
  const refill = () =>
    (claiming ??= (async () => {
      try {
        const limit = Math.min(batchSize, (opts.maxFeeds ?? Infinity) - claimed);
        if (limit <= 0 || opts.signal?.aborted) {
          exhausted = true;
          return;
        }
        const feeds = await claimDueFeeds(deps.database.db, deps.database.dialect, {
          owner,
          now: deps.now(),
          leaseMs: FEED_LEASE_MS,
          limit,
          feedId: opts.feedId,
          // A forced pass takes each feed once: those it refreshed carry a newer last_fetch_at.
          notFetchedSince: opts.all ? cycleStart : undefined,
        });
        if (feeds.length === 0 || opts.feedId !== undefined) exhausted = true;
        claimed += feeds.length;
        const missing = [...new Set(feeds.map((f) => f.publisher_id))].filter((id) => !publishers.has(id));
        for (const p of await getPublishersByIds(deps.database.db, missing)) publishers.set(p.id, p);
        queue.push(...feeds);
      } finally {
        claiming = null;
      }
    })());

  const worker = async () => {
    while (!opts.signal?.aborted) {
      if (queue.length <= opts.concurrency && !exhausted) await refill();
      const feed = queue.shift();
      if (!feed) {
        if (exhausted) return;
        continue;
      }
      const began = performance.now();
      const outcome = await refreshFeed(
        { ...deps, owner, signal: opts.signal },
        feed,
        publishers.get(feed.publisher_id)!,
      );
      add(totals, outcome);
      opts.onProgress?.({ done: totals.feeds, claimed, outcome, feedUrl: feed.url, ms: performance.now() - began });
    }
  };
  const heartbeat = setInterval(() => {
    renewFeedLeases(deps.database.db, owner, deps.now() + FEED_LEASE_MS).catch(() => undefined);
  }, RENEW_EVERY_MS);
  heartbeat.unref();
  try {
    await Promise.all(Array.from({ length: opts.concurrency }, worker));
  } finally {
    clearInterval(heartbeat);
    await Promise.resolve(claiming).catch(() => undefined);
    // Stopped with feeds still queued: they go back now rather than when their leases run out.
    await releaseFeeds(
      deps.database.db,
      queue.splice(0).map((f) => f.id),
      owner,
    );
  }
  totals.elapsedMs = performance.now() - started;
  return totals;
}

function add(t: CycleTotals, o: FeedOutcome): void {
  if (o.status === 'abandoned') {
    t.abandoned++;
    return;
  }
  t.feeds++;
  if (o.status === 'updated') t.updated++;
  else if (o.status === 'not-modified') t.notModified++;
  else t.failed++;
  if (o.parked) t.parked++;
  t.newArticles += o.newArticles;
  t.updatedArticles += o.updatedArticles;
  t.duplicates += o.duplicates;
}
