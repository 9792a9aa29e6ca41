// Developing stories as a whole: each thread keeps the running profile of its
// reports (the mean of their term vectors, the names that lead them), so a new
// story can be compared with the thread and not only with its single reports
// (curation/thread-rules.ts). Threads that exist before this migration get
// their profile the first time the job meets them (curation/thread-store.ts).
import type { Migration } from './types.ts';

export const threads: Migration = {
  id: 7,
  name: 'threads',
  async up(db) {
    await db.schema
      .createTable('threads')
      // the thread's id: its first cluster's (clusters.thread_id)
      .addColumn('id', 'integer', (c) => c.primaryKey())
      // JSON term vector: the sum of the reports' unit vectors (their mean's direction, kept exact as reports are added)
      .addColumn('term_sum', 'text', (c) => c.notNull())
      .addColumn('names', 'text', (c) => c.notNull())
      .addColumn('article_count', 'integer', (c) => c.notNull())
      .addColumn('first_published_at', 'bigint', (c) => c.notNull())
      .addColumn('last_published_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();
  },
};
