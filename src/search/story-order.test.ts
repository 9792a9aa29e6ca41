// Search semantics readers rely on, the same on both databases: OR, exclusions,
// stop words left out, and a story's first report listed first with its later
// reports under it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertArticle } from '../catalog/articles.ts';
import { createPublisher } from '../catalog/publishers.ts';
import { createTestDatabase, testDialects, type TestDatabase } from '../test-support/databases.ts';
import { testArticle } from '../test-support/articles.ts';
import { MAX_GROUPED, searchArticles, type SearchQuery } from './search.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const now = Date.parse('2026-11-24T09:00:00Z');

describe.each(testDialects)('search semantics and story order on %s', (dialect) => {
  let database: TestDatabase;
  const ids: Record<string, number> = {};
  const search = (q: SearchQuery | string) =>
    searchArticles(database.db, dialect, { scope: 'all', ...(typeof q === 'string' ? { text: q } : q) }, { now });
  const found = async (q: SearchQuery | string) => (await search(q)).hits.map((h) => h.articleId);
  const key = (id: number) => Object.entries(ids).find(([, v]) => v === id)?.[0];

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    const db = database.db;
    const pubs = await Promise.all(
      ['a', 'b', 'c', 'd'].map((slug) => createPublisher(db, { slug, name: slug.toUpperCase(), sections: ['news'] })),
    );
    const add = async (k: string, pub: number, over: Parameters<typeof testArticle>[2], cluster?: number) => {
      ids[k] = await insertArticle(db, testArticle(pubs[pub]!.id, k, over), [], []);
      if (cluster) await db.updateTable('articles').set({ cluster_id: cluster }).where('id', '=', ids[k]!).execute();
    };
    // One story: the first report (days ago, the words in its body) and three later ones (hours ago, in the title).
    await add(
      'original',
      0,
      {
        title: 'High street flooded overnight',
        body_text: 'A burst water main flooded the high street. Engineers were called at dawn.',
        published_at: now - 3 * DAY,
      },
      7001,
    );
    await add('later1', 1, { title: 'Water main repairs continue', published_at: now - 3 * HOUR }, 7001);
    await add('later2', 2, { title: 'Water main: council apologises', published_at: now - 2 * HOUR }, 7001);
    await add('later3', 3, { title: 'Water main burst: what we know', published_at: now - HOUR }, 7001);
    await add('other', 1, { title: 'Water main inspection scheme', published_at: now - 20 * DAY });
    await add('ferry', 0, { title: 'Harbour ferry returns', published_at: now - DAY });
    await add('bridge', 1, { title: 'Harbour bridge closes', published_at: now - DAY });
    await add('tunnel', 2, { title: 'Harbour tunnel plans and the ferry', published_at: now - DAY });
    for (let i = 0; i < MAX_GROUPED + 2; i++)
      await add(`big${i}`, i % 4, { title: `Quarrymen strike day ${i}`, published_at: now - (20 - i) * HOUR }, 7002);
  });
  afterAll(async () => database?.dispose());

  it("lists a story's first report first, its later reports under it, then other stories", async () => {
    const r = await search('water main');
    expect(r.hits.map((h) => key(h.articleId))).toEqual(['original', 'later1', 'later2', 'later3', 'other']);
    expect(r.hits.map((h) => h.followUp)).toEqual([false, true, true, true, false]);
    // The later reports match better (title, recent): without the story order the original would be last of four.
    const score = (k: string) => r.hits.find((h) => h.articleId === ids[k])!.score;
    expect(score('later3')).toBeGreaterThan(score('original'));
    expect(r.total).toBe(5);
  });

  it('keeps the story order across pages', async () => {
    const pages = await Promise.all([1, 2, 3].map((page) => search({ text: 'water main', pageSize: 2, page })));
    expect(pages.map((p) => p.hits.map((h) => key(h.articleId)))).toEqual([
      ['original', 'later1'],
      ['later2', 'later3'],
      ['other'],
    ]);
  });

  it(`lists at most ${MAX_GROUPED} reports of a story together`, async () => {
    const r = await search('quarrymen strike');
    const keys = r.hits.map((h) => key(h.articleId));
    expect(keys.slice(0, MAX_GROUPED)).toEqual(Array.from({ length: MAX_GROUPED }, (_, i) => `big${i}`));
    expect(r.hits.slice(0, MAX_GROUPED).map((h) => h.followUp)).toEqual([false, ...Array(MAX_GROUPED - 1).fill(true)]);
    expect(keys).toHaveLength(MAX_GROUPED + 2);
  });

  it('finds either of two words with OR, and leaves out exclusions', async () => {
    expect((await found('ferry OR bridge')).map(key).sort()).toEqual(['bridge', 'ferry', 'tunnel']);
    expect((await found('harbour ferry OR bridge -tunnel')).map(key).sort()).toEqual(['bridge', 'ferry']);
    expect((await found('harbour -"tunnel plans"')).map(key).sort()).toEqual(['bridge', 'ferry']);
    expect((await found('harbour NOT bridge -tunnel')).map(key)).toEqual(['ferry']);
  });

  it('leaves out stop words: "AND" and "the" narrow nothing and match nothing by themselves', async () => {
    expect((await found('harbour AND ferry')).map(key).sort()).toEqual(['ferry', 'tunnel']);
    expect((await found('the harbour ferry of')).map(key).sort()).toEqual(['ferry', 'tunnel']);
    const only = await search('the AND of');
    expect([only.total, only.hits.length, only.ignored]).toEqual([0, 0, ['the', 'of']]);
    expect((await search('"the"')).total).toBe(0);
  });

  it('never lets hostile input reach the database as syntax', async () => {
    const hostile = [
      'OR',
      'ferry OR',
      'OR ferry',
      '-',
      '-"',
      '"unbalanced ferry',
      'ferry OR OR OR bridge',
      'NOT NOT ferry',
      Array.from({ length: 3000 }, (_, i) => `w${i}`).join(' OR '),
      '-x '.repeat(2000),
      'a & b | !c <-> d:* ferry',
      "ferry') || to_tsquery('x",
      'x²* ³ ⅷ ferry',
      '"" "" ferry ""',
      '\u0000ferry\u0000',
      'ferry*:*',
    ];
    for (const text of hostile) {
      const r = await search(text);
      expect(Array.isArray(r.hits), text.slice(0, 30)).toBe(true);
    }
    expect((await found('"unbalanced ferry')).length).toBe(0);
    expect((await found('ferry OR')).map(key).sort()).toEqual(['ferry', 'tunnel']);
  });
});
