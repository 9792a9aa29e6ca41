// Developing stories as a whole: each thread keeps the running profile of its
// reports (the sum of their term vectors, the names that lead them), so a new
// story can be compared with the thread and not only with its single reports
// (curation/thread-rules.ts). Threads that exist before this migration get
// their profile the first time the job meets them (curation/thread-store.ts).
//
// A story keeps the sum of its reports' vectors too, in place of a unit
// centroid that the job scaled by the story's size to add a report (which
// weighed its first reports more than its later ones): each stored centroid
// becomes that scaled sum, what the job made of it before.
import { sql } from 'kysely';
import type { Migration } from './types.ts';

/** A frozen copy of analysis/terms.ts serialiseVector's format: [[term, weight], …], 4 places. */
function scaled(json: string, by: number): string {
  let pairs: unknown;
  try {
    pairs = JSON.parse(json);
  } catch {
    return '[]';
  }
  if (!Array.isArray(pairs)) return '[]';
  return JSON.stringify(
    pairs
      .filter((p) => Array.isArray(p) && typeof p[0] === 'string' && typeof p[1] === 'number')
      .map(([t, w]: [string, number]) => [t, Math.round(w * by * 10_000) / 10_000]),
  );
}

export const threads: Migration = {
  id: 7,
  name: 'threads',
  async up(db) {
    await db.schema
      .createTable('threads')
      // the thread's id: its first cluster's (clusters.thread_id)
      .addColumn('id', 'integer', (c) => c.primaryKey())
      // JSON term vector: the sum of the reports' unit vectors, strongest terms
      .addColumn('term_sum', 'text', (c) => c.notNull())
      .addColumn('names', 'text', (c) => c.notNull())
      .addColumn('article_count', 'integer', (c) => c.notNull())
      .addColumn('first_published_at', 'bigint', (c) => c.notNull())
      .addColumn('last_published_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();

    await db.schema.alterTable('clusters').renameColumn('centroid', 'term_sum').execute();
    // A thousand stories to a statement.
    for (let after = 0; ;) {
      const rows: { id: number; term_sum: string; article_count: number }[] = await db
        .selectFrom('clusters')
        .select(['id', 'term_sum', 'article_count'])
        .where('id', '>', after)
        .orderBy('id')
        .limit(1000)
        .execute();
      if (rows.length === 0) break;
      const changed = rows.filter((r) => r.article_count > 1);
      if (changed.length) {
        const cases = sql.join(
          changed.map((r) => sql`when ${r.id} then ${scaled(r.term_sum, r.article_count)}`),
          sql` `,
        );
        await sql`update clusters set term_sum = case id ${cases} end where id in (${sql.join(changed.map((r) => r.id))})`.execute(
          db,
        );
      }
      after = rows[rows.length - 1]!.id;
    }
  },
};
