// Search over readable articles (published, not a copy of another): SQLite
// FTS5 (bm25 with column weights) or PostgreSQL full text (ts_rank_cd over
// weighted vectors), behind one call. Relevance gets a recency boost
// (combineScore in query.ts: relevance × (1 + 1 / (1 + age_days / 7)));
// filters by publisher, section and dates; snippets built here from text the
// caller says the viewer may read.
//
// Reports of one story (articles.cluster_id) are listed together where the
// story's best match stands, the first report first and the later ones (the
// copies and follow-ups) under it, so a search finds the original, not the
// eighth retelling of it. Past MAX_GROUPED reports a story's others stand on
// their own scores.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Dialect } from '../db/connect.ts';
import type { ArticleRow, DB } from '../db/schema.ts';
import { dialectOf } from './dialect.ts';
import { facetToken } from './index-article.ts';
import { highlightTerms, isEmpty, parseQuery, toFts5, toTsquery, type ParsedQuery } from './query.ts';
import { buildSnippet, type SnippetPart } from './snippet.ts';

export interface SearchQuery {
  text: string;
  /**
   * What of each article the search may match: 'open' (headline, standfirst, authors and what anyone may
   * read of the body: a free article's whole text, a premium one's preview) or 'all' (the whole body, for a
   * reader who may read everything). Default 'open': a phrase only in a paywalled part finds nothing.
   */
  scope?: 'open' | 'all';
  publisherIds?: number[];
  sections?: string[];
  /** epoch ms, inclusive */
  from?: number;
  /** epoch ms, inclusive */
  to?: number;
  /** 1-based, at most 100 */
  page?: number;
  /** default 20, at most 50 */
  pageSize?: number;
}

export interface SearchHit {
  articleId: number;
  score: number;
  snippet: SnippetPart[];
  /** the row itself, so a page can render cards without a second query */
  article: ArticleRow;
  /** a later report of the story of the hit above it (a copy or a follow-up), listed under it */
  followUp: boolean;
}

export interface SearchResult {
  /** matches, counted up to MAX_COUNTED (a view says "1,000+") */
  total: number;
  page: number;
  pageSize: number;
  hits: SearchHit[];
  /** the words a view may highlight ("word*" for the type-ahead prefix) */
  terms: string[];
  /** words left out as too common to search for ("the", "and"), as typed; a query of only these finds nothing */
  ignored: string[];
  /** true when the query had more words than are searched for (query.ts MAX_TERMS) */
  capped: boolean;
}

export interface SearchOptions {
  /** for the recency boost; default Date.now() */
  now?: number;
  /**
   * The text of an article this viewer may see, from which its snippet is cut.
   * Default: standfirst and the first 100 words of the body, which the paywall
   * shows everyone (see defaultSnippetSource). Pass the paywall's preview for
   * articles the viewer may not read in full.
   */
  snippetSource?: (row: ArticleRow) => string;
}

export const MAX_COUNTED = 1000;
const DEFAULT_PAGE_SIZE = 20;
const MAX_PAGE_SIZE = 50;
const MAX_PAGE = 100;
/** Unfiltered SQLite searches rank inside FTS5 and boost only the best this many by text relevance (or a page's worth, if deeper). */
const FTS_CANDIDATES = 500;
/** PostgreSQL groups the best this many matches by story (or a page's worth, if deeper). */
const STORY_CANDIDATES = 100;
/** A story's first report and this many minus one after it are listed together. */
export const MAX_GROUPED = 6;
/**
 * Searches matching more articles than this rank only the newest this many (by id, that is by arrival):
 * unfiltered on SQLite, always on PostgreSQL. Ranking every match of common words over a large store costs
 * far more than a search may (docs/decisions/0005-reader-pages.md), and past a few thousand matches a reader
 * wants the recent ones anyway.
 */
export const RANK_LIMIT = 5000;

export function defaultSnippetSource(row: Pick<ArticleRow, 'standfirst' | 'body_text'>): string {
  return `${row.standfirst}\n${row.body_text.split(/\s+/, 100).join(' ')}`;
}

export function searchArticles(
  db: Kysely<DB>,
  dialect: Dialect,
  query: SearchQuery,
  opts?: SearchOptions,
): Promise<SearchResult>;
/** Older form: the dialect is read off the handle. */
export function searchArticles(db: Kysely<DB>, query: SearchQuery, opts?: SearchOptions): Promise<SearchResult>;
export async function searchArticles(
  db: Kysely<DB>,
  a: Dialect | SearchQuery,
  b?: SearchQuery | SearchOptions,
  c?: SearchOptions,
): Promise<SearchResult> {
  const [dialect, q, opts] =
    typeof a === 'string' ? [a, b as SearchQuery, c ?? {}] : [dialectOf(db), a, (b as SearchOptions | undefined) ?? {}];
  const parsed = parseQuery(q.text);
  const pageSize = Math.min(
    MAX_PAGE_SIZE,
    Math.max(1, Math.floor(q.pageSize ?? DEFAULT_PAGE_SIZE) || DEFAULT_PAGE_SIZE),
  );
  const page = Math.max(1, Math.min(MAX_PAGE, Math.floor(q.page ?? 1) || 1));
  const terms = highlightTerms(parsed);
  const { ignored, capped } = parsed;
  const empty = (total = 0): SearchResult => ({ total, page, pageSize, hits: [], terms, ignored, capped });
  if (isEmpty(parsed)) return empty();
  const now = opts.now ?? Date.now();

  const ranked =
    dialect === 'sqlite'
      ? await rankSqlite(db, parsed, q, now, page, pageSize)
      : await rankPostgres(db, parsed, q, now, page, pageSize);
  if (!ranked) return empty();
  if (!ranked.rows.length) return empty(ranked.total);
  const articles = await db
    .selectFrom('articles')
    .selectAll()
    .where(
      'id',
      'in',
      ranked.rows.map((r) => Number(r.id)),
    )
    .execute();
  const byId = new Map(articles.map((row) => [row.id, row]));
  const source = opts.snippetSource ?? defaultSnippetSource;
  const found = ranked.rows.flatMap((r) => {
    const article = byId.get(Number(r.id));
    return article ? [{ score: Number(r.score), article }] : [];
  });
  const hits = found.map(({ score, article }, i) => ({
    articleId: article.id,
    score,
    snippet: buildSnippet(source(article), terms),
    article,
    followUp: i > 0 && article.cluster_id !== null && found[i - 1]!.article.cluster_id === article.cluster_id,
  }));
  return { total: ranked.total, page, pageSize, terms, ignored, capped, hits };
}

interface Ranked {
  total: number;
  rows: { id: number; score: number }[];
}

function isFiltered(q: SearchQuery): boolean {
  return !!(q.publisherIds?.length || q.sections?.length || q.from !== undefined || q.to !== undefined);
}

/** The publisher and section filters as an FTS5 expression over the facet tokens, or null when it cannot be one. */
function facetMatch(q: SearchQuery): string | null {
  if (!q.publisherIds?.length && !q.sections?.length) return null;
  const parts: string[] = [];
  if (q.publisherIds?.length)
    parts.push(`(${q.publisherIds.map((id) => `authors : ${facetToken.publisher(Number(id))}`).join(' OR ')})`);
  if (q.sections?.length) {
    const tokens = q.sections.map((x) => facetToken.section(String(x)));
    if (tokens.some((t) => t === null)) return null;
    parts.push(`(${tokens.map((t) => `authors : ${t}`).join(' OR ')})`);
  }
  return parts.join(' AND ');
}

/** Readable articles matching the filters, as SQL over the alias `a`. */
function filters(q: SearchQuery): RawBuilder<unknown> {
  const parts = [sql`a.status = 'published'`, sql`a.duplicate_of is null`];
  if (q.publisherIds?.length) parts.push(sql`a.publisher_id in (${sql.join(q.publisherIds.map(Number))})`);
  if (q.sections?.length) parts.push(sql`a.section in (${sql.join(q.sections.map(String))})`);
  if (q.from !== undefined) parts.push(sql`a.published_at >= ${Number(q.from)}`);
  if (q.to !== undefined) parts.push(sql`a.published_at <= ${Number(q.to)}`);
  return sql.join(parts, sql` and `);
}

/** The filters over search_pg (alias `s`), which only holds readable articles. */
function pgFilters(q: SearchQuery): RawBuilder<unknown> {
  const parts = [sql`true`];
  if (q.publisherIds?.length) parts.push(sql`s.publisher_id in (${sql.join(q.publisherIds.map(Number))})`);
  if (q.sections?.length) parts.push(sql`s.section in (${sql.join(q.sections.map(String))})`);
  if (q.from !== undefined) parts.push(sql`s.published_at >= ${Number(q.from)}`);
  if (q.to !== undefined) parts.push(sql`s.published_at <= ${Number(q.to)}`);
  return sql.join(parts, sql` and `);
}

/** The recency factor of combineScore, in SQL: 1 + 1 / (1 + age_days / 7), age never negative. */
function recencyBoost(now: number): RawBuilder<number> {
  return sql<number>`(1.0 + 1.0 / (1.0 + max(0, ${now} - a.published_at) / 604800000.0))`;
}

/** A report's story: its cluster, or a story of its own. */
const STORY = sql`coalesce(a.cluster_id, -a.id)`;

/**
 * One page of scored rows (id, published_at, score, story) in story order: each story where its best match
 * stands, its first MAX_GROUPED reports together, oldest first; later ones on their own scores.
 */
function byStory(scored: RawBuilder<unknown>, page: number, pageSize: number): RawBuilder<unknown> {
  const grouped = sql`select x.*, max(x.score) over (partition by x.story) as story_score,
    row_number() over (partition by x.story order by x.published_at, x.id) as nth from (${scored}) x`;
  return sql`select g.* from (${grouped}) g
    order by case when g.nth <= ${MAX_GROUPED} then g.story_score else g.score end desc,
      case when g.nth <= ${MAX_GROUPED} then g.story else -g.id end desc, g.published_at, g.id
    limit ${pageSize} offset ${(page - 1) * pageSize}`;
}

async function rankSqlite(
  db: Kysely<DB>,
  parsed: ParsedQuery,
  q: SearchQuery,
  now: number,
  page: number,
  pageSize: number,
): Promise<Ranked | null> {
  // Publisher and section filters are index tokens (index-article.ts): the filter joins the MATCH and
  // the search takes the fast path. Date ranges still filter through the articles table.
  const facets = facetMatch(q);
  // Members match the whole body, others the open part; the opening is in both columns, so each scope reads one.
  const columns = q.scope === 'all' ? '{title standfirst body authors}' : '{title standfirst preview authors}';
  const words = `${columns} : (${toFts5(parsed)})`;
  const match = facets ? `${words} AND ${facets}` : words;
  const filtered = facets ? q.from !== undefined || q.to !== undefined : isFiltered(q);
  // Column weights: title 10, standfirst 5, body 1, preview 1, authors 3. bm25 is lower-is-better, so negate it.
  // Unfiltered (the common case): rank inside FTS5 (the newest RANK_LIMIT matches at most), keep the best
  // FTS_CANDIDATES by text relevance, then boost those for recency. Filtered: rank every match, since a
  // filter may exclude the best ones.
  const bm25 = sql`bm25(article_search, 10.0, 5.0, 1.0, 1.0, 3.0)`;
  try {
    if (filtered) {
      const base = sql`from (select rowid, ${bm25} as r from article_search where article_search match ${match}) s join articles a on a.id = s.rowid where ${filters(q)}`;
      const total = await sql<{
        n: number;
      }>`select count(*) as n from (select 1 ${base} limit ${MAX_COUNTED}) c`.execute(db);
      const scored = sql`select a.id as id, a.published_at as published_at, (-s.r) * ${recencyBoost(now)} as score,
        ${STORY} as story ${base}`;
      const rows = await sql<{ id: number; score: number }>`${byStory(scored, page, pageSize)}`.execute(db);
      return { total: Number(total.rows[0]?.n ?? 0), rows: rows.rows };
    }
    // Unfiltered, every FTS match is readable (the index holds nothing else): count and find the rank window
    // by walking the match list newest first, without ranking anything.
    const probe = await sql<{ n: number; lowest: number | null }>`select count(*) as n, min(rowid) as lowest
      from (select rowid from article_search where article_search match ${match} order by rowid desc limit ${RANK_LIMIT}) m`.execute(
      db,
    );
    const { n, lowest } = probe.rows[0] ?? { n: 0, lowest: null };
    if (!Number(n)) return { total: 0, rows: [] };
    const window = Number(n) >= RANK_LIMIT ? sql`and rowid >= ${Number(lowest)}` : sql``;
    const candidates = Math.max(FTS_CANDIDATES, page * pageSize);
    const scored = sql`select a.id as id, a.published_at as published_at, (-s.r) * ${recencyBoost(now)} as score,
      ${STORY} as story
      from (select rowid, ${bm25} as r from article_search where article_search match ${match} ${window} order by r limit ${candidates}) s
      join articles a on a.id = s.rowid`;
    const rows = await sql<{ id: number; score: number }>`${byStory(scored, page, pageSize)}`.execute(db);
    return { total: Math.min(Number(n), MAX_COUNTED), rows: rows.rows };
  } catch (err) {
    // Every part of the MATCH expression is quoted, so this is an FTS5 edge case we did not foresee:
    // no results rather than an error page. Anything else (a missing table, a closed handle) is a real error.
    if (/fts5|malformed MATCH/i.test(String((err as Error).message))) return null;
    throw err;
  }
}

async function rankPostgres(
  db: Kysely<DB>,
  parsed: ParsedQuery,
  q: SearchQuery,
  now: number,
  page: number,
  pageSize: number,
): Promise<Ranked> {
  const tsq = toTsquery(parsed);
  if (!tsq) return { total: 0, rows: [] };
  const boost = sql`(1.0 + 1.0 / (1.0 + greatest(0, ${now}::bigint - m.published_at) / 604800000.0))`;
  // Rank the newest RANK_LIMIT matches (filters applied) at most: ts_rank_cd reads each vector from TOAST, so
  // ranking every match of a common word over 100k articles took most of a second; this took a tenth of it.
  // `a.id + 0` keeps the planner off a backward walk of the primary key that checks every row for a rare word.
  // search_pg holds readable articles only, with their filter columns (see migration 0005).
  const vector = q.scope === 'all' ? sql`s.search_vector` : sql`s.preview_vector`;
  const matches = sql`(select s.article_id as id, s.published_at, s.rank_vector, t.q from search_pg s, (select ${tsq} as q) t
    where ${vector} @@ t.q and ${pgFilters(q)} order by s.article_id + 0 desc limit ${RANK_LIMIT}) m`;
  // Ranked by the small inline vector (headline, standfirst, opening): see migration 0005. The best
  // STORY_CANDIDATES (or a page's worth, if deeper) are grouped by story, which reads each one's cluster
  // from `articles`: the cost of the grouping, so fewer than SQLite's candidates (docs/decisions/0005).
  const candidates = Math.max(STORY_CANDIDATES, page * pageSize);
  const ranked = sql`select m.id, m.published_at, ts_rank_cd(m.rank_vector, m.q) * ${boost} as score,
    count(*) over () as n from ${matches} order by score desc, m.id desc limit ${candidates}`;
  const scored = sql`select r.id, r.published_at, r.score, r.n, coalesce(a.cluster_id, -r.id) as story
    from (${ranked}) r join articles a on a.id = r.id`;
  const rank = async (t: Kysely<DB>): Promise<Ranked> => {
    const rows = await sql<{ id: number; score: number; n: number }>`${byStory(scored, page, pageSize)}`.execute(t);
    const n =
      rows.rows[0]?.n ?? (await sql<{ n: number }>`select count(*) as n from ${matches}`.execute(t)).rows[0]?.n ?? 0;
    return { total: Math.min(Number(n), MAX_COUNTED), rows: rows.rows };
  };
  // For a word in a tenth of the articles the planner prefers reading the whole table to the GIN index, not
  // counting that `@@` then reads every row's vector from TOAST, many times slower than through the index.
  // Sequential scans are off for this search's own transaction only.
  if (db.isTransaction) return rank(db);
  return inSearchTransaction(db, rank).catch((err: unknown) => {
    // Every word is a bound parameter, so this is a text-search edge case we did not foresee: no results
    // rather than an error page. Anything else is a real error.
    if (/tsquery|text-search/i.test(String((err as Error).message))) return { total: 0, rows: [] };
    throw err;
  });
}

function inSearchTransaction(db: Kysely<DB>, rank: (t: Kysely<DB>) => Promise<Ranked>): Promise<Ranked> {
  return db.transaction().execute(async (t) => {
    await sql`set local enable_seqscan = off`.execute(t);
    // The newest matches are sorted with their ranking vectors: in memory, not in temp files (the default
    // work_mem spilled at a few thousand matches), and in this process (parallel workers cost more to start
    // than they save on one search).
    await sql`set local work_mem = '32MB'`.execute(t);
    await sql`set local max_parallel_workers_per_gather = 0`.execute(t);
    return rank(t);
  });
}
