import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertArticle, withdrawArticle } from '../catalog/articles.ts';
import { createPublisher } from '../catalog/publishers.ts';
import { createTestDatabase, testDialects, type TestDatabase } from '../test-support/databases.ts';
import { combineScore } from './query.ts';
import { searchArticles, type SearchQuery } from './search.ts';
import { testArticle } from '../test-support/articles.ts';

const DAY = 86_400_000;
const now = Date.parse('2026-11-24T09:00:00Z');

describe.each(testDialects)('searchArticles on %s', (dialect) => {
  let database: TestDatabase;
  const ids: Record<string, number> = {};
  let pubA = 0;
  let pubB = 0;
  // The ranking and matching rules, for a reader who may read everything (scope 'all'); what others may match is tested apart.
  const search = (q: SearchQuery | string, opts = {}) =>
    searchArticles(
      database.db,
      dialect,
      { scope: 'all', ...(typeof q === 'string' ? { text: q } : q) },
      { now, ...opts },
    );
  const found = async (q: SearchQuery | string) => (await search(q)).hits.map((h) => h.articleId);

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    const db = database.db;
    pubA = (await createPublisher(db, { slug: 'a', name: 'A', sections: ['news'] })).id;
    pubB = (await createPublisher(db, { slug: 'b', name: 'B', sections: ['sport'] })).id;
    const add = async (key: string, pub: number, over: Parameters<typeof testArticle>[2], authors: string[] = []) => {
      ids[key] = await insertArticle(db, testArticle(pub, key, { published_at: now - DAY, ...over }), authors, []);
    };
    await add(
      'inTitle',
      pubA,
      {
        title: 'Lighthouse keepers strike',
        standfirst: 'Pay talks failed.',
        body_text: 'The keepers walked out at dawn.',
      },
      ['Zoë Marsh'],
    );
    await add('inBody', pubA, {
      body_text: 'A long note about pay, in which the lighthouse appears once near the end of this body.',
    });
    await add('old', pubB, { title: 'Lighthouse history', section: 'sport', published_at: now - 300 * DAY });
    await add('copy', pubB, { title: 'Lighthouse keepers strike (wire copy)', duplicate_of: ids.inTitle! });
    await add('hidden', pubA, { title: 'Lighthouse hidden story', status: 'hidden' });
    await add('gone', pubA, { title: 'Lighthouse withdrawn story' });
    await withdrawArticle(db, ids.gone!, now);
    await add('cafe', pubA, { title: 'Café society returns', body_text: 'The cafés of the old town reopened.' });
    await add('twinNew', pubB, { title: 'Ferry timetable changes', published_at: now - 3_600_000, section: 'sport' });
    await add('twinOld', pubB, { title: 'Ferry timetable changes', published_at: now - 60 * DAY, section: 'sport' });
    for (let i = 0; i < 25; i++) await add(`q${i}`, pubA, { title: `Quarry report ${i}`, published_at: now - i * DAY });
  });
  afterAll(async () => database?.dispose());

  it('ranks title matches above a passing mention in the body, even an old one', async () => {
    const r = await search('lighthouse');
    expect(r.hits.map((h) => h.articleId)).toEqual([ids.inTitle, ids.old, ids.inBody]);
    expect(r.total).toBe(3);
    expect(r.hits[0]!.score).toBeGreaterThan(r.hits[1]!.score);
    expect(r.hits[0]!.article.title).toBe('Lighthouse keepers strike');
  });

  it('boosts the recent of two equal matches by combineScore', async () => {
    const r = await search('ferry timetable');
    expect(r.hits.map((h) => h.articleId)).toEqual([ids.twinNew, ids.twinOld]);
    const [fresh, stale] = r.hits.map((h) => h.score);
    expect(fresh! / stale!).toBeCloseTo(combineScore(1, 3_600_000) / combineScore(1, 60 * DAY), 5);
  });

  it('finds no withdrawn, hidden or duplicate article', async () => {
    const hits = await found('lighthouse');
    for (const key of ['copy', 'hidden', 'gone']) expect(hits).not.toContain(ids[key]);
    expect(await found('withdrawn')).toEqual([]);
    expect(await found('wire copy')).toEqual([]);
  });

  it('filters by publisher, section and dates', async () => {
    expect(await found({ text: 'lighthouse', publisherIds: [pubB] })).toEqual([ids.old]);
    expect(await found({ text: 'lighthouse', publisherIds: [pubA, pubB] })).toHaveLength(3);
    expect(await found({ text: 'lighthouse', sections: ['news'] })).toEqual([ids.inTitle, ids.inBody]);
    expect(await found({ text: 'lighthouse', sections: ['politics'] })).toEqual([]);
    expect(await found({ text: 'lighthouse', from: now - 10 * DAY })).toEqual([ids.inTitle, ids.inBody]);
    expect(await found({ text: 'lighthouse', to: now - 10 * DAY })).toEqual([ids.old]);
    expect(
      await found({ text: 'lighthouse', from: now - DAY, to: now - DAY, sections: ['news'], publisherIds: [pubA] }),
    ).toEqual([ids.inTitle, ids.inBody]);
  });

  it('pages with a total, newest first among equals, no overlap', async () => {
    const pages = await Promise.all([1, 2, 3, 4].map((page) => search({ text: 'quarry', pageSize: 10, page })));
    expect(pages.map((p) => p.total)).toEqual([25, 25, 25, 25]);
    expect(pages.map((p) => p.hits.length)).toEqual([10, 10, 5, 0]);
    const all = pages.flatMap((p) => p.hits.map((h) => h.articleId));
    expect(new Set(all).size).toBe(25);
    expect(all[0]).toBe(ids.q0);
    expect(all.at(-1)).toBe(ids.q24);
    expect(pages[0]!.pageSize).toBe(10);
  });

  it('defaults to 20 a page and allows at most 50', async () => {
    expect((await search('quarry')).hits).toHaveLength(20);
    const r = await search({ text: 'quarry', pageSize: 10_000, page: -3 });
    expect([r.pageSize, r.page, r.hits.length]).toEqual([50, 1, 25]);
  });

  it('matches exact phrases and honours exclusions', async () => {
    expect(await found('"keepers strike"')).toEqual([ids.inTitle]);
    expect(await found('"strike keepers"')).toEqual([]);
    expect(await found('lighthouse -keepers')).toEqual([ids.old, ids.inBody]);
    expect(await found('lighthouse -keepers -history')).toEqual([ids.inBody]);
  });

  it('completes a prefix on the last word, for type-ahead', async () => {
    expect(await found('lightho*')).toHaveLength(3);
    expect(await found('lighthouse*')).toHaveLength(3);
    expect(await found('keepers stri*')).toEqual([ids.inTitle]);
    expect(await found('quarr* ')).toHaveLength(20);
  });

  it('folds diacritics both ways and searches author names', async () => {
    expect(await found('zoe')).toEqual([ids.inTitle]);
    expect(await found('Zoë Marsh')).toEqual([ids.inTitle]);
    expect(await found('cafe')).toEqual([ids.cafe]);
    expect(await found('café')).toEqual([ids.cafe]);
  });

  it('stems English words', async () => {
    expect(await found('keeper')).toEqual([ids.inTitle]);
    expect(await found('striking')).toEqual([ids.inTitle]);
    expect(await found('reopen')).toEqual([ids.cafe]);
  });

  it('gives a result, never an error, for hostile queries', async () => {
    const hostile = [
      '"',
      'NEAR(',
      'NEAR(lighthouse keepers, 2)',
      '*',
      ':',
      "'",
      '""""',
      'title:lighthouse',
      'lighthouse AND OR NOT',
      '-',
      '-lighthouse',
      '(',
      ')',
      '^lighthouse',
      '{title}: x',
      'x'.repeat(10_000),
      `${'lighthouse '.repeat(1000)}`,
      '"lighthouse',
      'lighthouse"',
      '🙂',
      '\u0000',
      "') OR 1=1 --",
      '\\',
      '%_',
      'a & b | !c <-> d:*',
      'the*',
      'or',
    ];
    for (const text of hostile) {
      const r = await search(text);
      expect(Array.isArray(r.hits), text.slice(0, 20)).toBe(true);
    }
    expect(await found('title:lighthouse')).toEqual([]); // no column filter: "title" is a word here
    expect(await found('NEAR(lighthouse keepers, 2)')).toEqual([]);
    expect(await found('"lighthouse')).toHaveLength(3);
    expect(await found('-lighthouse')).toEqual([]);
  });

  it('marks the query words in the snippet, cut from the opening by default', async () => {
    const hit = (await search('lighthouse')).hits.find((h) => h.articleId === ids.inBody)!;
    expect(hit.snippet.filter((p) => p.match).map((p) => p.text)).toEqual(['lighthouse']);
    const prefixed = (await search('keepers stri*')).hits[0]!;
    expect(prefixed.snippet.filter((p) => p.match).map((p) => p.text)).toEqual(['keepers']);
  });

  it('cuts snippets only from the text the caller allows', async () => {
    const seen: number[] = [];
    const r = await search('lighthouse', {
      snippetSource: (row: { id: number; standfirst: string }) => (seen.push(row.id), row.standfirst),
    });
    expect(seen.sort()).toEqual([ids.inTitle, ids.inBody, ids.old].sort());
    const inBody = r.hits.find((h) => h.articleId === ids.inBody)!;
    expect(inBody.snippet.some((p) => p.match)).toBe(false);
    expect(inBody.snippet.map((p) => p.text).join('')).not.toContain('lighthouse');
  });

  it('still takes the older call without a dialect', async () => {
    expect(
      (await searchArticles(database.db, { text: 'lighthouse', scope: 'all' }, { now })).hits.map((h) => h.articleId),
    ).toEqual([ids.inTitle, ids.old, ids.inBody]);
  });

  it('matches, for a reader who may not read an article, only what anyone may read of it', async () => {
    const db = database.db;
    const paras = (words: string[]) =>
      words
        .map(
          (w, i) =>
            `<p>Paragraph ${i} of the report, ${w}, with enough words around it to read as prose in the page.</p>`,
        )
        .join('');
    const open = ['anemometer', ...Array.from({ length: 11 }, (_, i) => `filler${i}`)];
    const closed = [...open.slice(0, 11), 'zeppelinhangar']; // the last paragraph is behind the paywall
    const text = (h: string) => h.replace(/<[^>]+>/g, '\n').trim();
    const premium = await insertArticle(
      db,
      testArticle(pubA, 'premium', {
        title: 'Weather station opens',
        body_html: paras(closed),
        body_text: text(paras(closed)),
      }),
      [],
      [],
    );
    const free = await insertArticle(
      db,
      testArticle(pubA, 'free', {
        title: 'Weather station closes',
        body_html: paras(open.map((w) => (w === 'filler10' ? 'barographs' : w))),
        body_text: text(paras(open.map((w) => (w === 'filler10' ? 'barographs' : w)))),
        is_free: 1,
      }),
      [],
      [],
    );
    const openHits = async (q: string) =>
      (await searchArticles(db, dialect, { text: q }, { now })).hits.map((h) => h.articleId);
    const allHits = async (q: string) =>
      (await searchArticles(db, dialect, { text: q, scope: 'all' }, { now })).hits.map((h) => h.articleId);
    expect(await allHits('zeppelinhangar')).toEqual([premium]);
    expect(await openHits('zeppelinhangar')).toEqual([]); // only behind the paywall: not found
    expect(await openHits('"report zeppelinhangar"')).toEqual([]);
    expect(await openHits('zeppelin*')).toEqual([]);
    expect(await openHits('anemometer')).toEqual(expect.arrayContaining([premium, free])); // in the preview
    expect(await openHits('barographs')).toEqual([free]); // a free article is open to the end
  });
});
