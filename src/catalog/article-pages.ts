// Queries behind the article page and the front page: one article with its
// publisher and authors, and the lists beside it, each a single query over
// arrays of ids.
import { sql, type Kysely } from 'kysely';
import type { ArticleRow, DB, PublisherRow } from '../db/schema.ts';
import { slugify } from '../analysis/slug.ts';
import { authorsOf } from './articles.ts';
import { getPublishersByIds } from './publishers.ts';

export interface Card {
  id: number;
  title: string;
  standfirst: string;
  url: string;
  publisher: { name: string; slug: string; color: string | null };
  publishedAt: number;
  readingMinutes: number;
  image: { url: string; caption: string | null; width: number | null; height: number | null } | null;
  section: string | null;
  /** how many publishers cover the story, and its cluster page */
  coverage?: { publishers: number; clusterId: number };
  /** an editor's note on a pick */
  note?: string | null;
}

export const GOOD_NEWS = 'good-news';

export const CARD_COLUMNS = [
  'id',
  'title',
  'standfirst',
  'url',
  'publisher_id',
  'published_at',
  'reading_minutes',
  'image_url',
  'image_caption',
  'image_width',
  'image_height',
  'section',
] as const;
export type CardRow = Pick<ArticleRow, (typeof CARD_COLUMNS)[number]>;

/** An article's address: its id, then its headline's slug (the one slug rule; only the id counts). */
export function articlePath(a: { id: number; title: string }): string {
  return `/a/${a.id}/${encodeURIComponent(slugify(a.title, 80, 'article'))}`;
}

export async function toCards(db: Kysely<DB>, rows: CardRow[]): Promise<Card[]> {
  const publishers = new Map(
    (await getPublishersByIds(db, [...new Set(rows.map((r) => r.publisher_id))])).map((p) => [p.id, p]),
  );
  return rows.map((r) => {
    const p = publishers.get(r.publisher_id);
    return {
      id: r.id,
      title: r.title,
      standfirst: r.standfirst,
      url: articlePath(r),
      publisher: { name: p?.name ?? '', slug: p?.slug ?? '', color: p?.brand_color ?? null },
      publishedAt: r.published_at,
      readingMinutes: r.reading_minutes,
      image: r.image_url
        ? { url: r.image_url, caption: r.image_caption, width: r.image_width, height: r.image_height }
        : null,
      section: r.section,
    };
  });
}

/** Latest readable stories, optionally in one section, excluding some ids. */
export async function latestCards(
  db: Kysely<DB>,
  opts: { limit: number; section?: string; exclude?: number[]; publisherId?: number },
): Promise<Card[]> {
  let q = db
    .selectFrom('articles')
    .select([...CARD_COLUMNS])
    .where('status', '=', 'published')
    .where('duplicate_of', 'is', null);
  // Good news is a verdict (tone and topics, or an editor's), not a publisher's section.
  if (opts.section === GOOD_NEWS) q = q.where('good_news', '=', 1);
  else if (opts.section) q = q.where('section', '=', opts.section);
  if (opts.publisherId !== undefined) q = q.where('publisher_id', '=', opts.publisherId);
  if (opts.exclude?.length) q = q.where('id', 'not in', opts.exclude);
  return toCards(db, await q.orderBy('published_at', 'desc').orderBy('id', 'desc').limit(opts.limit).execute());
}

/** At most one story per publisher, in order; fills up from the rest when too few titles have stories. */
export function onePerPublisher<T extends { publisher_id: number }>(rows: T[], limit: number): T[] {
  const seen = new Set<number>();
  const first: T[] = [];
  const rest: T[] = [];
  for (const r of rows) {
    if (seen.has(r.publisher_id)) rest.push(r);
    else {
      seen.add(r.publisher_id);
      first.push(r);
    }
  }
  return [...first, ...rest].slice(0, limit);
}

/**
 * "Top stories right now", until read-velocity ranking lands: lead stories
 * with pictures from the last two days, those covered by the most titles first
 * (copies count as coverage), newest first among equals, one per publisher.
 */
export async function topCards(
  db: Kysely<DB>,
  opts: { limit: number; now: number; exclude?: number[] },
): Promise<Card[]> {
  const since = opts.now - 2 * 86_400_000;
  const rows = await db
    .selectFrom('articles as a')
    .select(CARD_COLUMNS.map((c) => `a.${c}` as const))
    .select(sql<number>`(select count(*) from articles c where c.duplicate_of = a.id)`.as('copies'))
    .where('a.status', '=', 'published')
    .where('a.duplicate_of', 'is', null)
    .where('a.published_at', '>=', since)
    .where('a.image_url', 'is not', null)
    .$if(!!opts.exclude?.length, (q) => q.where('a.id', 'not in', opts.exclude!))
    .orderBy('copies', 'desc')
    .orderBy('a.published_at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(opts.limit * 8)
    .execute();
  return toCards(db, onePerPublisher(rows, opts.limit));
}

/** A long read, for "Our picks" until editors choose them. */
export const LONG_READ_MINUTES = 5;

/**
 * "Our picks", until the editors' console lands (swap this function for the
 * editors' list): the newest long reads among the latest 300 stories, topped up
 * with the longest of those when there are too few long reads.
 */
export async function picksCards(db: Kysely<DB>, opts: { limit: number; exclude?: number[] }): Promise<Card[]> {
  let q = db
    .selectFrom('articles')
    .select([...CARD_COLUMNS, 'word_count'])
    .where('status', '=', 'published')
    .where('duplicate_of', 'is', null);
  if (opts.exclude?.length) q = q.where('id', 'not in', opts.exclude);
  const recent = await q.orderBy('published_at', 'desc').orderBy('id', 'desc').limit(300).execute();
  const long = recent.filter((r) => r.reading_minutes >= LONG_READ_MINUTES);
  const longest = recent
    .filter((r) => r.reading_minutes < LONG_READ_MINUTES && r.reading_minutes >= 1)
    .sort((a, b) => b.word_count - a.word_count);
  return toCards(db, [...long, ...longest].slice(0, opts.limit));
}

/** Where a paged list stopped: the last card's time and id (ties on time are common in feeds). */
export interface Cursor {
  publishedAt: number;
  id: number;
}

export function parseCursor(value: unknown): Cursor | null {
  const m = typeof value === 'string' ? /^(\d{1,16})(?:\.(\d{1,16}))?$/.exec(value) : null;
  if (!m) return null;
  return { publishedAt: Number(m[1]), id: m[2] ? Number(m[2]) : Number.MAX_SAFE_INTEGER };
}

export const formatCursor = (c: { publishedAt: number; id: number }) => `${c.publishedAt}.${c.id}`;

/**
 * One page of a list (section, publisher, author, topic) after a cursor,
 * newest first, one more row than asked so the caller knows whether there is
 * a next page. Anything not published never appears; a copy of another
 * publisher's article appears on its own publisher's and author's pages (a
 * publisher's page lists everything it published), and nowhere else; a
 * publisher's re-post of its own article never appears.
 */
export interface ListFilter {
  section?: string;
  publisherId?: number;
  authorId?: number;
  topic?: string;
  entityId?: number;
}

export type ListRow = CardRow & { cluster_id: number | null };

/** Up to `limit + 1` rows of a list, newest first from the cursor (one more than asked: there is a next page). */
export async function listRows(
  db: Kysely<DB>,
  filter: ListFilter,
  opts: { limit: number; before: Cursor | null },
): Promise<ListRow[]> {
  const own = filter.publisherId !== undefined || filter.authorId !== undefined;
  let q = db
    .selectFrom('articles')
    .select([...CARD_COLUMNS.map((c) => `articles.${c}` as const), 'articles.cluster_id'])
    .where('articles.status', '=', 'published')
    .where((eb) => {
      const original = eb('articles.duplicate_of', 'is', null);
      if (!own) return original;
      // On its own pages a publisher's article shows unless it re-posts another of the same publisher's.
      const sameHouse = eb.exists(
        eb
          .selectFrom('articles as o')
          .select('o.id')
          .whereRef('o.id', '=', 'articles.duplicate_of')
          .whereRef('o.publisher_id', '=', 'articles.publisher_id'),
      );
      return eb.or([original, eb.not(sameHouse)]);
    });
  if (filter.section === GOOD_NEWS) q = q.where('articles.good_news', '=', 1);
  else if (filter.section) q = q.where('articles.section', '=', filter.section);
  if (filter.publisherId !== undefined) q = q.where('articles.publisher_id', '=', filter.publisherId);
  if (filter.authorId !== undefined)
    q = q.where(
      'articles.id',
      'in',
      db
        .selectFrom('article_authors')
        .select('article_authors.article_id')
        .where('article_authors.author_id', '=', filter.authorId),
    ); // driven by the author's index, not a scan of every article
  const b = opts.before;
  // Topic and name pages: the page's ids come from the tag's own (tag, time, id) index, newest first
  // from the cursor, so a tag on 14,000 articles costs what a rare one does (not a fetch and sort of
  // all). Copies and taken-down articles keep their tags, so ids are read in growing batches until the
  // page is full.
  if (filter.topic !== undefined || filter.entityId !== undefined) {
    const tag = () =>
      filter.topic !== undefined
        ? db
            .selectFrom('article_topics as t')
            .select(['t.article_id', 't.published_at'])
            .where('t.topic', '=', filter.topic)
        : db
            .selectFrom('article_entities as t')
            .select(['t.article_id', 't.published_at'])
            .where('t.entity_id', '=', filter.entityId!);
    let from = b;
    let want = opts.limit + 11;
    const rows: ListRow[] = [];
    for (;;) {
      let t = tag();
      const c = from;
      if (c)
        t = t.where((eb) =>
          eb.or([
            eb('t.published_at', '<', c.publishedAt),
            eb.and([eb('t.published_at', '=', c.publishedAt), eb('t.article_id', '<', c.id)]),
          ]),
        );
      const ids = await t.orderBy('t.published_at', 'desc').orderBy('t.article_id', 'desc').limit(want).execute();
      if (ids.length === 0) break;
      const found = await q
        .where(
          'articles.id',
          'in',
          ids.map((r) => r.article_id),
        )
        .orderBy('articles.published_at', 'desc')
        .orderBy('articles.id', 'desc')
        .execute();
      rows.push(...found);
      const last = ids.at(-1)!;
      from = { publishedAt: last.published_at, id: last.article_id };
      if (rows.length > opts.limit || ids.length < want) break;
      want *= 4;
    }
    return rows.slice(0, opts.limit + 1);
  }
  if (b)
    q = q.where((eb) =>
      eb.or([
        eb('articles.published_at', '<', b.publishedAt),
        eb.and([eb('articles.published_at', '=', b.publishedAt), eb('articles.id', '<', b.id)]),
      ]),
    );
  return q
    .orderBy('articles.published_at', 'desc')
    .orderBy('articles.id', 'desc')
    .limit(opts.limit + 1)
    .execute();
}

/** A page of a list: every article, newest first, and the cursor of the next page. */
export async function listPage(
  db: Kysely<DB>,
  filter: ListFilter,
  opts: { limit: number; before: Cursor | null },
): Promise<{ cards: Card[]; next: string | null }> {
  const rows = await listRows(db, filter, opts);
  const cards = await toCards(db, rows.slice(0, opts.limit));
  const last = cards.at(-1);
  return {
    cards,
    next: rows.length > opts.limit && last ? formatCursor({ publishedAt: last.publishedAt, id: last.id }) : null,
  };
}

export interface ArticlePageData {
  article: ArticleRow;
  publisher: PublisherRow;
  authors: { name: string; slug: string }[];
  /** Other publishers' reports of the same story (its cluster and copies), filled by the route from curation. */
  copies: Card[];
}

export async function articlePageData(db: Kysely<DB>, id: number): Promise<ArticlePageData | null> {
  const article = await db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirst();
  if (!article) return null;
  const [publisher] = await getPublishersByIds(db, [article.publisher_id]);
  const authors = (await authorsOf(db, [id])).get(id) ?? [];
  return { article, publisher: publisher!, authors, copies: [] };
}

/** Card rows for these ids (in no particular order). */
export function cardRowsByIds(db: Kysely<DB>, ids: number[]): Promise<CardRow[]> {
  return ids.length
    ? db
        .selectFrom('articles')
        .select([...CARD_COLUMNS])
        .where('id', 'in', ids)
        .execute()
    : Promise.resolve([]);
}

/** The newest stories in the good-news section (the editors' console lists them). */
export function goodNewsRows(db: Kysely<DB>, limit: number): Promise<CardRow[]> {
  return db
    .selectFrom('articles')
    .select([...CARD_COLUMNS])
    .where('good_news', '=', 1)
    .where('status', '=', 'published')
    .orderBy('published_at', 'desc')
    .limit(limit)
    .execute();
}

/** The newest readable stories for the sitemap. */
export function sitemapRows(
  db: Kysely<DB>,
  limit: number,
): Promise<Pick<ArticleRow, 'id' | 'title' | 'published_at' | 'updated_at'>[]> {
  return db
    .selectFrom('articles')
    .select(['id', 'title', 'published_at', 'updated_at'])
    .where('status', '=', 'published')
    .where('duplicate_of', 'is', null)
    .orderBy('published_at', 'desc')
    .limit(limit)
    .execute();
}
