// PostgreSQL: search ranks by a small second vector: headline (A), standfirst (B)
// and the opening of the body (C). Matching still uses the full search_vector
// through its GIN index; ranking the full vector meant reading each match's
// large vector from TOAST, which made ranking most of a search's time. This one
// stays inline in the row.
// SQLite: the index is rebuilt with publisher and section tokens after the
// authors ("zzpub12 zzsecnews"), so filtered searches are one FTS5 query.
import { sql } from 'kysely';
import type { Migration } from './types.ts';

export const searchRank: Migration = {
  id: 5,
  name: 'search-rank',
  async up(db, { dialect }) {
    if (dialect === 'sqlite') {
      await sql`delete from article_search`.execute(db);
      await sql`insert into article_search (rowid, title, standfirst, body, authors)
        select a.id, a.title, a.standfirst, a.body_text,
          coalesce((select group_concat(au.name, ', ') from article_authors aa join authors au on au.id = aa.author_id where aa.article_id = a.id), '')
            || ' zzpub' || a.publisher_id || coalesce(' zzsec' || replace(replace(a.section, '-', ''), ' ', ''), '')
        from articles a
        where a.status = 'published' and a.duplicate_of is null`.execute(db);
      return;
    }
    await sql`alter table articles add column rank_vector tsvector`.execute(db);
    await sql`update articles set rank_vector =
        setweight(to_tsvector('english', title), 'A') ||
        setweight(to_tsvector('english', standfirst), 'B') ||
        setweight(to_tsvector('english', left(body_text, 600)), 'C')
      where search_vector is not null`.execute(db);
  },
};
