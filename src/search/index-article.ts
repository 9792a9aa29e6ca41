// Keeps the search index in step with the articles. A readable article
// (status 'published', not a copy of another) is indexed; anything else is not.
// Callers pass the ids they touched; the index is made to match the rows, set by
// set (a few statements per call, whatever the number of ids).
//
// SQLite: the contentless FTS5 table `article_search` (rowid = article id) is
// filled straight from the rows in SQL. PostgreSQL: the table `search_pg`
// (vectors, filter columns) is filled from texts folded here (the `english` configuration keeps accents;
// FTS5 folds them with remove_diacritics), weights title A, standfirst and
// authors B, body C.
import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../db/connect.ts';
import type { DB } from '../db/schema.ts';
import { dialectOf } from './dialect.ts';

/** What the index needs of an article; lets a caller that has just written the row skip reading it back. */
export interface IndexRow {
  title: string;
  standfirst: string;
  body_text: string;
  /** the paywall's preview of the body, as text (articles.preview_text) */
  preview_text: string;
  is_free: number;
  status: string;
  duplicate_of: number | null;
  authors: string[];
  /** for the filter tokens on SQLite; a row without them is read back from the table */
  publisher_id?: number;
  section?: string | null;
}

interface IndexDoc extends IndexRow {
  id: number;
}

const CHUNK = 500;

/**
 * Filter tokens appended to the authors column on SQLite ("zzpub12 zzsecnews"), so that a search
 * limited to a publisher or section is one FTS5 query (a doclist intersection) instead of a join
 * that visits every match's row. search.ts builds the same tokens with facetToken.
 */
export const FACETS_SQL = sql`(' zzpub' || a.publisher_id || coalesce(' zzsec' || replace(replace(a.section, '-', ''), ' ', ''), ''))`;
export const facetToken = {
  publisher: (id: number) => `zzpub${Math.trunc(id)}`,
  /** null when the section holds characters the tokeniser would split on */
  section: (section: string) => {
    const t = section.replace(/[- ]/g, '');
    return /^[A-Za-z0-9]+$/.test(t) ? `zzsec${t}` : null;
  },
};
/** tsvector values are capped at 1 MB; no article body needs more than this to be found. */
const MAX_BODY = 200_000;

function chunks<T>(items: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const indexable = (r: { status: string; duplicate_of: number | null }) =>
  r.status === 'published' && r.duplicate_of === null;
/** What anyone may read of a body. */
const openText = (r: Pick<IndexRow, 'body_text' | 'preview_text' | 'is_free'>) =>
  r.is_free === 1 ? r.body_text : r.preview_text;
const OPEN_SQL = sql`case when a.is_free = 1 then a.body_text else a.preview_text end`;

/** Accents off, as FTS5's remove_diacritics does: "Zoë" is found by "zoe". */
export function foldDiacritics(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
}

/** Makes the index match these articles' rows: readable ones (re)indexed, the rest removed. */
export async function indexArticles(db: Kysely<DB>, dialect: Dialect, articleIds: number[]): Promise<void> {
  const ids = [...new Set(articleIds)];
  for (const part of chunks(ids)) {
    if (dialect === 'sqlite') {
      await sql`delete from article_search where rowid in (${sql.join(part)})`.execute(db);
      await sql`insert into article_search (rowid, title, standfirst, body, preview, authors)
        select a.id, a.title, a.standfirst, a.body_text, ${OPEN_SQL},
          coalesce((select group_concat(au.name, ', ') from article_authors aa join authors au on au.id = aa.author_id where aa.article_id = a.id), '') || ${FACETS_SQL}
        from articles a
        where a.id in (${sql.join(part)}) and a.status = 'published' and a.duplicate_of is null`.execute(db);
    } else {
      await writePostgres(db, await loadDocs(db, part));
    }
  }
}

/** Takes these articles out of the index (their rows are left as they are). */
export async function removeFromIndex(db: Kysely<DB>, dialect: Dialect, articleIds: number[]): Promise<void> {
  for (const part of chunks([...new Set(articleIds)])) {
    if (dialect === 'sqlite') await sql`delete from article_search where rowid in (${sql.join(part)})`.execute(db);
    else await sql`delete from search_pg where article_id in (${sql.join(part)})`.execute(db);
  }
}

/**
 * For the catalogue's writers, which get a Kysely handle (often a transaction)
 * but not the dialect: it is read off the handle's adapter (see dialect.ts).
 * `known` holds rows the caller has just written (nothing is read back);
 * `fresh` says they are new, so there is no old entry to delete.
 */
export async function reindexArticles(
  db: Kysely<DB>,
  ids: number[],
  known?: Record<number, IndexRow>,
  fresh = false,
): Promise<void> {
  if (!ids.length) return;
  const dialect = dialectOf(db);
  const usable = (id: number) => !!known?.[id] && (dialect === 'postgres' || known[id]!.publisher_id !== undefined);
  const docs = ids.flatMap((id) => (usable(id) ? [{ id, ...known![id]! }] : []));
  const rest = ids.filter((id) => !usable(id));
  if (rest.length) await indexArticles(db, dialect, rest);
  if (!docs.length) return;
  if (dialect === 'postgres') return writePostgres(db, docs);
  if (!fresh)
    await removeFromIndex(
      db,
      dialect,
      docs.map((d) => d.id),
    );
  for (const d of docs.filter(indexable)) {
    const section = d.section ? facetToken.section(d.section) : null;
    const facets = ` ${facetToken.publisher(d.publisher_id!)}${section ? ` ${section}` : ''}`;
    await sql`insert into article_search (rowid, title, standfirst, body, preview, authors) values (${d.id}, ${d.title}, ${d.standfirst}, ${d.body_text}, ${openText(d)}, ${d.authors.join(', ') + facets})`.execute(
      db,
    );
  }
}

async function loadDocs(db: Kysely<DB>, ids: number[]): Promise<IndexDoc[]> {
  if (!ids.length) return [];
  const rows = await db
    .selectFrom('articles')
    .select(['id', 'title', 'standfirst', 'body_text', 'preview_text', 'is_free', 'status', 'duplicate_of'])
    .where('id', 'in', ids)
    .execute();
  const names = await db
    .selectFrom('article_authors')
    .innerJoin('authors', 'authors.id', 'article_authors.author_id')
    .select(['article_authors.article_id', 'authors.name'])
    .where('article_authors.article_id', 'in', ids)
    .orderBy('article_authors.position')
    .execute();
  const byArticle = new Map<number, string[]>();
  for (const n of names) byArticle.set(n.article_id, [...(byArticle.get(n.article_id) ?? []), n.name]);
  return rows.map((r) => ({ ...r, authors: byArticle.get(r.id) ?? [] }));
}

/** One UPDATE for the readable rows (texts passed as arrays), one for the rest. */
async function writePostgres(db: Kysely<DB>, docs: IndexDoc[]): Promise<void> {
  const on = docs.filter(indexable);
  const off = docs.filter((d) => !indexable(d)).map((d) => d.id);
  if (on.length) {
    const col = (f: (d: IndexDoc) => string) => on.map((d) => foldDiacritics(f(d)));
    // Ranked by the opening anyone may read, so the order of results says nothing of the rest.
    await sql`insert into search_pg (article_id, publisher_id, section, published_at, search_vector, preview_vector, rank_vector)
      select v.id, a.publisher_id, a.section, a.published_at,
        setweight(to_tsvector('english', v.title), 'A') ||
        setweight(to_tsvector('english', v.standfirst), 'B') ||
        setweight(to_tsvector('english', v.authors), 'B') ||
        setweight(to_tsvector('english', v.body), 'C'),
        setweight(to_tsvector('english', v.title), 'A') ||
        setweight(to_tsvector('english', v.standfirst), 'B') ||
        setweight(to_tsvector('english', v.authors), 'B') ||
        setweight(to_tsvector('english', v.open), 'C'),
        setweight(to_tsvector('english', v.title), 'A') ||
        setweight(to_tsvector('english', v.standfirst), 'B') ||
        setweight(to_tsvector('english', left(v.open, ${RANK_BODY})), 'C')
      from unnest(${on.map((d) => d.id)}::int[], ${col((d) => d.title)}::text[], ${col((d) => d.standfirst)}::text[],
                  ${col((d) => d.authors.join(', '))}::text[], ${col((d) => d.body_text.slice(0, MAX_BODY))}::text[],
                  ${col((d) => openText(d).slice(0, MAX_BODY))}::text[])
        as v(id, title, standfirst, authors, body, open)
      join articles a on a.id = v.id
      on conflict (article_id) do update set publisher_id = excluded.publisher_id, section = excluded.section, published_at = excluded.published_at,
        search_vector = excluded.search_vector, preview_vector = excluded.preview_vector, rank_vector = excluded.rank_vector`.execute(
      db,
    );
  }
  if (off.length) await sql`delete from search_pg where article_id in (${sql.join(off)})`.execute(db);
}

/** The opening of the body that the ranking vector keeps (see migration 0005). */
const RANK_BODY = 600;
