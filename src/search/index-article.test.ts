import { afterEach, describe, expect, it } from 'vitest';
import { insertArticle, updateArticle, withdrawArticle } from '../catalog/articles.ts';
import { createPublisher } from '../catalog/publishers.ts';
import { createTestDatabase, testDialects, type TestDatabase } from '../test-support/databases.ts';
import { dialectOf } from './dialect.ts';
import { foldDiacritics, indexArticles, reindexArticles, removeFromIndex } from './index-article.ts';
import { searchArticles } from './search.ts';
import { testArticle } from '../test-support/articles.ts';

const now = Date.parse('2026-11-24T09:00:00Z');

describe('foldDiacritics', () => {
  it('takes accents off', () => expect(foldDiacritics('Zoë Brontë café São')).toBe('Zoe Bronte cafe Sao'));
});

describe.each(testDialects)('keeping the index in step on %s', (dialect) => {
  let database: TestDatabase;
  afterEach(async () => database?.dispose());
  const found = async (text: string) =>
    (await searchArticles(database.db, dialect, { text }, { now })).hits.map((h) => h.articleId);
  const setup = async () => {
    database = await createTestDatabase(dialect);
    return (await createPublisher(database.db, { slug: 'p', name: 'P' })).id;
  };

  it('reads the dialect off a handle and off a transaction', async () => {
    await setup();
    expect(dialectOf(database.db)).toBe(dialect);
    await database.db.transaction().execute(async (trx) => expect(dialectOf(trx)).toBe(dialect));
  });

  it('re-indexes an update: old words no longer match, new ones do, authors too', async () => {
    const pub = await setup();
    const id = await insertArticle(
      database.db,
      testArticle(pub, 1, { title: 'Lighthouse keepers strike' }),
      ['Ann Old'],
      [],
    );
    expect(await found('lighthouse')).toEqual([id]);
    await updateArticle(
      database.db,
      id,
      pub,
      { title: 'Harbour pilots strike', body_text: 'Boats wait.', published_at: now },
      ['Bea New'],
      [],
    );
    expect(await found('lighthouse')).toEqual([]);
    expect(await found('ann')).toEqual([]);
    expect(await found('harbour pilots')).toEqual([id]);
    expect(await found('bea')).toEqual([id]);
  });

  it('drops an article hidden or marked a copy by an update, and takes it back when readable again', async () => {
    const pub = await setup();
    const first = await insertArticle(database.db, testArticle(pub, 1, { title: 'Quarry closes' }), [], []);
    const second = await insertArticle(
      database.db,
      testArticle(pub, 2, { title: 'Quarry closes, workers say' }),
      [],
      [],
    );
    await updateArticle(database.db, first, pub, { status: 'hidden', published_at: now }, [], []);
    await updateArticle(database.db, second, pub, { duplicate_of: first, published_at: now }, [], []);
    expect(await found('quarry')).toEqual([]);
    await updateArticle(database.db, first, pub, { status: 'published', published_at: now }, [], []);
    expect(await found('quarry')).toEqual([first]);
  });

  it('withdrawing an original removes it and lets its earliest copy be found', async () => {
    const pub = await setup();
    const original = await insertArticle(
      database.db,
      testArticle(pub, 1, { title: 'Tidal barrier opens', published_at: now - 2000 }),
      [],
      [],
    );
    const copy = await insertArticle(
      database.db,
      testArticle(pub, 2, { title: 'Tidal barrier opens (agency)', published_at: now - 1000, duplicate_of: original }),
      [],
      [],
    );
    expect(await found('tidal')).toEqual([original]);
    await withdrawArticle(database.db, original, now);
    expect(await found('tidal')).toEqual([copy]);
  });

  it('works inside the transaction a writer runs in, and rolls back with it', async () => {
    const pub = await setup();
    await database.db
      .transaction()
      .execute(async (trx) => {
        await insertArticle(trx, testArticle(pub, 1, { title: 'Rolled back story' }), [], []);
        throw new Error('abort');
      })
      .catch(() => undefined);
    expect(await found('rolled')).toEqual([]);
    const id = await database.db
      .transaction()
      .execute((trx) => insertArticle(trx, testArticle(pub, 2, { title: 'Committed story' }), [], []));
    expect(await found('committed')).toEqual([id]);
  });

  it('indexArticles and removeFromIndex follow the rows, in batches past the chunk size', async () => {
    const pub = await setup();
    const db = database.db;
    const rows = Array.from({ length: 1203 }, (_, i) =>
      testArticle(pub, i, { title: i % 2 ? 'Odd meadow' : 'Even meadow', status: i === 0 ? 'hidden' : 'published' }),
    );
    const ids: number[] = [];
    for (let i = 0; i < rows.length; i += 100)
      ids.push(
        ...(
          await db
            .insertInto('articles')
            .values(rows.slice(i, i + 100))
            .returning('id')
            .execute()
        ).map((r) => r.id),
      );
    expect(await found('meadow')).toEqual([]); // written past the catalogue: not indexed yet
    await indexArticles(db, dialect, ids);
    expect((await searchArticles(db, dialect, { text: 'meadow' }, { now })).total).toBe(1000); // counting stops at 1,000
    expect((await searchArticles(db, dialect, { text: 'even meadow' }, { now })).total).toBe(601);
    await indexArticles(db, dialect, ids); // twice is the same as once
    expect((await searchArticles(db, dialect, { text: 'odd' }, { now })).total).toBe(601);
    await removeFromIndex(db, dialect, ids.slice(0, 1000));
    expect((await searchArticles(db, dialect, { text: 'meadow' }, { now })).total).toBe(203);
    await removeFromIndex(db, dialect, []);
    await indexArticles(db, dialect, []);
    await reindexArticles(db, []);
  });
});
