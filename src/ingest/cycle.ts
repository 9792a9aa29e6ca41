// A refresh cycle: claim due feeds in batches under a lease, refresh them with
// bounded concurrency, report progress. The long-running ingest loop calls it
// on a timer; `masthead refresh` calls it once.
import crypto from 'node:crypto';
import os from 'node:os';
import { claimDueFeeds } from '../catalog/feeds.ts';
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
  onProgress?: (p: { done: number; claimed: number; outcome: FeedOutcome; feedUrl: string }) => void;
  signal?: AbortSignal;
}

export interface CycleTotals {
  feeds: number;
  updated: number;
  notModified: number;
  failed: number;
  parked: number;
  newArticles: number;
  updatedArticles: number;
  duplicates: number;
  elapsedMs: number;
}

/** A lease outlives the slowest fetch, so a crashed process's feeds come back after it. */
const LEASE_MS = 5 * 60 * 1000;

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
    newArticles: 0,
    updatedArticles: 0,
    duplicates: 0,
    elapsedMs: 0,
  };
  const publishers = new Map<number, PublisherRow>();
  const batchSize = opts.batchSize ?? Math.max(opts.concurrency * 4, 32);
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
          leaseMs: LEASE_MS,
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
      const outcome = await refreshFeed({ ...deps, owner }, feed, publishers.get(feed.publisher_id)!);
      add(totals, outcome);
      opts.onProgress?.({ done: totals.feeds, claimed, outcome, feedUrl: feed.url });
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, worker));
  totals.elapsedMs = performance.now() - started;
  return totals;
}

function add(t: CycleTotals, o: FeedOutcome): void {
  t.feeds++;
  if (o.status === 'updated') t.updated++;
  else if (o.status === 'not-modified') t.notModified++;
  else t.failed++;
  if (o.parked) t.parked++;
  t.newArticles += o.newArticles;
  t.updatedArticles += o.updatedArticles;
  t.duplicates += o.duplicates;
}
