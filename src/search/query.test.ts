import { describe, expect, it } from 'vitest';
import { combineScore, highlightTerms, isEmpty, parseQuery, toFts5, toWebsearch } from './query.ts';

const DAY = 86_400_000;

describe('parseQuery', () => {
  it('reads words, "phrases", -exclusions and a trailing prefix*', () => {
    const q = parseQuery('harbour "tidal barrier" -ferry budg*');
    expect(q).toEqual({ terms: ['harbour'], phrases: [['tidal', 'barrier']], excluded: ['ferry'], prefix: 'budg' });
    expect(highlightTerms(q)).toEqual(['harbour', 'tidal', 'barrier', 'budg*']);
  });

  it('folds case and accents', () => {
    expect(parseQuery('Zoë CAFÉ').terms).toEqual(['zoe', 'cafe']);
  });

  it('keeps only letters and digits of hostile input', () => {
    expect(toFts5(parseQuery('NEAR(a b) OR title:x "unbalanced'))).toBe(
      '"near" AND "a" AND "b" AND "or" AND "title" AND "x" AND "unbalanced"',
    );
    expect(toFts5(parseQuery("o'brien's * : ^ {x}"))).toBe('"o" AND "brien" AND "s" AND "x"');
    expect(toWebsearch(parseQuery('") OR 1=1 -- <script>'))).toBe('"or 1 1 script"'); // an unbalanced quote runs to the end
    expect(toWebsearch(parseQuery('x) OR 1=1 -y'))).toBe('"x" "or" "1" "1" -"y"');
  });

  it('treats a query of exclusions, stars or punctuation alone as empty', () => {
    for (const text of ['', '   ', '-war', '*', '"', '""', ':', "'", '🙂', '\u0000'])
      expect(isEmpty(parseQuery(text)), JSON.stringify(text)).toBe(true);
  });

  it('bounds what it passes on', () => {
    const q = parseQuery(`${'word '.repeat(2000)}"${'a '.repeat(50)}"`);
    expect(q.terms.length).toBeLessThanOrEqual(20);
    expect(parseQuery(`"${'a '.repeat(50)}"`).phrases[0]!.length).toBe(10);
  });

  it('builds FTS5 expressions with every part quoted', () => {
    expect(toFts5(parseQuery('harbour "tidal barrier" -ferry budg*'))).toBe(
      '"harbour" AND "tidal barrier" AND "budg"* NOT "ferry"',
    );
  });
});

describe('combineScore', () => {
  it('doubles a new story, adds half for a week-old one, little for an old one', () => {
    expect(combineScore(10, 0)).toBe(20);
    expect(combineScore(10, 7 * DAY)).toBe(15);
    expect(combineScore(10, 70 * DAY)).toBeCloseTo(10.909, 3);
    expect(combineScore(10, 3650 * DAY)).toBeCloseTo(10.02, 2);
  });

  it('counts a future date as now and keeps zero relevance at zero', () => {
    expect(combineScore(10, -5 * DAY)).toBe(20);
    expect(combineScore(0, 0)).toBe(0);
  });

  it('lets a much better old match beat a weak new one', () => {
    expect(combineScore(10, 365 * DAY)).toBeGreaterThan(combineScore(4, 0));
  });
});
