// PostgreSQL: the index moves from a column of articles to a narrow table of
// its own (search_pg), which also carries the filter columns and a small second
// vector for ranking: headline (A), standfirst (B) and the opening of the body
// (C). Matching uses the full vector through its GIN index; ranking the full
// vector meant reading each match's large vector from TOAST.
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
    // A narrow table of its own: a search reads only these rows (several to a page), not the wide
    // article rows (about one to a page), and filters without touching articles.
    await sql`create table search_pg (
        article_id integer primary key references articles(id) on delete cascade,
        publisher_id integer not null,
        section text,
        published_at bigint not null,
        search_vector tsvector not null,
        rank_vector tsvector not null)`.execute(db);
    await sql`insert into search_pg (article_id, publisher_id, section, published_at, search_vector, rank_vector)
      select id, publisher_id, section, published_at, search_vector,
        setweight(to_tsvector('english', title), 'A') ||
        setweight(to_tsvector('english', standfirst), 'B') ||
        setweight(to_tsvector('english', left(body_text, 600)), 'C')
      from articles where search_vector is not null`.execute(db);
    await sql`create index search_pg_vector on search_pg using gin (search_vector)`.execute(db);
    await sql`drop index articles_search`.execute(db);
    await sql`alter table articles drop column search_vector`.execute(db);
  },
};
