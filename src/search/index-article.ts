// Keeps the search index in step with the articles: a readable article (published,
// not a copy of another) is indexed; anything else is not. Callers pass the ids
// they touched; this reads the rows and makes the index match.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { dialectOf } from './dialect.ts';

export interface IndexRow {
  title: string;
  standfirst: string;
  body_text: string;
  status: string;
  duplicate_of: number | null;
  authors: string[];
}

/** `known` lets a caller that has just written the rows skip reading them back; `fresh` skips the delete. */
export async function reindexArticles(db: Kysely<DB>, ids: number[], known?: Record<number, IndexRow>, fresh = false): Promise<void> {
  if (!ids.length) return;
  const unique = [...new Set(ids)];
  const missing = unique.filter((id) => !known?.[id]);
  const loaded = missing.length ? await db.selectFrom('articles').select(['id', 'title', 'standfirst', 'body_text', 'status', 'duplicate_of']).where('id', 'in', missing).execute() : [];
  const authors = missing.length
    ? await db
        .selectFrom('article_authors')
        .innerJoin('authors', 'authors.id', 'article_authors.author_id')
        .select(['article_authors.article_id', 'authors.name'])
        .where('article_authors.article_id', 'in', missing)
        .execute()
    : [];
  const rows = [...loaded, ...Object.entries(known ?? {}).map(([id, r]) => ({ id: Number(id), ...r }))];
  const names = (id: number) => known?.[id]?.authors.join(', ') ?? authors.filter((a) => a.article_id === id).map((a) => a.name).join(', ');
  const dialect = dialectOf(db);
  // PostgreSQL's english configuration keeps accents; fold them here (FTS5 does it with remove_diacritics).
  const fold = (t: string) => t.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  for (const id of unique) {
    const r = rows.find((x) => x.id === id);
    const indexed = !!r && r.status === 'published' && r.duplicate_of === null;
    if (dialect === 'sqlite') {
      if (!fresh) await sql`delete from article_search where rowid = ${id}`.execute(db);
      if (indexed) await sql`insert into article_search (rowid, title, standfirst, body, authors) values (${id}, ${r.title}, ${r.standfirst}, ${r.body_text}, ${names(id)})`.execute(db);
    } else if (indexed) {
      await sql`update articles set search_vector =
          setweight(to_tsvector('english', ${fold(r.title)}), 'A') ||
          setweight(to_tsvector('english', ${fold(r.standfirst)}), 'B') ||
          setweight(to_tsvector('english', ${fold(names(id))}), 'B') ||
          setweight(to_tsvector('english', ${fold(r.body_text.slice(0, 200_000))}), 'C')
        where id = ${id}`.execute(db);
    } else {
      await sql`update articles set search_vector = null where id = ${id}`.execute(db);
    }
  }
}
