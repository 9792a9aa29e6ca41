import { afterEach, describe, expect, it } from 'vitest';
import { testDialects } from '../test-support/databases.ts';
import { NOW, readerFixture, type ReaderFixture } from '../test-support/reader-fixture.ts';
import { createUser } from './accounts.ts';
import { ReadingHistory } from './reading-history.ts';

describe.each(testDialects)('reading history in batches, %s', (dialect) => {
  let f: ReaderFixture;
  afterEach(() => f?.close());

  it('keeps reads in memory until a flush, one row per reader and story with the latest time', async () => {
    f = await readerFixture(dialect);
    const db = f.database.db;
    const p = await f.publisher({ slug: 'lamp' });
    const [a, b] = [await f.article(p), await f.article(p)];
    const u = await createUser(db, { email: 'r@example.org', password: 'a long enough secret', verified: true }, NOW);
    const history = new ReadingHistory(db, { everyMs: 0 });
    history.record(u.id, a, NOW);
    history.record(u.id, a, NOW + 5);
    history.record(u.id, b, NOW + 1);
    expect(await db.selectFrom('reading_history').selectAll().execute()).toEqual([]);
    expect(history.size).toBe(2);
    await history.flush();
    const rows = await db
      .selectFrom('reading_history')
      .select(['article_id', 'read_at'])
      .orderBy('article_id')
      .execute();
    expect(rows).toEqual(
      [
        { article_id: a, read_at: NOW + 5 },
        { article_id: b, read_at: NOW + 1 },
      ].sort((x, y) => x.article_id - y.article_id),
    );
    history.record(u.id, a, NOW + 60_000); // a later read of the same story moves it up
    await history.close();
    expect(
      (await db.selectFrom('reading_history').select('read_at').where('article_id', '=', a).executeTakeFirstOrThrow())
        .read_at,
    ).toBe(NOW + 60_000);
  });

  it('writes what is pending when closed, and keeps the good rows when one cannot be written', async () => {
    f = await readerFixture(dialect);
    const db = f.database.db;
    const p = await f.publisher({ slug: 'lamp' });
    const a = await f.article(p);
    const u = await createUser(db, { email: 'r@example.org', password: 'a long enough secret', verified: true }, NOW);
    const errors: number[] = [];
    const history = new ReadingHistory(db, { everyMs: 60_000, onError: (_e, dropped) => errors.push(dropped) });
    history.record(u.id, a, NOW);
    history.record(u.id + 999, a, NOW); // no such account (deleted meanwhile)
    await history.close();
    expect(await db.selectFrom('reading_history').select(['user_id', 'article_id']).execute()).toEqual([
      { user_id: u.id, article_id: a },
    ]);
    expect(errors).toEqual([1]);
  });

  it('flushes every interval on its own', async () => {
    f = await readerFixture(dialect);
    const db = f.database.db;
    const p = await f.publisher({ slug: 'lamp' });
    const a = await f.article(p);
    const u = await createUser(db, { email: 'r@example.org', password: 'a long enough secret', verified: true }, NOW);
    const history = new ReadingHistory(db, { everyMs: 20 });
    history.record(u.id, a, NOW);
    await new Promise((r) => setTimeout(r, 120));
    expect(history.size).toBe(0);
    expect(await db.selectFrom('reading_history').select('article_id').execute()).toEqual([{ article_id: a }]);
    await history.close();
  });
});
