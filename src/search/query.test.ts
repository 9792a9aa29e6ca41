import { describe, expect, it } from 'vitest';
import {
  combineScore,
  highlightTerms,
  isEmpty,
  MAX_EXCLUDED,
  MAX_PHRASE_WORDS,
  MAX_TERMS,
  parseQuery,
  toFts5,
  type Leaf,
} from './query.ts';

const DAY = 86_400_000;
const word = (w: string): Leaf => ({ kind: 'word', word: w });
const phrase = (...words: string[]): Leaf => ({ kind: 'phrase', words });
const fts = (text: string) => toFts5(parseQuery(text));

describe('parseQuery', () => {
  it('reads words, "phrases", -exclusions and a trailing prefix*', () => {
    const q = parseQuery('harbour "tidal barrier" -ferry budg*');
    expect(q).toEqual({
      groups: [[word('harbour')], [phrase('tidal', 'barrier')], [{ kind: 'prefix', word: 'budg' }]],
      excluded: [word('ferry')],
      ignored: [],
      capped: false,
    });
    expect(highlightTerms(q)).toEqual(['harbour', 'tidal', 'barrier', 'budg*']);
  });

  it('reads OR between alternatives, binding tighter than the words around it', () => {
    expect(parseQuery('ferry OR bridge harbour').groups).toEqual([[word('ferry'), word('bridge')], [word('harbour')]]);
    expect(parseQuery('a1 OR b2 OR "c d" | e5').groups).toEqual([
      [word('a1'), word('b2'), phrase('c', 'd'), word('e5')],
    ]);
    expect(fts('ferry OR bridge harbour')).toBe('("ferry" OR "bridge") AND "harbour"');
  });

  it('reads -"a phrase" and NOT word as exclusions', () => {
    const q = parseQuery('council -"car park" NOT budget');
    expect(q.excluded).toEqual([phrase('car', 'park'), word('budget')]);
    expect(fts('council -"car park" NOT budget')).toBe('"council" NOT "car park" NOT "budget"');
  });

  it('leaves out stop words outside quotes, and keeps them inside a phrase', () => {
    const q = parseQuery('harbour AND ferry of the');
    expect(q.groups).toEqual([[word('harbour')], [word('ferry')]]);
    expect(q.ignored).toEqual(['of', 'the']);
    expect(parseQuery('Tower "of London"').groups).toEqual([[word('tower')], [phrase('of', 'london')]]);
    expect(highlightTerms(parseQuery('Tower "of London"'))).toEqual(['tower', 'london']);
    expect(parseQuery('the harbour').ignored).toEqual(['the']);
    // A lower-case "or" is a word (a stop word), not the operator.
    expect(parseQuery('ferry or bridge').groups).toEqual([[word('ferry')], [word('bridge')]]);
  });

  it('drops an OR group holding a stop word: it would match nearly everything', () => {
    expect(parseQuery('harbour the OR ferry').groups).toEqual([[word('harbour')]]);
  });

  it('finds nothing to search for in stop words alone, even quoted', () => {
    for (const text of ['the', 'AND', 'the and of', '"the"', '"of the"', 'OR', '-the harbour -'.slice(0, 4)]) {
      const q = parseQuery(text);
      expect(isEmpty(q), text).toBe(true);
    }
    expect(parseQuery('"of the" and').ignored).toEqual(['of the', 'and']);
  });

  it('keeps a prefix of a stop word ("the*" may become "theatre") and only as the last thing typed', () => {
    expect(parseQuery('the*').groups).toEqual([[{ kind: 'prefix', word: 'the' }]]);
    expect(parseQuery('budg* harbour').groups).toEqual([[word('budg')], [word('harbour')]]);
  });

  it('folds case and accents', () => {
    expect(parseQuery('Zoë CAFÉ').groups).toEqual([[word('zoe')], [word('cafe')]]);
  });

  it('makes one phrase of a word punctuation splits', () => {
    expect(parseQuery("O'Brien covid-19").groups).toEqual([[phrase('o', 'brien')], [phrase('covid', '19')]]);
  });

  it('keeps only letters and digits of hostile input, quoted', () => {
    expect(fts('NEAR(a b) OR title:x "unbalanced')).toBe('"near a" AND ("b" OR "title x") AND "unbalanced"');
    expect(fts("o'brien's * : ^ {x}")).toBe('"o brien s" AND "x"');
    expect(fts('") OR 1=1 -- <script>')).toBe('"or 1 1 script"'); // an unbalanced quote runs to the end
    expect(fts('x) OR 1=1 -y')).toBe('("x" OR "1 1") NOT "y"');
    expect(fts('"""x""" ""b')).toBe('"x" AND "b"');
  });

  it('ignores OR at either end, twice over, or before an exclusion, and a lone "-"', () => {
    expect(parseQuery('OR ferry OR').groups).toEqual([[word('ferry')]]);
    expect(parseQuery('ferry OR OR bridge').groups).toEqual([[word('ferry'), word('bridge')]]);
    expect(parseQuery('ferry OR -bridge').groups).toEqual([[word('ferry')]]);
    expect(parseQuery('ferry - bridge -').groups).toEqual([[word('ferry')], [word('bridge')]]);
    expect(parseQuery('NOT').groups).toEqual([]);
  });

  it('treats a query of exclusions, stars or punctuation alone as empty', () => {
    for (const text of ['', '   ', '-war', '*', '"', '""', ':', "'", '🙂', '\u0000', '-', '--', 'NOT harbour', '|'])
      expect(isEmpty(parseQuery(text)), JSON.stringify(text)).toBe(true);
  });

  it('caps words, exclusions and phrase length, and says so', () => {
    const many = parseQuery(`${'word '.repeat(5000)}`);
    expect(many.groups.flat().length).toBeLessThanOrEqual(MAX_TERMS);
    expect(many.capped).toBe(true);
    const ors = parseQuery(Array.from({ length: 3000 }, (_, i) => `w${i}`).join(' OR '));
    expect(ors.groups.flat().length).toBeLessThanOrEqual(MAX_TERMS);
    const minus = parseQuery(`harbour ${'-x '.repeat(500)}`);
    expect(minus.excluded.length).toBeLessThanOrEqual(MAX_EXCLUDED);
    expect(parseQuery(`"${'a1 '.repeat(50)}"`).groups[0]![0]).toEqual(
      phrase(...Array<string>(MAX_PHRASE_WORDS).fill('a1')),
    );
    expect(parseQuery('harbour ferry').capped).toBe(false);
    expect(fts('x '.repeat(100_000)).length).toBeLessThan(500);
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
