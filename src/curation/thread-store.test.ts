import { afterEach, describe, expect, it } from 'vitest';
import { insertArticle } from '../catalog/articles.ts';
import { createPublisher } from '../catalog/publishers.ts';
import { createTestDatabase, testDialects, type TestDatabase } from '../test-support/databases.ts';
import { runCuration } from './job.ts';
import { forgetCuration } from './rebuild.ts';
import { newRunCache } from './store.ts';
import { joinThreads, loadThreads } from './thread-store.ts';

const T = Date.parse('2026-11-24T09:00:00Z');
const H = 3_600_000;

describe.each(testDialects)('developing stories stored on %s', (dialect) => {
  let database: TestDatabase;
  afterEach(async () => database?.dispose());

  async function curated() {
    database = await createTestDatabase(dialect);
    const db = database.db;
    const pub = await createPublisher(db, { slug: 'north', name: 'North', sections: ['news'] }, T);
    const add = (n: number, title: string, text: string, at: number) =>
      insertArticle(
        db,
        {
          publisher_id: pub.id,
          guid: `g${n}`,
          url: `https://x.example/${n}`,
          title,
          standfirst: '',
          body_html: '',
          body_text: text,
          body_source: 'feed',
          categories: '[]',
          word_count: 40,
          reading_minutes: 1,
          published_at: at,
          content_hash: `h${n}`,
          status: 'published',
          is_free: 0,
          created_at: T,
          modified_at: T,
        },
        [],
        [],
      );
    await add(
      1,
      'Ferrow river floods Kellbridge market square',
      'Floodwater from the Ferrow river reached Kellbridge market square overnight, and the council opened the sports hall.',
      T,
    );
    await add(
      2,
      'Kellbridge flooded as the Ferrow river bursts its banks',
      'Families in Kellbridge were moved to the sports hall as the Ferrow river flooded the market square.',
      T + H,
    );
    await add(
      3,
      'Saltmere Rovers sign a new goalkeeper',
      'Saltmere Rovers have signed the goalkeeper Ana Birch on a two-year contract, the football club said.',
      T + 2 * H,
    );
    await add(
      4,
      'Lighthouse keepers novel wins the Tidemark Prize',
      'A novel about three sisters who keep a lighthouse has won this year’s Tidemark Prize for fiction.',
      T + 3 * H,
    );
    await runCuration(database, { now: () => T });
    return db;
  }

  /** Each thread's reports, counted from the stories. */
  const reportsByThread = async (db: TestDatabase['db']) => {
    const rows = await db
      .selectFrom('articles as a')
      .innerJoin('clusters as c', 'c.id', 'a.cluster_id')
      .select(['c.thread_id'])
      .execute();
    const n = new Map<number, number>();
    for (const r of rows) n.set(r.thread_id!, (n.get(r.thread_id!) ?? 0) + 1);
    return n;
  };

  it('keeps one profile per thread, counting every report in it', async () => {
    const db = await curated();
    const expected = await reportsByThread(db);
    const stored = await db.selectFrom('threads').select(['id', 'article_count', 'names']).orderBy('id').execute();
    expect(new Map(stored.map((r) => [r.id, r.article_count]))).toEqual(expected);
    expect(Math.max(...expected.values())).toBe(2); // the flood's two reports
    const flood = stored.find((r) => r.article_count === 2)!;
    expect((JSON.parse(flood.names) as [string, number][]).map(([k]) => k)).toContain('place:kellbridge');
  });

  it('builds the profile of a thread from before migration 7 from its stored reports', async () => {
    const db = await curated();
    const stored = await db.selectFrom('threads').selectAll().orderBy('id').execute();
    await db.deleteFrom('threads').execute();
    const rebuilt = await loadThreads(
      db,
      stored.map((r) => r.id),
      T + 1,
      newRunCache(),
    );
    expect(rebuilt.map((p) => [p.id, p.size, p.firstAt, p.lastAt])).toEqual(
      stored.map((r) => [r.id, r.article_count, r.first_published_at, r.last_published_at]),
    );
    for (const [i, p] of rebuilt.entries()) {
      const before = new Map(JSON.parse(stored[i]!.term_sum) as [string, number][]);
      expect(p.sum.size).toBe(before.size);
      for (const [t, w] of before) expect(p.sum.get(t) ?? 0).toBeCloseTo(w, 3);
    }
    expect((await db.selectFrom('threads').select('id').execute()).length).toBe(stored.length);
  });

  it('joins two threads into the older one, their profiles merged and the other removed', async () => {
    const db = await curated();
    const before = await reportsByThread(db);
    const [older, newer] = [...before.keys()].sort((a, b) => a - b).slice(-2);
    const sums = await db
      .selectFrom('threads')
      .select(['id', 'term_sum'])
      .where('id', 'in', [older!, newer!])
      .orderBy('id')
      .execute();
    await joinThreads(db, older!, newer!, T + 1, newRunCache());
    const after = await reportsByThread(db);
    expect(after.get(older!)).toBe(before.get(older!)! + before.get(newer!)!);
    expect(after.has(newer!)).toBe(false);
    const rows = await db
      .selectFrom('threads')
      .select(['id', 'article_count'])
      .where('id', 'in', [older!, newer!])
      .execute();
    expect(rows).toEqual([{ id: older, article_count: after.get(older!) }]);
    // The merged sum is the two sums added (both are short enough to keep every term).
    const [a, b] = sums.map((r) => new Map(JSON.parse(r.term_sum) as [string, number][]));
    const merged = new Map(
      JSON.parse(
        (await db.selectFrom('threads').select('term_sum').where('id', '=', older!).executeTakeFirstOrThrow()).term_sum,
      ) as [string, number][],
    );
    expect(merged.size).toBe(new Set([...a!.keys(), ...b!.keys()]).size);
    for (const [t, w] of merged) expect(w).toBeCloseTo((a!.get(t) ?? 0) + (b!.get(t) ?? 0), 3);
  });

  it('is forgotten with the rest of the curation on a rebuild', async () => {
    const db = await curated();
    await forgetCuration(db);
    expect(await db.selectFrom('threads').selectAll().execute()).toEqual([]);
  });
});
