// Full-text search. SQLite: a contentless FTS5 table keyed by article id
// (snippets are built from our own text, so FTS need not store it).
// PostgreSQL: a weighted tsvector column with a GIN index.
import { sql } from 'kysely';
import type { Migration } from './types.ts';

export const search: Migration = {
  id: 2,
  name: 'search',
  async up(db, { dialect }) {
    if (dialect === 'sqlite') {
      await sql`create virtual table article_search using fts5(title, standfirst, body, authors, content='', contentless_delete=1, prefix='2 3', tokenize='porter unicode61 remove_diacritics 2')`.execute(
        db,
      );
    } else {
      await sql`alter table articles add column search_vector tsvector`.execute(db);
      await sql`create index articles_search on articles using gin (search_vector)`.execute(db);
    }
  },
};
