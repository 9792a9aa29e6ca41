// Publishers, their feeds with health state, articles with authors, and the
// LSH index used to spot syndicated copies.
import type { Migration } from './types.ts';

export const initial: Migration = {
  id: 1,
  name: 'initial',
  async up(db, { id }) {
    await db.schema
      .createTable('meta')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('publishers')
      .addColumn('id', 'integer', id)
      .addColumn('slug', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('homepage', 'text')
      .addColumn('logo_url', 'text')
      .addColumn('description', 'text')
      .addColumn('language', 'text')
      .addColumn('country', 'text')
      .addColumn('sections', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('brand_color', 'text')
      .addColumn('api_key_hash', 'text')
      .addColumn('api_key_prefix', 'text')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('feeds')
      .addColumn('id', 'integer', id)
      .addColumn('publisher_id', 'integer', (c) => c.notNull().references('publishers.id').onDelete('cascade'))
      .addColumn('url', 'text', (c) => c.notNull().unique())
      .addColumn('title', 'text')
      .addColumn('site_url', 'text')
      .addColumn('section', 'text')
      .addColumn('full_text', 'text', (c) => c.notNull().defaultTo('auto'))
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
      .addColumn('allow_private', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('etag', 'text')
      .addColumn('last_modified', 'text')
      .addColumn('interval_s', 'integer', (c) => c.notNull())
      .addColumn('next_fetch_at', 'bigint', (c) => c.notNull())
      .addColumn('last_fetch_at', 'bigint')
      .addColumn('last_success_at', 'bigint')
      .addColumn('last_new_items_at', 'bigint')
      .addColumn('last_error', 'text')
      .addColumn('last_error_at', 'bigint')
      .addColumn('consecutive_failures', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('hints', 'text')
      .addColumn('lease_owner', 'text')
      .addColumn('lease_until', 'bigint')
      .addColumn('items_total', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('feeds_due').on('feeds').columns(['status', 'next_fetch_at']).execute();
    await db.schema.createIndex('feeds_publisher').on('feeds').column('publisher_id').execute();

    await db.schema
      .createTable('articles')
      .addColumn('id', 'integer', id)
      .addColumn('publisher_id', 'integer', (c) => c.notNull().references('publishers.id').onDelete('cascade'))
      .addColumn('feed_id', 'integer', (c) => c.references('feeds.id').onDelete('set null'))
      .addColumn('guid', 'text', (c) => c.notNull())
      .addColumn('external_id', 'text')
      .addColumn('url', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('standfirst', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('body_html', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('body_text', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('body_source', 'text', (c) => c.notNull())
      .addColumn('section', 'text')
      .addColumn('categories', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('language', 'text')
      .addColumn('image_url', 'text')
      .addColumn('image_caption', 'text')
      .addColumn('image_credit', 'text')
      .addColumn('image_width', 'integer')
      .addColumn('image_height', 'integer')
      .addColumn('word_count', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('reading_minutes', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('published_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint')
      .addColumn('content_hash', 'text', (c) => c.notNull())
      .addColumn('source_hash', 'text')
      .addColumn('minhash', 'text')
      .addColumn('duplicate_of', 'integer', (c) => c.references('articles.id').onDelete('set null'))
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('published'))
      .addColumn('is_free', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('modified_at', 'bigint', (c) => c.notNull())
      .addUniqueConstraint('articles_publisher_guid', ['publisher_id', 'guid'])
      .execute();
    await db.schema.createIndex('articles_publisher_url').on('articles').columns(['publisher_id', 'url']).execute();
    await db.schema.createIndex('articles_published').on('articles').columns(['status', 'published_at']).execute();
    await db.schema
      .createIndex('articles_publisher_published')
      .on('articles')
      .columns(['publisher_id', 'published_at'])
      .execute();
    await db.schema.createIndex('articles_duplicate_of').on('articles').column('duplicate_of').execute();

    await db.schema
      .createTable('authors')
      .addColumn('id', 'integer', id)
      .addColumn('publisher_id', 'integer', (c) => c.notNull().references('publishers.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('slug', 'text', (c) => c.notNull())
      .addUniqueConstraint('authors_publisher_slug', ['publisher_id', 'slug'])
      .execute();

    await db.schema
      .createTable('article_authors')
      .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
      .addColumn('author_id', 'integer', (c) => c.notNull().references('authors.id').onDelete('cascade'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('article_authors_pk', ['article_id', 'author_id'])
      .execute();
    await db.schema.createIndex('article_authors_author').on('article_authors').column('author_id').execute();

    await db.schema
      .createTable('article_lsh')
      .addColumn('band_key', 'text', (c) => c.notNull())
      .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
      .addColumn('published_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('article_lsh_key').on('article_lsh').columns(['band_key', 'published_at']).execute();
    await db.schema.createIndex('article_lsh_article').on('article_lsh').column('article_id').execute();
  },
};
