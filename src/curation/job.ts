// The curation pass, run in the background after ingest: every article in the
// queue (new, or changed since its analysis) is read in order of arrival and
//   1. analysed (terms, topics, people and places, tone),
//   2. counted into the document frequencies, then given its TF-IDF vector,
//   3. matched against recent stories through the postings index,
//   4. put into a story cluster (an existing one, or a new one),
//   5. linked to its related stories (and they back to it),
//   6. stored, with its good-news verdict.
// Batches commit one at a time, so a crash loses at most the batch under way,
// and that batch is simply done again. One pass runs at a time (a lease, short
// and renewed while the pass works). Stopping is checked between articles: the
// batch under way is abandoned (rolled back, done again by the next pass).
import type { Database } from '../db/connect.ts';
import type { DB } from '../db/schema.ts';
import type { Kysely } from 'kysely';
import { tfidfVector } from '../analysis/terms.ts';
import type { Analysis } from './analyse.ts';
import { inlineAnalyser, workerAnalyser, type Analyser } from './analyser.ts';
import { DEFAULT_CLUSTER_RULES, type ClusterRules } from './cluster-rules.ts';
import { continueThreads, placeInCluster } from './job-placement.ts';
import { canonicalNames } from './entity-store.ts';
import { acquireLease, keepLease, releaseLease } from '../db/leases.ts';
import { DEFAULT_RELATED_RULES, rankRelated } from './related-rules.ts';
import {
  addDocuments,
  candidatesByTerms,
  documentCount,
  loadDf,
  loadProfiles,
  newRunCache,
  writeFeatures,
  writeRelated,
  type RunCache,
  type StoredProfile,
} from './store.ts';

export interface CurationOptions {
  now?: () => number;
  batch?: number;
  /** stop after this many articles (all waiting ones when absent) */
  max?: number;
  owner?: string;
  clusterRules?: ClusterRules;
  /** where analysis runs; by default inline, or on a worker thread when the backlog is large */
  analyser?: Analyser;
  onProgress?: (done: number, waiting: number) => void;
  /** Stop early: checked between articles. */
  signal?: AbortSignal;
}

export interface CurationTotals {
  articles: number;
  clustersCreated: number;
  joined: number;
  elapsedMs: number;
  /** time spent finding and ranking related stories (the lookup), summed */
  relatedMs: number;
  skipped: boolean;
  /** the pass was stopped (or lost its lease) before its end; the batch under way was left for the next */
  stopped?: boolean;
}

/** The pass's lease: renewed while it works, so a process that dies hands curation over within this. */
export const CURATION_LEASE_MS = 15_000;

const VECTOR_TERMS = 60;
/** From this many waiting articles on, analysis moves to a worker thread (its start-up costs ~0.3 s). */
const WORKER_BACKLOG = 400;
const POSTED_TERMS = 16;
const QUERY_TERMS = 12;
const RELATED_SHOWN = 6;
const RELATED_HORIZON_MS = 120 * 86_400_000;
const ENTITY_KEYS = 12;

interface Waiting {
  id: number;
  publisher_id: number;
  title: string;
  standfirst: string;
  body_text: string;
  categories: string;
  section: string | null;
  published_at: number;
  duplicate_of: number | null;
  cluster_id: number | null;
  status: string;
}

function parseList(json: string): string[] {
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

export async function countWaiting(db: Kysely<DB>): Promise<number> {
  const row = await db.selectFrom('curation_queue').select(db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The queue at a glance, for monitoring: how many articles wait, and since when the oldest. */
export async function queueState(db: Kysely<DB>): Promise<{ waiting: number; oldestQueuedAt: number | null }> {
  const row = await db
    .selectFrom('curation_queue')
    .select([db.fn.countAll<number>().as('n'), db.fn.min('queued_at').as('oldest')])
    .executeTakeFirstOrThrow();
  return { waiting: Number(row.n), oldestQueuedAt: row.oldest == null ? null : Number(row.oldest) };
}

/** Runs curation over waiting articles until none are left (or `max`). Returns skipped when another process holds the lease. */
export async function runCuration(database: Database, opts: CurationOptions = {}): Promise<CurationTotals> {
  const now = opts.now ?? Date.now;
  const owner = opts.owner ?? `curation:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
  const totals: CurationTotals = {
    articles: 0,
    clustersCreated: 0,
    joined: 0,
    elapsedMs: 0,
    relatedMs: 0,
    skipped: false,
  };
  const started = performance.now();
  const db = database.db;
  if (opts.signal?.aborted || !(await acquireLease(db, 'curation', owner, now(), CURATION_LEASE_MS)))
    return { ...totals, skipped: true };
  // Stops between articles when asked to, or when another process has the lease (this one stalled past it).
  const lost = new AbortController();
  const signal = opts.signal ? AbortSignal.any([opts.signal, lost.signal]) : lost.signal;
  const lease = keepLease(db, 'curation', owner, { ttlMs: CURATION_LEASE_MS, now, onLost: () => lost.abort() });
  const waiting = await countWaiting(db);
  // A large backlog is analysed on a second thread, one batch ahead of the one being stored.
  const analyser = opts.analyser ?? (waiting >= WORKER_BACKLOG ? workerAnalyser() : inlineAnalyser);
  try {
    const cache = newRunCache();
    const batchSize = () => Math.min(opts.batch ?? 200, (opts.max ?? Infinity) - totals.articles);
    const fetchBatch = async (
      after: number,
      limit: number,
    ): Promise<{ rows: Waiting[]; analyses: Promise<Analysis[]>; fetchedAt: number } | null> => {
      if (limit <= 0) return null;
      const fetchedAt = Date.now();
      const rows = await db
        .selectFrom('articles')
        .select([
          'id',
          'publisher_id',
          'title',
          'standfirst',
          'body_text',
          'categories',
          'section',
          'published_at',
          'duplicate_of',
          'cluster_id',
          'status',
        ])
        .where('id', 'in', (eb) =>
          eb
            .selectFrom('curation_queue')
            .select('article_id')
            .where('article_id', '>', after)
            .orderBy('article_id')
            .limit(limit),
        )
        .orderBy('id')
        .execute();
      if (rows.length === 0) return null;
      // What this run remembers of these articles may have changed since (an edit re-queues an article).
      for (const r of rows) cache.articles.delete(r.id);
      const live = rows.filter((r) => r.status === 'published');
      return {
        rows,
        fetchedAt,
        analyses: analyser.analyseAll(
          live.map((r) => ({
            title: r.title,
            standfirst: r.standfirst,
            text: r.body_text,
            categories: parseList(r.categories),
            section: r.section,
          })),
        ),
      };
    };
    let next = await fetchBatch(0, batchSize());
    while (next && !signal.aborted) {
      const current = next;
      const analyses = await current.analyses;
      const lastId = current.rows.at(-1)!.id;
      // The next batch's analysis starts now, on the other thread, while this one is stored.
      next = await fetchBatch(
        lastId,
        Math.min(opts.batch ?? 200, (opts.max ?? Infinity) - totals.articles - current.rows.length),
      );
      try {
        await db
          .transaction()
          .execute((trx) =>
            curateBatch(
              trx,
              current.rows,
              analyses,
              current.fetchedAt,
              now(),
              opts.clusterRules ?? DEFAULT_CLUSTER_RULES,
              totals,
              cache,
              signal,
            ),
          );
      } catch (err) {
        if (!signal.aborted) throw err;
        break; // rolled back: the batch is done again by the next pass
      }
      totals.articles += current.rows.length;
      opts.onProgress?.(totals.articles, waiting);
    }
    if (signal.aborted) {
      totals.stopped = true;
      void next?.analyses.catch(() => undefined); // the analyser closes under it
    }
    // Queued ids whose article is gone are dropped.
    else if (batchSize() > 0)
      await db
        .deleteFrom('curation_queue')
        .where('article_id', 'not in', (eb) => eb.selectFrom('articles').select('id'))
        .execute();
  } finally {
    lease.stop();
    if (!opts.analyser) await analyser.close();
    await releaseLease(db, 'curation', owner);
  }
  totals.elapsedMs = performance.now() - started;
  return totals;
}

async function curateBatch(
  trx: Kysely<DB>,
  rows: Waiting[],
  analysed: Analysis[],
  fetchedAt: number,
  now: number,
  rules: ClusterRules,
  totals: CurationTotals,
  cache: RunCache,
  signal: AbortSignal,
): Promise<void> {
  // Off the queue, unless changed again since it was read (then the next pass analyses the new text).
  await trx
    .deleteFrom('curation_queue')
    .where(
      'article_id',
      'in',
      rows.map((r) => r.id),
    )
    .where('queued_at', '<=', fetchedAt)
    .execute();
  // What this run remembers of these articles may have changed since (an edit re-queues an article).
  for (const r of rows) cache.articles.delete(r.id);
  const live = rows.filter((r) => r.status === 'published');
  const done = rows.filter((r) => r.status !== 'published').map((r) => r.id);
  if (done.length) await trx.updateTable('articles').set({ curated_at: now }).where('id', 'in', done).execute();
  if (live.length === 0) return;

  // 1–2. Analyse, count new documents into the frequencies (an article analysed before is not counted twice), weigh terms.
  const analyses = new Map<number, Analysis>(live.map((r, i) => [r.id, analysed[i]!]));
  // Names as the entities they stand for across articles, in the order the articles are placed below.
  for (const r of [...live].sort((a, b) => a.published_at - b.published_at || a.id - b.id))
    await canonicalNames(trx, analyses.get(r.id)!, ENTITY_KEYS, cache);
  const seenBefore = new Set(
    (
      await trx
        .selectFrom('article_features')
        .select('article_id')
        .where(
          'article_id',
          'in',
          live.map((r) => r.id),
        )
        .execute()
    ).map((r) => r.article_id),
  );
  const fresh = live.filter((r) => !seenBefore.has(r.id));
  const docs = (await documentCount(trx)) + fresh.length;
  await addDocuments(
    trx,
    fresh.map((r) => analyses.get(r.id)!.counts.keys()),
    docs,
  );
  const df = await loadDf(
    trx,
    live.flatMap((r) => [...analyses.get(r.id)!.counts.keys()]),
  );
  const rulings = new Map(
    (
      await trx
        .selectFrom('good_news_overrides')
        .select(['article_id', 'include'])
        .where(
          'article_id',
          'in',
          live.map((r) => r.id),
        )
        .execute()
    ).map((o) => [o.article_id, o.include]),
  );

  // 3–6, oldest first, so a story's first report founds its cluster.
  for (const r of [...live].sort((a, b) => a.published_at - b.published_at || a.id - b.id)) {
    signal.throwIfAborted();
    const analysis = analyses.get(r.id)!;
    const vector = tfidfVector(analysis.counts, (t) => df.get(t) ?? 1, docs, VECTOR_TERMS);
    const entityKeys = analysis.entities.slice(0, ENTITY_KEYS).map((e) => e.key);
    const topicSlugs = analysis.topics.map((t) => t.slug);
    await writeFeatures(
      trx,
      {
        id: r.id,
        publishedAt: r.published_at,
        vector,
        postings: POSTED_TERMS,
        entities: analysis.entities.slice(0, ENTITY_KEYS),
        topics: analysis.topics,
      },
      !seenBefore.has(r.id),
      cache,
    );

    const t0 = performance.now();
    const candidateScores = await candidatesByTerms(trx, vector, {
      from: r.published_at - RELATED_HORIZON_MS,
      to: r.published_at + RELATED_HORIZON_MS,
      terms: QUERY_TERMS,
      perTerm: 250,
      limit: 60,
      exclude: r.id,
    });
    const profiles = await loadProfiles(trx, [...candidateScores.keys()], cache);
    const self: StoredProfile = {
      id: r.id,
      publisherId: r.publisher_id,
      clusterId: null,
      duplicateOf: r.duplicate_of,
      publishedAt: r.published_at,
      vector,
      entities: new Set(entityKeys),
      topics: new Set(topicSlugs),
    };
    totals.relatedMs += performance.now() - t0;

    const placed =
      r.cluster_id === null
        ? await placeInCluster(trx, self, profiles, vector, entityKeys, now, rules, totals, cache)
        : null;
    const clusterId = placed?.id ?? r.cluster_id!;
    self.clusterId = clusterId;
    // Step 4b: the developing story, when this report continues earlier ones.
    await continueThreads(
      trx,
      { vector, entities: entityKeys, publishedAt: r.published_at },
      { id: clusterId, created: placed?.created ?? null },
      candidateScores,
      profiles,
      now,
      cache,
    );

    const t1 = performance.now();
    const related = rankRelated(self, profiles, RELATED_SHOWN, DEFAULT_RELATED_RULES);
    totals.relatedMs += performance.now() - t1;
    await writeRelated(trx, r.id, related);
    // Good news: the job's verdict, unless an editor has ruled on this article.
    const ruling = rulings.get(r.id);
    const goodNews = ruling ?? (analysis.goodNews ? 1 : 0);
    await trx
      .updateTable('articles')
      .set({ curated_at: now, tone: Math.round(analysis.tone * 1000) / 1000, good_news: goodNews })
      .where('id', '=', r.id)
      .execute();
  }
}
