// Where developing stories (threads) are kept: which thread each story is in
// (clusters.thread_id) and each thread's running profile (the threads table,
// thread-rules.ts). A thread with no stored profile (one from before
// migration 0007) gets one built from its stored reports when first needed.
import type { Kysely } from 'kysely';
import { parseVector, serialiseVector } from '../analysis/terms.ts';
import type { DB } from '../db/schema.ts';
import { throughCache, type RunCache } from './run-cache.ts';
import {
  addReport,
  mergeProfiles,
  newProfile,
  profileFromSum,
  type Report,
  type ThreadProfile,
} from './thread-rules.ts';

const CACHE_MAX = 20_000;

/** The thread of each of these stories (remembered for the run: only the job changes them). */
export async function threadsOfClusters(
  db: Kysely<DB>,
  clusterIds: number[],
  cache: RunCache,
): Promise<Map<number, number>> {
  return throughCache(cache.threadOf, clusterIds, CACHE_MAX, async (missing) =>
    (await db.selectFrom('clusters').select(['id', 'thread_id']).where('id', 'in', missing).execute()).map((r) => [
      r.id,
      r.thread_id ?? r.id,
    ]),
  );
}

function toRow(p: ThreadProfile, now: number) {
  return {
    term_sum: serialiseVector(p.sum),
    names: serialiseVector(p.names),
    article_count: p.size,
    first_published_at: p.firstAt,
    last_published_at: p.lastAt,
    updated_at: now,
  };
}

async function save(db: Kysely<DB>, p: ThreadProfile, now: number, cache: RunCache): Promise<ThreadProfile> {
  const row = toRow(p, now);
  await db
    .insertInto('threads')
    .values({ id: p.id, ...row })
    .onConflict((oc) => oc.column('id').doUpdateSet(row))
    .execute();
  if (cache.threads.size >= CACHE_MAX) cache.threads.delete(cache.threads.keys().next().value!);
  cache.threads.set(p.id, p);
  return p;
}

/** A thread's profile from its stored reports, oldest first; null when it has none. */
async function buildProfile(db: Kysely<DB>, id: number): Promise<ThreadProfile | null> {
  const rows = await db
    .selectFrom('articles as a')
    .innerJoin('clusters as c', 'c.id', 'a.cluster_id')
    .innerJoin('article_features as f', 'f.article_id', 'a.id')
    .select(['a.published_at', 'f.vector', 'f.entities'])
    .where('c.thread_id', '=', id)
    .where('a.status', '=', 'published')
    .orderBy('a.published_at')
    .orderBy('a.id')
    .execute();
  let p: ThreadProfile | null = null;
  for (const r of rows) {
    const report: Report = {
      vector: parseVector(r.vector),
      entities: JSON.parse(r.entities) as string[],
      publishedAt: r.published_at,
    };
    p = p ? addReport(p, report) : newProfile(id, report);
  }
  return p;
}

/** The stored profiles of these threads (none for a thread from before migration 7). */
const storedProfiles = (db: Kysely<DB>, ids: number[], cache: RunCache) =>
  throughCache(cache.threads, ids, CACHE_MAX, async (missing) =>
    (await db.selectFrom('threads').selectAll().where('id', 'in', missing).execute()).map((r) => [r.id, fromRow(r)]),
  );

/** The profiles of these threads (built from its reports and stored for any that has none yet). */
export async function loadThreads(
  db: Kysely<DB>,
  ids: number[],
  now: number,
  cache: RunCache,
): Promise<ThreadProfile[]> {
  const found = await storedProfiles(db, ids, cache);
  for (const id of ids.filter((x) => !found.has(x))) {
    const built = await buildProfile(db, id);
    if (built) found.set(id, await save(db, built, now, cache));
  }
  return ids.flatMap((id) => found.get(id) ?? []);
}

/** The profile of a thread a new story starts, this report its first. */
export async function startThread(
  db: Kysely<DB>,
  id: number,
  report: Report,
  now: number,
  cache: RunCache,
): Promise<void> {
  cache.threadOf.set(id, id);
  await save(db, newProfile(id, report), now, cache);
}

/**
 * Adds a newly placed report to its thread's profile. Call once the article's
 * cluster and features are stored: a thread with no profile yet is built from
 * its stored reports, this one among them.
 */
export async function addToThread(
  db: Kysely<DB>,
  threadId: number,
  report: Report,
  now: number,
  cache: RunCache,
): Promise<void> {
  const p = (await storedProfiles(db, [threadId], cache)).get(threadId);
  const next = p ? addReport(p, report) : await buildProfile(db, threadId);
  if (next) await save(db, next, now, cache);
}

function fromRow(r: DB['threads']): ThreadProfile {
  return profileFromSum({
    id: r.id,
    sum: parseVector(r.term_sum),
    names: parseVector(r.names),
    size: r.article_count,
    firstAt: r.first_published_at,
    lastAt: r.last_published_at,
  });
}

/** Joins two stories' developing stories into one, keyed by the older thread's id, their profiles merged. */
export async function joinThreads(db: Kysely<DB>, a: number, b: number, now: number, cache: RunCache): Promise<void> {
  const threads = [...new Set((await threadsOfClusters(db, [a, b], cache)).values())];
  if (threads.length < 2) return;
  const keep = Math.min(...threads);
  const drop = Math.max(...threads);
  // Profiles first: a missing one is built from the reports the thread holds before the join.
  const [kept, dropped] = [
    (await loadThreads(db, [keep], now, cache))[0],
    (await loadThreads(db, [drop], now, cache))[0],
  ];
  await db.updateTable('clusters').set({ thread_id: keep }).where('thread_id', '=', drop).execute();
  for (const [cluster, thread] of cache.threadOf) if (thread === drop) cache.threadOf.set(cluster, keep);
  await db.deleteFrom('threads').where('id', '=', drop).execute();
  cache.threads.delete(drop);
  if (kept && dropped) await save(db, mergeProfiles(kept, dropped), now, cache);
  else if (kept ?? dropped) await save(db, { ...(kept ?? dropped)!, id: keep }, now, cache);
}
