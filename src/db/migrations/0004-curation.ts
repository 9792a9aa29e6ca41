// Curation: what the background job derives from each article (term vector,
// topics, people and places, tone), story clusters, related stories, reads
// (events and daily roll-ups), top stories, editors' picks with their log,
// and good-news overrides.
import { sql } from 'kysely';
import type { Migration } from './types.ts';

export const curation: Migration = {
  id: 4,
  name: 'curation',
  async up(db, { id }) {
    await db.schema
      .createTable('clusters')
      .addColumn('id', 'integer', id)
      .addColumn('first_article_id', 'integer', (c) => c.notNull())
      .addColumn('first_published_at', 'bigint', (c) => c.notNull())
      .addColumn('last_published_at', 'bigint', (c) => c.notNull())
      .addColumn('article_count', 'integer', (c) => c.notNull())
      .addColumn('publisher_count', 'integer', (c) => c.notNull())
      .addColumn('centroid', 'text', (c) => c.notNull())
      .addColumn('entities', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      // The developing story this one continues: the thread's first cluster id (its own id when it starts one).
      .addColumn('thread_id', 'integer')
      .execute();
    await db.schema.createIndex('clusters_thread').on('clusters').column('thread_id').execute();
    await db.schema.createIndex('clusters_recent').on('clusters').column('last_published_at').execute();

    await db.schema.alterTable('articles').addColumn('cluster_id', 'integer').execute();
    await db.schema.alterTable('articles').addColumn('curated_at', 'bigint').execute();
    await db.schema.alterTable('articles').addColumn('tone', 'real').execute();
    await db.schema
      .alterTable('articles')
      .addColumn('good_news', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.createIndex('articles_cluster').on('articles').columns(['cluster_id', 'published_at']).execute();
    // The job's queue: articles waiting for analysis (new, or changed since). A table of its own stays
    // tiny and fast whatever the planner thinks of articles; everything stored before this migration waits.
    await db.schema
      .createTable('curation_queue')
      .addColumn('article_id', 'integer', (c) => c.primaryKey())
      // when it was (last) queued: a change that arrives while the job analyses the article queues it again
      .addColumn('queued_at', 'bigint', (c) => c.notNull())
      .execute();
    await sql`insert into curation_queue (article_id, queued_at) select id, 0 from articles`.execute(db);
    await sql`create index articles_good_news on articles (published_at, id) where good_news = 1`.execute(db);

    // The stored analysis of each article: its unit TF-IDF vector and prominent names (JSON).
    await db.schema
      .createTable('article_features')
      .addColumn('article_id', 'integer', (c) => c.primaryKey().references('articles.id').onDelete('cascade'))
      .addColumn('vector', 'text', (c) => c.notNull())
      .addColumn('entities', 'text', (c) => c.notNull())
      .addColumn('topics', 'text', (c) => c.notNull())
      .execute();

    // An impact-ordered inverted index over each article's strongest terms: candidates for clusters and related stories.
    await db.schema
      .createTable('term_postings')
      .addColumn('term', 'text', (c) => c.notNull())
      .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
      .addColumn('weight', 'real', (c) => c.notNull())
      .addColumn('published_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('term_postings_pk', ['term', 'article_id'])
      .execute();
    await db.schema.createIndex('term_postings_recent').on('term_postings').columns(['term', 'published_at']).execute();
    await db.schema.createIndex('term_postings_article').on('term_postings').column('article_id').execute();

    await db.schema
      .createTable('term_df')
      .addColumn('term', 'text', (c) => c.primaryKey())
      .addColumn('df', 'integer', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('article_topics')
      .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
      .addColumn('topic', 'text', (c) => c.notNull())
      .addColumn('score', 'real', (c) => c.notNull())
      .addColumn('published_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('article_topics_pk', ['article_id', 'topic'])
      .execute();
    await db.schema
      .createIndex('article_topics_list')
      .on('article_topics')
      .columns(['topic', 'published_at', 'article_id'])
      .execute();

    await db.schema
      .createTable('entities')
      .addColumn('id', 'integer', id)
      .addColumn('key', 'text', (c) => c.notNull().unique())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('slug', 'text', (c) => c.notNull().unique())
      .addColumn('article_count', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema
      .createTable('article_entities')
      .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
      .addColumn('entity_id', 'integer', (c) => c.notNull().references('entities.id').onDelete('cascade'))
      .addColumn('salience', 'real', (c) => c.notNull())
      .addColumn('published_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('article_entities_pk', ['article_id', 'entity_id'])
      .execute();
    await db.schema
      .createIndex('article_entities_list')
      .on('article_entities')
      .columns(['entity_id', 'published_at', 'article_id'])
      .execute();

    await db.schema
      .createTable('article_related')
      .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
      .addColumn('related_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
      .addColumn('score', 'real', (c) => c.notNull())
      .addPrimaryKeyConstraint('article_related_pk', ['article_id', 'related_id'])
      .execute();
    await db.schema.createIndex('article_related_back').on('article_related').column('related_id').execute();

    // Reads: one event per reader, article, kind and day (the primary key makes a repeat a no-op), and daily roll-ups.
    await db.schema
      .createTable('read_events')
      .addColumn('day', 'text', (c) => c.notNull())
      .addColumn('article_id', 'integer', (c) => c.notNull())
      .addColumn('reader', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('read_events_pk', ['day', 'article_id', 'reader', 'kind'])
      .execute();
    await db.schema.createIndex('read_events_recent').on('read_events').columns(['kind', 'at']).execute();
    await db.schema
      .createTable('read_counts')
      .addColumn('article_id', 'integer', (c) => c.notNull())
      .addColumn('day', 'text', (c) => c.notNull())
      .addColumn('views', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('qualified', 'integer', (c) => c.notNull().defaultTo(0))
      .addPrimaryKeyConstraint('read_counts_pk', ['article_id', 'day'])
      .execute();
    await db.schema
      .createTable('read_salts')
      .addColumn('day', 'text', (c) => c.primaryKey())
      .addColumn('salt', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('top_stories')
      .addColumn('rank', 'integer', (c) => c.primaryKey())
      .addColumn('article_id', 'integer', (c) => c.notNull())
      .addColumn('cluster_id', 'integer')
      .addColumn('score', 'real', (c) => c.notNull())
      .addColumn('publishers', 'integer', (c) => c.notNull())
      .addColumn('computed_at', 'bigint', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('picks')
      .addColumn('id', 'integer', id)
      .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('note', 'text')
      .addColumn('featured', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('expires_at', 'bigint')
      .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .addColumn('removed_at', 'bigint')
      .execute();
    await db.schema.createIndex('picks_current').on('picks').columns(['removed_at', 'position']).execute();

    await db.schema
      .createTable('good_news_overrides')
      .addColumn('article_id', 'integer', (c) => c.primaryKey().references('articles.id').onDelete('cascade'))
      .addColumn('include', 'integer', (c) => c.notNull())
      .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('at', 'bigint', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('editor_log')
      .addColumn('id', 'integer', id)
      .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('article_id', 'integer')
      .addColumn('detail', 'text')
      .addColumn('at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('editor_log_recent').on('editor_log').column('at').execute();

    // Job leases: one curation pass at a time across processes.
    await db.schema
      .createTable('job_leases')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('owner', 'text', (c) => c.notNull())
      .addColumn('until', 'bigint', (c) => c.notNull())
      .execute();
  },
};
