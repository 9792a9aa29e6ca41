// PostgreSQL search ranks by a small second vector: headline (A), standfirst (B)
// and the opening of the body (C). Matching still uses the full search_vector
// through its GIN index; ranking the full vector meant reading each match's
// large vector from TOAST, which made ranking most of a search's time. This one
// stays inline in the row. SQLite ranks inside FTS5 and needs nothing.
import { sql } from 'kysely';
import type { Migration } from './types.ts';

export const searchRank: Migration = {
  id: 5,
  name: 'search-rank',
  async up(db, { dialect }) {
    if (dialect !== 'postgres') return;
    await sql`alter table articles add column rank_vector tsvector`.execute(db);
    await sql`update articles set rank_vector =
        setweight(to_tsvector('english', title), 'A') ||
        setweight(to_tsvector('english', standfirst), 'B') ||
        setweight(to_tsvector('english', left(body_text, 600)), 'C')
      where search_vector is not null`.execute(db);
  },
};
