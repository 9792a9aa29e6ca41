import { afterEach, describe, expect, it } from 'vitest';
import { insertArticle, updateArticle, withdrawArticle } from '../catalog/articles.ts';
import { createPublisher } from '../catalog/publishers.ts';
import { createTestDatabase, testDialects, type TestDatabase } from '../db/testing.ts';
import type { NewArticle } from '../db/schema.ts';
import { combineScore, parseQuery, toFts5 } from './query.ts';
import { searchArticles } from './search.ts';
import { buildSnippet } from './snippet.ts';

const DAY = 86_400_000;
const now = Date.parse('2026-11-24T09:00:00Z');

describe('query parsing and snippets (pure)', () => {
  it('quotes everything the user types', () => {
    const q = parseQuery('harbour "tidal barrier" -ferry budg*');
    expect(q).toEqual({ terms: ['harbour'], phrases: [['tidal', 'barrier']], excluded: ['ferry'], prefix: 'budg' });
    expect(toFts5(q)).toBe('"harbour" AND "tidal barrier" AND "budg"* NOT "ferry"');
    expect(toFts5(parseQuery('NEAR(a b) OR title:x "unbalanced'))).toBe('"near" AND "a" AND "b" AND "or" AND "title" AND "x" AND "unbalanced"');
  });

  it('boosts recent stories', () => {
    expect(combineScore(10, 0)).toBe(20);
    expect(combineScore(10, 7 * DAY)).toBe(15);
    expect(combineScore(10, 70 * DAY)).toBeCloseTo(10.9, 1);
  });

  it('picks the window with the most matches and marks them', () => {
    const text = `${'Filler words here. '.repeat(20)}The harbour budget passed and the harbour board cheered. ${'More filler. '.repeat(20)}`;
    const parts = buildSnippet(text, ['harbour', 'budget']);
    expect(parts.filter((p) => p.match).map((p) => p.text)).toEqual(['harbour', 'budget', 'harbour']);
    expect(parts[0]!.text).toBe('… ');
  });
});

describe.each(testDialects)('searchArticles on %s', (dialect) => {
  let database: TestDatabase;
  afterEach(async () => database?.dispose());

  const row = (publisherId: number, n: number, over: Partial<NewArticle>): NewArticle => ({
    publisher_id: publisherId, feed_id: null, guid: `g${n}`, external_id: null, url: `https://x.example/${n}`, title: `Story ${n}`, standfirst: '', body_html: '', body_text: 'Nothing much happened.',
    body_source: 'feed', section: 'news', categories: '[]', language: 'en', image_url: null, image_caption: null, image_credit: null, image_width: null, image_height: null, word_count: 10, reading_minutes: 1,
    published_at: now - DAY, updated_at: null, content_hash: 'h', source_hash: 'h', minhash: null, duplicate_of: null, status: 'published', is_free: 0, created_at: now, modified_at: now, ...over,
  });

  it('ranks by relevance with recency, filters, pages, and keeps the index in step', async () => {
    database = await createTestDatabase(dialect);
    const db = database.db;
    const a = await createPublisher(db, { slug: 'a', name: 'A', sections: ['news'] });
    const b = await createPublisher(db, { slug: 'b', name: 'B', sections: ['sport'] });
    const inTitle = await insertArticle(db, row(a.id, 1, { title: 'Lighthouse keepers strike', body_text: 'The keepers walked out.' }), ['Zoë Marsh'], []);
    const inBody = await insertArticle(db, row(a.id, 2, { body_text: 'A note about the lighthouse appears once in this body.' }), [], []);
    const old = await insertArticle(db, row(b.id, 3, { title: 'Lighthouse history', published_at: now - 300 * DAY, section: 'sport' }), [], []);
    const copy = await insertArticle(db, row(b.id, 4, { title: 'Lighthouse keepers strike (copy)', duplicate_of: inTitle }), [], []);
    const gone = await insertArticle(db, row(a.id, 5, { title: 'Lighthouse withdrawn story' }), [], []);
    await withdrawArticle(db, gone);

    const r = await searchArticles(db, { text: 'lighthouse' }, { now });
    expect(r.hits[0]!.article.id).toBe(inTitle);
    expect(r.hits.map((h) => h.article.id)).not.toContain(copy);
    expect(r.hits.map((h) => h.article.id)).not.toContain(gone);
    expect(r.total).toBe(3);

    expect((await searchArticles(db, { text: 'lighthouse', publisherIds: [b.id] }, { now })).hits.map((h) => h.article.id)).toEqual([old]);
    expect((await searchArticles(db, { text: 'lighthouse', sections: ['news'], from: now - 10 * DAY }, { now })).total).toBe(2);
    const paged = await searchArticles(db, { text: 'lighthouse', pageSize: 2, page: 2 }, { now });
    expect(paged.hits).toHaveLength(1);

    expect((await searchArticles(db, { text: 'zoe' }, { now })).hits.map((h) => h.article.id)).toEqual([inTitle]); // authors, diacritics folded
    expect((await searchArticles(db, { text: 'keeper' }, { now })).total).toBeGreaterThan(0); // stemming: keepers
    expect((await searchArticles(db, { text: 'lighthouse -keepers' }, { now })).hits.map((h) => h.article.id)).not.toContain(inTitle);
    expect((await searchArticles(db, { text: 'lightho*' }, { now })).total).toBe(3);
    expect((await searchArticles(db, { text: '"keepers strike"' }, { now })).hits.map((h) => h.article.id)).toEqual([inTitle]);

    await updateArticle(db, inBody, a.id, { title: 'Story 2', body_text: 'Now about something else entirely.', published_at: now - DAY }, [], []);
    expect((await searchArticles(db, { text: 'lighthouse' }, { now })).hits.map((h) => h.article.id)).not.toContain(inBody);
  });

  it('never fails on hostile queries', async () => {
    database = await createTestDatabase(dialect);
    await insertArticle(database.db, row((await createPublisher(database.db, { slug: 'h', name: 'H' })).id, 1, { title: 'Quote test' }), [], []);
    for (const text of ['"', 'NEAR(', '*', ':', "'", '""""', 'title:quote', 'a AND OR NOT', '-', '-quote', 'x'.repeat(10_000), '🙂', '\u0000', ') OR 1=1 --']) {
      const r = await searchArticles(database.db, { text }, { now });
      expect(Array.isArray(r.hits), text.slice(0, 20)).toBe(true);
    }
  });
});
