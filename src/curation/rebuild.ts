// Forgets everything the curation job derived, so the next pass analyses
// every article afresh. Editors' picks, good-news rulings and reads are kept.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

export async function forgetCuration(db: Kysely<DB>): Promise<number> {
  return db.transaction().execute(async (trx) => {
    for (const table of [
      'article_related',
      'article_entities',
      'article_topics',
      'term_postings',
      'article_features',
      'term_df',
      'top_stories',
      'entities',
      'clusters',
      'threads',
    ] as const) {
      await trx.deleteFrom(table).execute();
    }
    await trx.deleteFrom('meta').where('key', '=', 'curation.docs').execute();
    const r = await trx.updateTable('articles').set({ curated_at: null, cluster_id: null }).executeTakeFirst();
    await sql`insert into curation_queue (article_id, queued_at) select id, 0 from articles where id not in (select article_id from curation_queue)`.execute(
      trx,
    );
    return Number(r.numUpdatedRows);
  });
}
