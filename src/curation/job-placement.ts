// Steps 4 and 4b of the curation pass (job.ts): put a report into its story
// cluster, then link the story to the developing stories it continues.
import type { Kysely } from 'kysely';
import { dot, type TermVector } from '../analysis/terms.ts';
import type { DB } from '../db/schema.ts';
import {
  chooseCluster,
  continuesStory,
  DEFAULT_THREAD_RULES,
  type ClusterRules,
  type ThreadView,
} from './cluster-rules.ts';
import type { RunCache } from './run-cache.ts';
import type { StoredProfile } from './rows.ts';
import { createCluster, joinCluster, loadClusters, loadProfiles } from './store.ts';
import { continuesThread } from './thread-rules.ts';
import { addToThread, joinThreads, loadThreads, startThread, threadsOfClusters } from './thread-store.ts';

/** What placing counts into the pass's totals. */
export interface PlacementTotals {
  clustersCreated: number;
  joined: number;
}

/**
 * Step 4b: a story continues an earlier one when it continues one of its
 * reports, or the developing story as a whole (its profile, thread-rules.ts).
 * Candidates are the text's (`profiles`) and the recent reports led by the
 * same name. A new report joins its thread's profile, then the threads merge.
 */
export async function continueThreads(
  trx: Kysely<DB>,
  mine: ThreadView,
  placed: { id: number; created: boolean | null },
  candidateScores: Map<number, number>,
  profiles: StoredProfile[],
  now: number,
  cache: RunCache,
): Promise<void> {
  const clusterId = placed.id;
  const lead = mine.entities[0];
  const leadIds = lead
    ? (
        await trx
          .selectFrom('term_postings')
          .select('article_id')
          .where('term', '=', `@${lead}`)
          .where('published_at', '>=', mine.publishedAt - DEFAULT_THREAD_RULES.windowMs)
          .where('published_at', '<=', mine.publishedAt + DEFAULT_THREAD_RULES.windowMs)
          .orderBy('published_at', 'desc')
          .limit(100)
          .execute()
      )
        .map((x) => x.article_id)
        .filter((id) => !candidateScores.has(id))
    : [];
  const others = [...profiles, ...(await loadProfiles(trx, leadIds, cache))].filter(
    (p) => p.clusterId !== null && p.clusterId !== clusterId,
  );
  const threadOf = await threadsOfClusters(trx, [clusterId, ...new Set(others.map((p) => p.clusterId!))], cache);
  const myThread = threadOf.get(clusterId) ?? clusterId;
  const continued = new Set<number>();
  for (const p of others) {
    const thread = threadOf.get(p.clusterId!) ?? p.clusterId!;
    if (thread === myThread || continued.has(thread)) continue;
    if (
      continuesStory(
        mine,
        { vector: p.vector, entities: [...p.entities], publishedAt: p.publishedAt },
        DEFAULT_THREAD_RULES,
      )
    )
      continued.add(thread);
  }
  // The threads with a candidate report inside the thread window (text candidates reach further back).
  const near = others.filter((p) => Math.abs(p.publishedAt - mine.publishedAt) <= DEFAULT_THREAD_RULES.windowMs);
  const threads = [...new Set(near.map((p) => threadOf.get(p.clusterId!) ?? p.clusterId!))].filter(
    (t) => t !== myThread && !continued.has(t),
  );
  for (const t of await loadThreads(trx, threads, now, cache))
    if (continuesThread(mine, t, DEFAULT_THREAD_RULES)) continued.add(t.id);
  // A new story starts its own thread, with this report its first; an update is in its thread's profile already.
  if (placed.created) await startThread(trx, clusterId, mine, now, cache);
  else if (placed.created === false) await addToThread(trx, myThread, mine, now, cache);
  for (const t of continued) await joinThreads(trx, clusterId, t, now, cache);
}

/** Steps 4: copies join their original's cluster; other reports the best recent cluster above the threshold, else a new one. */
export async function placeInCluster(
  trx: Kysely<DB>,
  self: StoredProfile,
  profiles: StoredProfile[],
  vector: TermVector,
  entityKeys: string[],
  now: number,
  rules: ClusterRules,
  totals: PlacementTotals,
  cache: RunCache,
): Promise<{ id: number; created: boolean }> {
  const a = { id: self.id, publishedAt: self.publishedAt, vector, entities: entityKeys };
  let clusterId: number | null = null;
  if (self.duplicateOf !== null) {
    const original = await trx
      .selectFrom('articles')
      .select('cluster_id')
      .where('id', '=', self.duplicateOf)
      .executeTakeFirst();
    clusterId = original?.cluster_id ?? null;
  }
  const bestMember = new Map<number, number>();
  for (const p of profiles) {
    if (p.clusterId === null || Math.abs(p.publishedAt - self.publishedAt) > rules.maxSpanMs) continue;
    const sim = dot(vector, p.vector);
    if (sim > (bestMember.get(p.clusterId) ?? 0)) bestMember.set(p.clusterId, sim);
  }
  const clusters = await loadClusters(trx, [...bestMember.keys()], cache);
  if (clusterId === null) {
    const chosen = chooseCluster(
      { vector, entities: entityKeys, publishedAt: self.publishedAt, bestMember },
      clusters.map((c) => ({ ...c, entities: new Set(c.entities) })),
      rules,
    );
    clusterId = chosen?.id ?? null;
  }
  if (clusterId === null) {
    const id = await createCluster(trx, a, now);
    await trx.updateTable('articles').set({ cluster_id: id }).where('id', '=', self.id).execute();
    cache.articles.delete(self.id);
    totals.clustersCreated++;
    return { id, created: true };
  }
  await trx.updateTable('articles').set({ cluster_id: clusterId }).where('id', '=', self.id).execute();
  cache.articles.delete(self.id);
  const cluster = clusters.find((c) => c.id === clusterId) ?? (await loadClusters(trx, [clusterId], cache))[0];
  if (cluster) await joinCluster(trx, cluster, a, now);
  totals.joined++;
  return { id: clusterId, created: false };
}
