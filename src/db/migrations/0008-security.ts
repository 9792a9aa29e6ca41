// After the hostile-content probe (docs/security.md):
// - throttles: one table of fixed windows for every limit (sign-in per
//   address, account and trusted device; re-authentication; reset mail;
//   counted reads), replacing signin_attempts;
// - mail_outbox: mail is queued by requests and sent by a worker, so an answer
//   never waits on (or reveals) the mail behind it;
// - read_nonces: qualified-read tokens are single-use;
// - articles.preview_html / preview_text: the paywall's preview stored with the
//   body, and a search index column of what anyone may read (the preview, or a
//   free article's whole body), so searches by readers who may not read an
//   article match only its open part. Both are derived: filled here with
//   today's preview rule and the index writer, as every later write does.
import { sql } from 'kysely';
import { previewOf } from '../../members/preview.ts';
import { indexArticles } from '../../search/index-article.ts';
import type { Migration } from './types.ts';

export const security: Migration = {
  id: 8,
  name: 'security',
  async up(db, { dialect, id }) {
    await db.schema
      .createTable('throttles')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('window_start', 'bigint', (c) => c.notNull())
      .addColumn('hits', 'integer', (c) => c.notNull())
      .execute();
    await db.schema.dropTable('signin_attempts').execute();

    await db.schema
      .createTable('mail_outbox')
      .addColumn('id', 'integer', id)
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('payload', 'text')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('next_attempt_at', 'bigint', (c) => c.notNull())
      .addColumn('lease_owner', 'text')
      .addColumn('lease_until', 'bigint')
      .addColumn('sent_at', 'bigint')
      .addColumn('failed_at', 'bigint')
      .addColumn('last_error', 'text')
      .execute();
    await db.schema
      .createIndex('mail_outbox_due')
      .on('mail_outbox')
      .columns(['sent_at', 'failed_at', 'next_attempt_at'])
      .execute();

    await db.schema
      .createTable('read_nonces')
      .addColumn('nonce', 'text', (c) => c.primaryKey())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('read_nonces_expiry').on('read_nonces').column('expires_at').execute();

    await db.schema
      .alterTable('articles')
      .addColumn('preview_html', 'text', (c) => c.notNull().defaultTo(''))
      .execute();
    await db.schema
      .alterTable('articles')
      .addColumn('preview_text', 'text', (c) => c.notNull().defaultTo(''))
      .execute();
    for (let after = 0; ;) {
      const rows: { id: number; body_html: string }[] = await db
        .selectFrom('articles')
        .select(['id', 'body_html'])
        .where('id', '>', after)
        .orderBy('id')
        .limit(500)
        .execute();
      if (rows.length === 0) break;
      const previews = rows.map((r) => previewOf(r.body_html));
      if (dialect === 'postgres') {
        await sql`update articles a set preview_html = v.h, preview_text = v.t
          from unnest(${rows.map((r) => r.id)}::int[], ${previews.map((p) => p.html)}::text[], ${previews.map((p) => p.text)}::text[]) as v(id, h, t)
          where a.id = v.id`.execute(db);
      } else {
        for (const [i, r] of rows.entries())
          await db
            .updateTable('articles')
            .set({ preview_html: previews[i]!.html, preview_text: previews[i]!.text })
            .where('id', '=', r.id)
            .execute();
      }
      after = rows[rows.length - 1]!.id;
    }

    if (dialect === 'sqlite') {
      await sql`drop table article_search`.execute(db);
      await sql`create virtual table article_search using fts5(title, standfirst, body, preview, authors, content='', contentless_delete=1, prefix='2 3', tokenize='porter unicode61 remove_diacritics 2')`.execute(
        db,
      );
    } else {
      await sql`alter table search_pg add column preview_vector tsvector`.execute(db);
      await sql`create index search_pg_preview on search_pg using gin (preview_vector)`.execute(db);
    }
    for (let after = 0; ;) {
      const rows: { id: number }[] = await db
        .selectFrom('articles')
        .select('id')
        .where('id', '>', after)
        .where('status', '=', 'published')
        .where('duplicate_of', 'is', null)
        .orderBy('id')
        .limit(500)
        .execute();
      if (rows.length === 0) break;
      await indexArticles(
        db,
        dialect,
        rows.map((r) => r.id),
      );
      after = rows[rows.length - 1]!.id;
    }
  },
};
