// An install made before curation and the search changes (migrations 1–3),
// with articles in it, upgraded to this build: nothing is lost, the articles
// are still found by search (filters included), and they wait for curation.
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { runCuration } from '../curation/job.ts';
import { searchArticles } from '../search/search.ts';
import { migrate } from './migrate.ts';
import { migrations } from './migrations/index.ts';
import { createTestDatabase, testDialects, type TestDatabase } from '../test-support/databases.ts';

const T = Date.parse('2026-11-24T09:00:00Z');
const BODY = Array.from(
  { length: 8 },
  (_, i) =>
    `<p>Paragraph ${i}: the harbour wall was mended by the crew before the storms came in.${i === 7 ? ' A zeppelin passed.' : ''}</p>`,
).join('');

describe.each(testDialects)('upgrading a %s install with articles', (dialect) => {
  let database: TestDatabase;
  afterEach(async () => database?.dispose());

  it('keeps them searchable and queues them for curation', async () => {
    database = await createTestDatabase(dialect, { migrate: false });
    await migrate(database, migrations.slice(0, 3));
    const db = database.db;
    // Rows as the previous release wrote them (its index format included).
    const pub = await db
      .insertInto('publishers')
      .values({ slug: 'quay', name: 'Quay Daily', sections: '["news"]', created_at: T })
      .returning('id')
      .executeTakeFirstOrThrow();
    const ids: number[] = [];
    for (const [i, title] of ['Harbour wall repaired before storms', 'Lighthouse keeper retires'].entries()) {
      const row = await db
        .insertInto('articles')
        .values({
          publisher_id: pub.id,
          guid: `g${i}`,
          url: `https://quay.example/${i}`,
          title,
          standfirst: 'From the quay.',
          body_html: BODY,
          body_text: 'The harbour board met on Tuesday.',
          body_source: 'feed',
          section: 'news',
          categories: '[]',
          word_count: 6,
          reading_minutes: 1,
          published_at: T + i,
          content_hash: `h${i}`,
          status: 'published',
          is_free: 0,
          created_at: T,
          modified_at: T,
        } as never)
        .returning('id')
        .executeTakeFirstOrThrow();
      ids.push(row.id);
      if (dialect === 'sqlite')
        await sql`insert into article_search (rowid, title, standfirst, body, authors) values (${row.id}, ${title}, 'From the quay.', 'The harbour board met on Tuesday.', '')`.execute(
          db,
        );
      else
        await sql`update articles set search_vector = to_tsvector('english', title || ' ' || body_text) where id = ${row.id}`.execute(
          db,
        );
    }

    await migrate(database);
    const found = await searchArticles(db, dialect, { text: 'harbour', scope: 'all' }, { now: T });
    expect(found.hits.map((h) => h.articleId).sort()).toEqual(ids);
    const filtered = await searchArticles(
      db,
      dialect,
      { text: 'lighthouse', publisherIds: [pub.id], sections: ['news'] },
      { now: T },
    );
    expect(filtered.hits.map((h) => h.articleId)).toEqual([ids[1]]);
    expect(
      (await searchArticles(db, dialect, { text: 'lighthouse', publisherIds: [pub.id + 1] }, { now: T })).hits,
    ).toEqual([]);
    // Migration 8 cut each article's preview and indexed what anyone may read apart from the whole body.
    const previews = await db.selectFrom('articles').select(['preview_text']).execute();
    expect(previews.every((p) => p.preview_text.includes('harbour wall') && !p.preview_text.includes('zeppelin'))).toBe(
      true,
    );
    expect((await searchArticles(db, dialect, { text: 'zeppelin' }, { now: T })).hits).toEqual([]);
    expect((await searchArticles(db, dialect, { text: 'zeppelin', scope: 'all' }, { now: T })).hits).toHaveLength(0); // the old body_text never had it
    expect((await searchArticles(db, dialect, { text: 'wall' }, { now: T })).hits).toHaveLength(2);
    expect(
      (await db.selectFrom('curation_queue').select('article_id').orderBy('article_id').execute()).map(
        (r) => r.article_id,
      ),
    ).toEqual(ids);
    expect((await runCuration(database, { now: () => T })).articles).toBe(2);
  });

  it('gives the names found before migration 6 their tails', async () => {
    database = await createTestDatabase(dialect, { migrate: false });
    await migrate(database, migrations.slice(0, 5));
    const keys = [
      'person:amara-lindqvist',
      'thing:mh370',
      'organisation:bank-of-fennick',
      ...Array.from({ length: 1200 }, (_, i) => `person:reader-number-${i}`),
    ];
    await database.db
      .insertInto('entities')
      .values(
        keys.map((key) => ({
          key,
          kind: key.slice(0, key.indexOf(':')),
          name: key,
          slug: key.replace(':', '-'),
        })) as never,
      )
      .execute();
    await migrate(database);
    const rows = await database.db.selectFrom('entities').select(['key', 'tail']).orderBy('id').execute();
    expect(rows.slice(0, 3)).toEqual([
      { key: 'person:amara-lindqvist', tail: 'lindqvist' },
      { key: 'thing:mh370', tail: 'mh370' },
      { key: 'organisation:bank-of-fennick', tail: 'fennick' },
    ]);
    expect(rows).toHaveLength(1203);
    expect(rows.every((r, i) => i < 3 || r.tail === String(i - 3))).toBe(true);
  });

  it('turns the stories’ unit centroids into the sums the job made of them (migration 7)', async () => {
    database = await createTestDatabase(dialect, { migrate: false });
    await migrate(database, migrations.slice(0, 6));
    const centroid = JSON.stringify([
      ['flood', 0.8],
      ['river', 0.6],
    ]);
    const rows = [1, 3, ...Array.from({ length: 1100 }, () => 2)].map((n, i) => ({
      first_article_id: i + 1,
      first_published_at: T,
      last_published_at: T,
      article_count: n,
      publisher_count: 1,
      centroid,
      entities: '[]',
      updated_at: T,
    }));
    for (let i = 0; i < rows.length; i += 200)
      await database.db
        .insertInto('clusters')
        .values(rows.slice(i, i + 200) as never)
        .execute();
    await migrate(database);
    const after = await database.db
      .selectFrom('clusters')
      .select(['article_count', 'term_sum'])
      .orderBy('id')
      .execute();
    expect(after).toHaveLength(1102);
    expect(after.slice(0, 2).map((r) => JSON.parse(r.term_sum))).toEqual([
      [
        ['flood', 0.8],
        ['river', 0.6],
      ],
      [
        ['flood', 2.4],
        ['river', 1.8],
      ],
    ]);
    expect(
      after.slice(2).every(
        (r) =>
          r.term_sum ===
          JSON.stringify([
            ['flood', 1.6],
            ['river', 1.2],
          ]),
      ),
    ).toBe(true);
    expect(await database.db.selectFrom('threads').selectAll().execute()).toEqual([]);
  });
});
