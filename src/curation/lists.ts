// The curated lists pages show: top stories (from top_stories), our picks,
// related stories and more coverage of the same story, a story cluster's page,
// and an article's topics and names. Each is a few indexed queries; the work
// behind them was done by the background job.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import {
  CARD_COLUMNS,
  formatCursor,
  GOOD_NEWS,
  listRows,
  picksCards as interimPicks,
  topCards as interimTop,
  toCards,
  type Card,
  type Cursor,
  type ListFilter,
  type ListRow,
} from '../catalog/article-pages.ts';
import { topicBySlug } from '../analysis/topics.ts';
import { onePerStory, storyPage } from './front-rules.ts';
import { currentPicks } from './picks.ts';
import { storyCoverage, type Coverage } from './coverage.ts';

const cardColumns = CARD_COLUMNS.map((c) => `a.${c}` as const);

/** Each card with its story's coverage ("N publishers", by the one rule in coverage.ts) when it is in one. */
async function withCoverage(
  db: Kysely<DB>,
  cards: Card[],
  clusterOf: ReadonlyMap<number, number | null>,
): Promise<Card[]> {
  const counts = await storyCoverage(
    db,
    cards.flatMap((c) => clusterOf.get(c.id) ?? []),
  );
  return cards.map((c) => {
    const clusterId = clusterOf.get(c.id) ?? null;
    const coverage = clusterId !== null ? counts.get(clusterId) : undefined;
    return coverage ? { ...c, coverage: { publishers: coverage.publishers, clusterId: clusterId! } } : c;
  });
}

/** Cards for rows that carry their story, with its coverage. */
async function storyCards(
  db: Kysely<DB>,
  rows: (Parameters<typeof toCards>[1][number] & { cluster_id: number | null })[],
): Promise<Card[]> {
  return withCoverage(db, await toCards(db, rows), new Map(rows.map((r) => [r.id, r.cluster_id])));
}

/** A list built before curation ran on it (the interim lists): each story once, with its coverage. */
async function oncePerStory(db: Kysely<DB>, cards: Card[], limit: number): Promise<Card[]> {
  const ids = cards.map((c) => c.id);
  const clusterOf = new Map<number, number | null>(
    ids.length
      ? (await db.selectFrom('articles').select(['id', 'cluster_id']).where('id', 'in', ids).execute()).map((r) => [
          r.id,
          r.cluster_id,
        ])
      : [],
  );
  const kept = onePerStory(
    cards.map((c) => ({ ...c, cluster_id: clusterOf.get(c.id) ?? null })),
    limit,
  ).map(({ cluster_id: _, ...c }) => c);
  return withCoverage(db, kept, clusterOf);
}

/**
 * A page of a topic, name or section list told story by story: each story
 * once, by its newest report in the list, with its "N publishers" link. A
 * story whose reports run past the page may show again, by an older report,
 * on the next.
 */
export async function storyListPage(
  db: Kysely<DB>,
  filter: ListFilter,
  opts: { limit: number; before: Cursor | null },
): Promise<{ cards: Card[]; next: string | null }> {
  let batch = opts.limit * 4;
  const stories = new Set<number>();
  const shown: ListRow[] = [];
  let before = opts.before;
  let lastRead: ListRow | null = null;
  let more = false;
  for (let round = 0; round < 5 && !more; round++) {
    const rows = await listRows(db, filter, { limit: batch, before });
    const read = rows.slice(0, batch);
    const page = storyPage(read, opts.limit - shown.length, stories);
    shown.push(...page.shown);
    if (page.consumed) lastRead = read[page.consumed - 1]!;
    more = page.more || (round === 4 && rows.length > batch);
    if (page.more || rows.length <= batch) break;
    before = { publishedAt: lastRead!.published_at, id: lastRead!.id };
    batch *= 4; // a story with hundreds of reports is read past in a few rounds
  }
  return {
    cards: await storyCards(db, shown),
    next: more && lastRead ? formatCursor({ publishedAt: lastRead.published_at, id: lastRead.id }) : null,
  };
}

/** Published originals among these ids, as cards in the given order. */
async function cardsInOrder(db: Kysely<DB>, ids: number[]): Promise<Card[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('articles as a')
    .select([...cardColumns, 'a.cluster_id'])
    .where('a.id', 'in', ids)
    .where('a.status', '=', 'published')
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return storyCards(
    db,
    ids.map((id) => byId.get(id)).filter((r) => r !== undefined),
  );
}

/** The latest stories of a section (or good news) or a publisher, each story once, by its newest report. */
export async function latestStoryCards(
  db: Kysely<DB>,
  opts: { limit: number; section?: string; publisherId?: number },
): Promise<Card[]> {
  let q = db
    .selectFrom('articles as a')
    .select([...cardColumns, 'a.cluster_id'])
    .where('a.status', '=', 'published')
    .where('a.duplicate_of', 'is', null);
  if (opts.section === GOOD_NEWS) q = q.where('a.good_news', '=', 1);
  else if (opts.section) q = q.where('a.section', '=', opts.section);
  if (opts.publisherId !== undefined) q = q.where('a.publisher_id', '=', opts.publisherId);
  // Enough reports that a story told by many publishers still leaves room for the others.
  const rows = await q
    .orderBy('a.published_at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(opts.limit * 12)
    .execute();
  return storyCards(db, onePerStory(rows, opts.limit));
}

/** Top stories right now, one per story; before the first ranking has run, the interim coverage-and-recency list. */
export async function topStoryCards(db: Kysely<DB>, opts: { limit: number; now: number }): Promise<Card[]> {
  const ranked = await db
    .selectFrom('top_stories')
    .select('article_id')
    .orderBy('rank')
    .limit(opts.limit + 10)
    .execute();
  if (ranked.length === 0)
    return oncePerStory(db, await interimTop(db, { ...opts, limit: opts.limit * 2 }), opts.limit);
  // The ranking's own publisher count is as of its run; cards tell the story's coverage now.
  const cards = await cardsInOrder(
    db,
    ranked.map((r) => r.article_id),
  );
  return cards.slice(0, opts.limit);
}

/** Our picks in the editors' order with their notes; featured ones first. Until editors pick anything, recent long reads. */
export async function pickCards(
  db: Kysely<DB>,
  opts: { limit: number; now: number },
): Promise<(Card & { featured: boolean })[]> {
  const picks = await currentPicks(db, opts.now);
  if (picks.length === 0)
    return (await oncePerStory(db, await interimPicks(db, { limit: opts.limit * 3 }), opts.limit)).map((c) => ({
      ...c,
      featured: false,
    }));
  const ordered = [...picks.filter((p) => p.featured), ...picks.filter((p) => !p.featured)];
  const cards = await cardsInOrder(
    db,
    ordered.map((p) => p.articleId),
  );
  const byArticle = new Map(ordered.map((p) => [p.articleId, p]));
  return cards
    .slice(0, opts.limit)
    .map((c) => ({ ...c, note: byArticle.get(c.id)?.note ?? null, featured: byArticle.get(c.id)?.featured ?? false }));
}

/** Related stories (other stories on the same subject), strongest first. */
export async function relatedCards(db: Kysely<DB>, articleId: number, limit: number): Promise<Card[]> {
  const rows = await db
    .selectFrom('article_related')
    .select('related_id')
    .where('article_id', '=', articleId)
    .orderBy('score', 'desc')
    .orderBy('related_id', 'desc')
    .limit(limit + 4)
    .execute();
  const cards = await cardsInOrder(
    db,
    rows.map((r) => r.related_id),
  );
  return cards.slice(0, limit);
}

/**
 * Other publishers' reports of the same story, earliest first: the reports its
 * coverage counts (coverage.ts), its cluster's, or before curation placed it,
 * its original and copies.
 */
export async function coverageCards(
  db: Kysely<DB>,
  article: { id: number; cluster_id: number | null; duplicate_of: number | null; publisher_id: number },
  limit: number,
): Promise<Card[]> {
  const root = article.duplicate_of ?? article.id;
  // Indexed lookups, not one OR (which SQLite answers by scanning every article).
  const base = () =>
    db
      .selectFrom('articles as a')
      .select(cardColumns)
      .where('a.status', '=', 'published')
      .where('a.id', '<>', article.id);
  const placed = article.cluster_id !== null;
  const [original, copies, cluster] = await Promise.all([
    !placed && root !== article.id ? base().where('a.id', '=', root).execute() : Promise.resolve([]),
    placed
      ? Promise.resolve([])
      : base()
          .where('a.duplicate_of', '=', root)
          .orderBy('a.published_at')
          .limit(limit * 3)
          .execute(),
    placed
      ? base()
          .where('a.cluster_id', '=', article.cluster_id!)
          .orderBy('a.published_at')
          .limit(limit * 3)
          .execute()
      : Promise.resolve([]),
  ]);
  const byId = new Map([...original, ...copies, ...cluster].map((r) => [r.id, r]));
  const rows = [...byId.values()].sort((a, b) => a.published_at - b.published_at || a.id - b.id);
  // One report per other publisher: their angle, not their every update.
  const seen = new Set<number>([article.publisher_id]);
  return toCards(db, rows.filter((r) => !seen.has(r.publisher_id) && seen.add(r.publisher_id)).slice(0, limit));
}

export interface ClusterPage {
  id: number;
  /** the story's coverage (coverage.ts): what its counts say */
  coverage: Coverage;
  firstAt: number;
  lastAt: number;
  /** the earliest report first, then each publisher's first report (its other reports are counted, not listed) */
  reports: Card[];
  entities: { name: string; slug: string; kind: string }[];
  /** the other stories of its developing story, each by its first report, oldest first */
  thread: Card[];
}

export async function clusterPage(db: Kysely<DB>, id: number): Promise<ClusterPage | null> {
  const c = await db.selectFrom('clusters').selectAll().where('id', '=', id).executeTakeFirst();
  if (!c) return null;
  const rows = await db
    .selectFrom('articles as a')
    .select(cardColumns)
    .where('a.cluster_id', '=', id)
    .where('a.status', '=', 'published')
    .orderBy('a.published_at')
    .orderBy('a.id')
    .limit(200)
    .execute();
  const coverage = (await storyCoverage(db, [id])).get(id);
  if (rows.length === 0 || !coverage) return null;
  const seen = new Set<number>();
  const reports = await toCards(
    db,
    rows.filter((r) => !seen.has(r.publisher_id) && seen.add(r.publisher_id)),
  );
  const keys = JSON.parse(c.entities) as string[];
  const entities = keys.length
    ? await db
        .selectFrom('entities')
        .select(['name', 'slug', 'kind', 'key'])
        .where('key', 'in', keys.slice(0, 8))
        .execute()
    : [];
  const others =
    c.thread_id === null
      ? []
      : await db
          .selectFrom('clusters')
          .select('first_article_id')
          .where('thread_id', '=', c.thread_id)
          .where('id', '<>', id)
          .orderBy('first_published_at')
          .limit(12)
          .execute();
  const thread = await cardsInOrder(
    db,
    others.map((o) => o.first_article_id),
  );
  return {
    id,
    coverage,
    firstAt: c.first_published_at,
    lastAt: c.last_published_at,
    reports,
    entities: keys.map((k) => entities.find((e) => e.key === k)).filter((e) => e !== undefined),
    thread,
  };
}

export interface ArticleTags {
  topics: { slug: string; name: string }[];
  entities: { name: string; slug: string; kind: string }[];
}

/** An article's topics and the people, organisations and places it is about, most salient first. */
export async function articleTags(db: Kysely<DB>, articleId: number): Promise<ArticleTags> {
  const [topics, entities] = await Promise.all([
    db
      .selectFrom('article_topics')
      .select(['topic', 'score'])
      .where('article_id', '=', articleId)
      .orderBy('score', 'desc')
      .execute(),
    db
      .selectFrom('article_entities as ae')
      .innerJoin('entities as e', 'e.id', 'ae.entity_id')
      .select(['e.name', 'e.slug', 'e.kind'])
      .where('ae.article_id', '=', articleId)
      .orderBy('ae.salience', 'desc')
      .limit(8)
      .execute(),
  ]);
  return {
    topics: topics.map((t) => ({ slug: t.topic, name: topicBySlug(t.topic)?.name ?? t.topic })),
    entities,
  };
}
