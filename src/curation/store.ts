// The curation job's reads and writes: document frequencies, the postings
// index, stored features, clusters, entities, topics and related links.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Entity } from '../analysis/entities.ts';
import { addVectors, normalise, parseVector, serialiseVector, type TermVector } from '../analysis/terms.ts';
import type { TopicScore } from '../analysis/topics.ts';
import { entityIds } from './entity-store.ts';
import type { ClusterRow, StoredProfile } from './rows.ts';
import { throughCache, type RunCache } from './run-cache.ts';

export type { ClusterRow, StoredProfile } from './rows.ts';
export { newRunCache, throughCache, type RunCache } from './run-cache.ts';

const FEATURE_CACHE_MAX = 50_000;

const CHUNK = 500;
function chunks<T>(xs: T[], n = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
}

export async function documentCount(db: Kysely<DB>): Promise<number> {
  const row = await db.selectFrom('meta').select('value').where('key', '=', 'curation.docs').executeTakeFirst();
  return row ? Number(row.value) : 0;
}

/** Adds these documents' terms to the frequencies (terms sorted, so concurrent writers lock in one order). */
export async function addDocuments(db: Kysely<DB>, docs: Iterable<string>[], docCount: number): Promise<void> {
  const increments = new Map<string, number>();
  for (const d of docs) for (const t of new Set(d)) increments.set(t, (increments.get(t) ?? 0) + 1);
  const rows = [...increments].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([term, df]) => ({ term, df }));
  for (const part of chunks(rows)) {
    await db
      .insertInto('term_df')
      .values(part)
      .onConflict((oc) => oc.column('term').doUpdateSet({ df: sql`term_df.df + excluded.df` }))
      .execute();
  }
  await db
    .insertInto('meta')
    .values({ key: 'curation.docs', value: String(docCount) })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: String(docCount) }))
    .execute();
}

export async function loadDf(db: Kysely<DB>, terms: string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const part of chunks([...new Set(terms)])) {
    for (const r of await db.selectFrom('term_df').select(['term', 'df']).where('term', 'in', part).execute())
      out.set(r.term, r.df);
  }
  return out;
}

/**
 * Articles sharing the query's strongest terms in a time range, by partial dot
 * product (impact-ordered candidates): each term's newest `perTerm` postings,
 * all terms in one statement.
 */
export async function candidatesByTerms(
  db: Kysely<DB>,
  query: TermVector,
  opts: { from: number; to: number; terms: number; perTerm: number; limit: number; exclude: number },
): Promise<Map<number, number>> {
  const asked = [...query].slice(0, opts.terms);
  if (asked.length === 0) return new Map();
  const weightOf = new Map(asked);
  const parts = asked.map(
    ([term], i) =>
      sql`select * from (select term, article_id, weight from term_postings where term = ${term} and published_at >= ${opts.from} and published_at <= ${opts.to} order by published_at desc limit ${opts.perTerm}) ${sql.raw(`p${i}`)}`,
  );
  const { rows } = await sql<{
    term: string;
    article_id: number;
    weight: number;
  }>`${sql.join(parts, sql` union all `)}`.execute(db);
  const scores = new Map<number, number>();
  for (const r of rows)
    if (r.article_id !== opts.exclude)
      scores.set(r.article_id, (scores.get(r.article_id) ?? 0) + weightOf.get(r.term)! * r.weight);
  return new Map([...scores].sort((a, b) => b[1] - a[1]).slice(0, opts.limit));
}

export async function loadProfiles(db: Kysely<DB>, ids: number[], cache: RunCache): Promise<StoredProfile[]> {
  if (ids.length === 0) return [];
  const places = await throughCache(cache.articles, ids, FEATURE_CACHE_MAX, async (missing) =>
    (
      await db
        .selectFrom('articles')
        .select(['id', 'publisher_id', 'cluster_id', 'duplicate_of', 'published_at'])
        .where('id', 'in', missing)
        .where('status', '=', 'published')
        .execute()
    ).map((r) => [
      r.id,
      {
        publisherId: r.publisher_id,
        clusterId: r.cluster_id,
        duplicateOf: r.duplicate_of,
        publishedAt: r.published_at,
      },
    ]),
  );
  const features = await throughCache(cache.features, [...places.keys()], FEATURE_CACHE_MAX, async (missing) =>
    (
      await db
        .selectFrom('article_features')
        .select(['article_id', 'vector', 'entities', 'topics'])
        .where('article_id', 'in', missing)
        .execute()
    ).map((f) => [
      f.article_id,
      {
        vector: parseVector(f.vector),
        entities: new Set(JSON.parse(f.entities) as string[]),
        topics: new Set(JSON.parse(f.topics) as string[]),
      },
    ]),
  );
  return ids.flatMap((id) => {
    const place = places.get(id);
    const f = features.get(id);
    return place && f ? [{ id, ...place, ...f }] : [];
  });
}

export async function loadClusters(db: Kysely<DB>, ids: number[], cache: RunCache): Promise<ClusterRow[]> {
  const found = await throughCache(cache.clusters, ids, 20_000, async (missing) =>
    (await db.selectFrom('clusters').selectAll().where('id', 'in', missing).execute()).map((r) => {
      const sum = parseVector(r.term_sum);
      return [
        r.id,
        {
          id: r.id,
          sum,
          centroid: normalise(sum),
          entities: JSON.parse(r.entities) as string[],
          firstAt: r.first_published_at,
          lastAt: r.last_published_at,
          size: r.article_count,
        },
      ];
    }),
  );
  return ids.flatMap((id) => found.get(id) ?? []);
}

const CLUSTER_ENTITIES = 24;

/** Entity keys of a cluster: the ones already there first, then the newcomer's, capped. */
function mergeEntities(existing: string[], added: string[]): string[] {
  const out = [...existing];
  for (const k of added) if (!out.includes(k)) out.push(k);
  return out.slice(0, CLUSTER_ENTITIES);
}

export async function createCluster(
  db: Kysely<DB>,
  a: { id: number; publishedAt: number; vector: TermVector; entities: string[] },
  now: number,
): Promise<number> {
  const row = await db
    .insertInto('clusters')
    .values({
      first_article_id: a.id,
      first_published_at: a.publishedAt,
      last_published_at: a.publishedAt,
      article_count: 1,
      publisher_count: 1,
      term_sum: serialiseVector(a.vector),
      entities: JSON.stringify(a.entities.slice(0, CLUSTER_ENTITIES)),
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.updateTable('clusters').set({ thread_id: row.id }).where('id', '=', row.id).execute();
  return row.id;
}

/** Adds an article to a cluster: centroid, span, first report, counts. Call after the article's cluster_id is set. */
export async function joinCluster(
  db: Kysely<DB>,
  c: ClusterRow,
  a: { id: number; publishedAt: number; vector: TermVector; entities: string[] },
  now: number,
): Promise<void> {
  const sum = addVectors(c.sum, a.vector);
  const centroid = normalise(sum);
  const counts = await db
    .selectFrom('articles')
    .select([db.fn.countAll<number>().as('n'), sql<number>`count(distinct publisher_id)`.as('p')])
    .where('cluster_id', '=', c.id)
    .where('status', '=', 'published')
    .executeTakeFirstOrThrow();
  const earlier = a.publishedAt < c.firstAt;
  await db
    .updateTable('clusters')
    .set({
      term_sum: serialiseVector(sum),
      entities: JSON.stringify(mergeEntities(c.entities, a.entities)),
      article_count: Number(counts.n),
      publisher_count: Number(counts.p),
      first_published_at: Math.min(c.firstAt, a.publishedAt),
      last_published_at: Math.max(c.lastAt, a.publishedAt),
      ...(earlier ? { first_article_id: a.id } : {}),
      updated_at: now,
    })
    .where('id', '=', c.id)
    .execute();
  Object.assign(c, {
    sum,
    centroid,
    entities: mergeEntities(c.entities, a.entities),
    firstAt: Math.min(c.firstAt, a.publishedAt),
    lastAt: Math.max(c.lastAt, a.publishedAt),
    size: Number(counts.n),
  });
}

/** Replaces what is stored about one article's analysis. */
export async function writeFeatures(
  db: Kysely<DB>,
  a: {
    id: number;
    publishedAt: number;
    vector: TermVector;
    postings: number;
    entities: Entity[];
    topics: TopicScore[];
  },
  /** false for an article analysed before (an update): its old analysis is removed first */
  fresh: boolean,
  cache: RunCache,
): Promise<void> {
  cache.features.delete(a.id);
  if (!fresh) {
    await db.deleteFrom('term_postings').where('article_id', '=', a.id).execute();
    await db.deleteFrom('article_topics').where('article_id', '=', a.id).execute();
    const old = await db.selectFrom('article_entities').select('entity_id').where('article_id', '=', a.id).execute();
    if (old.length) {
      await db.deleteFrom('article_entities').where('article_id', '=', a.id).execute();
      await db
        .updateTable('entities')
        .set({ article_count: sql`article_count - 1` })
        .where(
          'id',
          'in',
          old.map((o) => o.entity_id),
        )
        .execute();
    }
  }
  const postings = [...a.vector].slice(0, a.postings).map(([term, weight]) => ({
    term,
    article_id: a.id,
    weight: Math.round(weight * 10_000) / 10_000,
    published_at: a.publishedAt,
  }));
  if (postings.length) await db.insertInto('term_postings').values(postings).execute();
  if (a.topics.length)
    await db
      .insertInto('article_topics')
      .values(a.topics.map((t) => ({ article_id: a.id, topic: t.slug, score: t.score, published_at: a.publishedAt })))
      .execute();
  const ids = await entityIds(db, a.entities, cache);
  // Two names of one article may stand for one entity: it is linked once, at the greater salience.
  const byEntity = new Map<number, { article_id: number; entity_id: number; salience: number; published_at: number }>();
  for (const e of a.entities) {
    const id = ids.get(e.key)!;
    if ((byEntity.get(id)?.salience ?? -1) < e.salience)
      byEntity.set(id, { article_id: a.id, entity_id: id, salience: e.salience, published_at: a.publishedAt });
  }
  const entityRows = [...byEntity.values()];
  if (entityRows.length) {
    await db.insertInto('article_entities').values(entityRows).execute();
    await db
      .updateTable('entities')
      .set({ article_count: sql`article_count + 1` })
      .where(
        'id',
        'in',
        entityRows.map((r) => r.entity_id),
      )
      .execute();
  }
  const features = {
    vector: serialiseVector(a.vector),
    entities: JSON.stringify(a.entities.map((e) => e.key)),
    topics: JSON.stringify(a.topics.map((t) => t.slug)),
  };
  await db
    .insertInto('article_features')
    .values({ article_id: a.id, ...features })
    .onConflict((oc) => oc.column('article_id').doUpdateSet(features))
    .execute();
}

const RELATED_KEPT = 8;

/** Links an article to its related stories, and each of them back to it when it ranks among their best. */
export async function writeRelated(
  db: Kysely<DB>,
  id: number,
  related: { id: number; score: number }[],
): Promise<void> {
  await db.deleteFrom('article_related').where('article_id', '=', id).execute();
  if (related.length === 0) return;
  const score = (s: number) => Math.round(s * 10_000) / 10_000;
  await db
    .insertInto('article_related')
    .values(related.map((r) => ({ article_id: id, related_id: r.id, score: score(r.score) })))
    .execute();
  // And back: each related story links here too, keeping only its best few.
  await db
    .insertInto('article_related')
    .values(related.map((r) => ({ article_id: r.id, related_id: id, score: score(r.score) })))
    .onConflict((oc) =>
      oc.columns(['article_id', 'related_id']).doUpdateSet({ score: (eb) => eb.ref('excluded.score') }),
    )
    .execute();
  const lists = await db
    .selectFrom('article_related')
    .select(['article_id', 'related_id', 'score'])
    .where(
      'article_id',
      'in',
      related.map((r) => r.id),
    )
    .execute();
  const byArticle = new Map<number, typeof lists>();
  for (const row of lists) byArticle.set(row.article_id, [...(byArticle.get(row.article_id) ?? []), row]);
  for (const [articleId, rows] of byArticle) {
    if (rows.length <= RELATED_KEPT) continue;
    const dropped = rows
      .sort((a, b) => b.score - a.score || b.related_id - a.related_id)
      .slice(RELATED_KEPT)
      .map((r) => r.related_id);
    await db
      .deleteFrom('article_related')
      .where('article_id', '=', articleId)
      .where('related_id', 'in', dropped)
      .execute();
  }
}
