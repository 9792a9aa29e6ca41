// The install at a glance (feeds by state, articles, the curation queue), as
// /healthz and the /metrics gauges report it. Counting every article is not
// free, and monitors probe often: the summary is read at most once per
// interval per process, and concurrent probes share one read.
import { ingestSummary, type IngestSummary } from '../catalog/feeds.ts';
import { queueState } from '../curation/job.ts';
import type { Database } from '../db/connect.ts';

export interface OperationsSummary {
  ingest: IngestSummary;
  curation: { waiting: number; oldestQueuedAt: number | null };
}

/** How long a summary is served before it is read again. */
export const SUMMARY_TTL_MS = 5000;

export async function operationsSummary(database: Database, now: number): Promise<OperationsSummary> {
  const [ingest, curation] = await Promise.all([ingestSummary(database.db, now), queueState(database.db)]);
  return { ingest, curation };
}

/** load() at most once per ttlMs (by the clock given); callers within the interval share its answer; a failure is not kept. */
export function cachedFor<T>(ttlMs: number, now: () => number, load: (now: number) => Promise<T>): () => Promise<T> {
  let kept: { at: number; value: Promise<T> } | null = null;
  return () => {
    const t = now();
    if (kept && t - kept.at < ttlMs && t >= kept.at) return kept.value;
    const entry = { at: t, value: load(t) };
    kept = entry;
    entry.value.catch(() => {
      if (kept === entry) kept = null;
    });
    return entry.value;
  };
}

export const summaryCache = (database: Database, now: () => number = Date.now) =>
  cachedFor(SUMMARY_TTL_MS, now, (t) => operationsSummary(database, t));
