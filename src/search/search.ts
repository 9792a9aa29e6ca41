// Search over readable articles: SQLite FTS5 (bm25, column weights) or
// PostgreSQL full text (ts_rank_cd over weighted vectors), behind one call.
// Relevance gets a recency boost; filters by publisher, section and dates.
import { sql, type Kysely } from 'kysely';
import type { ArticleRow, DB } from '../db/schema.ts';
import { dialectOf } from './dialect.ts';
import { highlightTerms, isEmpty, parseQuery, toFts5, toWebsearch } from './query.ts';
import { buildSnippet, type SnippetPart } from './snippet.ts';

export interface SearchQuery {
  text: string;
  publisherIds?: number[];
  sections?: string[];
  from?: number;
  to?: number;
  page?: number;
  pageSize?: number;
}

export interface SearchHit {
  article: ArticleRow;
  score: number;
  snippet: SnippetPart[];
}

export interface SearchResult {
  total: number;
  page: number;
  pageSize: number;
  hits: SearchHit[];
  terms: string[];
}

/**
 * `snippetSource` says what text of an article this caller may see; the
 * default is the standfirst and the opening of the body, which the paywall
 * shows everyone.
 */
export async function searchArticles(
  db: Kysely<DB>,
  q: SearchQuery,
  opts: { now: number; snippetSource?: (a: ArticleRow) => string } = { now: Date.now() },
): Promise<SearchResult> {
  const parsed = parseQuery(q.text);
  const pageSize = Math.min(50, Math.max(1, q.pageSize ?? 20));
  const page = Math.max(1, Math.min(100, q.page ?? 1));
  const terms = highlightTerms(parsed);
  if (isEmpty(parsed)) return { total: 0, page, pageSize, hits: [], terms };
  const now = opts.now;
  const dialect = dialectOf(db);

  const filters = (alias: string) => {
    const parts = [sql`${sql.ref(`${alias}.status`)} = 'published'`, sql`${sql.ref(`${alias}.duplicate_of`)} is null`];
    if (q.publisherIds?.length) parts.push(sql`${sql.ref(`${alias}.publisher_id`)} in (${sql.join(q.publisherIds)})`);
    if (q.sections?.length) parts.push(sql`${sql.ref(`${alias}.section`)} in (${sql.join(q.sections)})`);
    if (q.from !== undefined) parts.push(sql`${sql.ref(`${alias}.published_at`)} >= ${q.from}`);
    if (q.to !== undefined) parts.push(sql`${sql.ref(`${alias}.published_at`)} <= ${q.to}`);
    return sql.join(parts, sql` and `);
  };
  // Age in days, for the recency boost: score = relevance × (1 + 1 / (1 + age/7)).
  const boost = sql`(1.0 + 1.0 / (1.0 + (${now} - a.published_at) / 604800000.0))`;

  let rows: { id: number; score: number }[];
  let total: number;
  if (dialect === 'sqlite') {
    const match = toFts5(parsed);
    const filtered = !!(q.publisherIds?.length || q.sections?.length || q.from !== undefined || q.to !== undefined);
    // Unfiltered (the common case): rank inside FTS5 first and keep the best 500 by text relevance, then apply
    // the recency boost to those. Filtered: rank every match, since the filter may exclude the best 500.
    const source = filtered
      ? sql`(select rowid, bm25(article_search, 10.0, 5.0, 1.0, 3.0) as r from article_search where article_search match ${match})`
      : sql`(select rowid, bm25(article_search, 10.0, 5.0, 1.0, 3.0) as r from article_search where article_search match ${match} order by r limit 500)`;
    const base = sql`from ${source} s join articles a on a.id = s.rowid where ${filters('a')}`;
    try {
      // Counting stops at 1,000: "1,000+ stories" is all a reader needs to know.
      const counted = filtered ? base : sql`from article_search where article_search match ${match}`;
      total = Number((await sql<{ n: number }>`select count(*) as n from (select 1 ${counted} limit 1000) c`.execute(db)).rows[0]?.n ?? 0);
      rows = (await sql<{ id: number; score: number }>`select a.id as id, (-s.r) * ${boost} as score ${base} order by score desc limit ${pageSize} offset ${(page - 1) * pageSize}`.execute(db)).rows;
    } catch {
      return { total: 0, page, pageSize, hits: [], terms }; // an FTS edge case we did not foresee: no results, never an error page
    }
  } else {
    const words = toWebsearch({ ...parsed, prefix: null });
    const prefixQuery = parsed.prefix ? sql`to_tsquery('english', ${`${parsed.prefix}:*`})` : null;
    const wordsQuery = words.trim() ? sql`websearch_to_tsquery('english', ${words})` : null;
    const tsq = wordsQuery && prefixQuery ? sql`(${wordsQuery} && ${prefixQuery})` : (wordsQuery ?? prefixQuery)!;
    const base = sql`from articles a where a.search_vector @@ ${tsq} and ${filters('a')}`;
    total = Number((await sql<{ n: number }>`select count(*) as n from (select 1 ${base} limit 1000) c`.execute(db)).rows[0]?.n ?? 0);
    rows = (await sql<{ id: number; score: number }>`select a.id as id, ts_rank_cd(a.search_vector, ${tsq}) * ${boost} as score ${base} order by score desc limit ${pageSize} offset ${(page - 1) * pageSize}`.execute(db)).rows;
  }
  if (!rows.length) return { total, page, pageSize, hits: [], terms };
  const articles = await db.selectFrom('articles').selectAll().where('id', 'in', rows.map((r) => Number(r.id))).execute();
  const byId = new Map(articles.map((a) => [a.id, a]));
  const source = opts.snippetSource ?? ((a: ArticleRow) => `${a.standfirst}\n${a.body_text.split(/\s+/).slice(0, 100).join(' ')}`);
  return {
    total,
    page,
    pageSize,
    terms,
    hits: rows.flatMap((r) => {
      const a = byId.get(Number(r.id));
      return a ? [{ article: a, score: Number(r.score), snippet: buildSnippet(source(a), terms) }] : [];
    }),
  };
}
