// A curation run's memory between batches (see RunCache), and the one way to
// read through it.
import type { ClusterRow, StoredProfile } from './rows.ts';
import type { ThreadProfile } from './thread-rules.ts';

/**
 * What one curation run remembers between batches: parsed features by article
 * id (an article's analysis only changes when the run itself rewrites it, and
 * one run holds the lease at a time) and entity ids by key (never re-keyed).
 */
export interface RunCache {
  features: Map<number, Pick<StoredProfile, 'vector' | 'entities' | 'topics'>>;
  /** entity key → id, for keys that are an entity's own (not names standing for another) */
  entityIds: Map<string, number>;
  /** clusters as last read or written by this run (only the job changes them) */
  clusters: Map<number, ClusterRow>;
  /** published articles' place: publisher, story, copy of, time. The job forgets an article's entry when it places it or meets it in the queue (edited); an article withdrawn mid-run, or a copy re-pointed then, is read afresh by the next run */
  articles: Map<number, Pick<StoredProfile, 'publisherId' | 'clusterId' | 'duplicateOf' | 'publishedAt'>>;
  /** each story's thread, as last read or changed by this run (thread-store.ts) */
  threadOf: Map<number, number>;
  /** developing stories' profiles as last read or written by this run (thread-store.ts) */
  threads: Map<number, ThreadProfile>;
}
export const newRunCache = (): RunCache => ({
  features: new Map(),
  entityIds: new Map(),
  clusters: new Map(),
  articles: new Map(),
  threadOf: new Map(),
  threads: new Map(),
});

/**
 * Looks ids up in one of a run's caches, fetching the missing ones; the oldest
 * entries make room. What it found is returned even if it was evicted meanwhile.
 */
export async function throughCache<V>(
  cache: Map<number, V>,
  ids: number[],
  max: number,
  fetch: (missing: number[]) => Promise<[number, V][]>,
): Promise<Map<number, V>> {
  const found = new Map<number, V>();
  const missing: number[] = [];
  for (const id of ids) {
    const v = cache.get(id);
    if (v !== undefined) found.set(id, v);
    else missing.push(id);
  }
  if (missing.length) {
    for (const [id, v] of await fetch(missing)) {
      found.set(id, v);
      if (cache.size >= max) cache.delete(cache.keys().next().value!);
      cache.set(id, v);
    }
  }
  return found;
}
