import { describe, expect, it } from 'vitest';
import {
  addVectors,
  dot,
  idf,
  normalise,
  parseVector,
  serialiseVector,
  termCounts,
  terms,
  tfidfVector,
} from './terms.ts';

describe('terms', () => {
  it('drops stop words and bare numbers, stems, keeps mixed tokens', () => {
    expect(terms('The elections were held in 2026 for MH370 families')).toEqual(['elect', 'held', 'mh370', 'famili']);
  });

  it('weighs the headline three times and the standfirst twice', () => {
    const c = termCounts({ title: 'Harbour', standfirst: 'harbour', text: 'harbour bridge' });
    expect(c.get('harbour')).toBe(6);
    expect(c.get('bridg')).toBe(1);
  });

  it('reads the body only up to maxWords terms', () => {
    const c = termCounts({ title: '', standfirst: '', text: 'alpha beta gamma delta' }, 2);
    expect([...c.keys()]).toEqual(['alpha', 'beta']);
  });
});

describe('vectors', () => {
  it('rare terms weigh more than common ones', () => {
    expect(idf(1, 1000)).toBeGreaterThan(idf(500, 1000));
    const v = tfidfVector(
      new Map([
        ['common', 1],
        ['rare', 1],
      ]),
      (t) => (t === 'common' ? 900 : 2),
      1000,
    );
    expect([...v.keys()][0]).toBe('rare');
  });

  it('is unit length, so a vector dotted with itself is 1', () => {
    const v = tfidfVector(
      new Map([
        ['a', 3],
        ['b', 1],
        ['c', 2],
      ]),
      () => 5,
      100,
    );
    expect(dot(v, v)).toBeCloseTo(1, 6);
    expect(dot(v, normalise(new Map([['z', 1]])))).toBe(0);
  });

  it('keeps only the k strongest terms', () => {
    const counts = new Map(Array.from({ length: 50 }, (_, i) => [`t${i}`, i + 1] as [string, number]));
    expect(tfidfVector(counts, () => 1, 10, 10).size).toBe(10);
  });

  it('a sum of members points at their mean, each member counting the same in any order', () => {
    const [a, b, c] = [{ x: 1 }, { y: 1 }, { x: 1, z: 1 }].map((o) => normalise(new Map(Object.entries(o))));
    const sum = addVectors(addVectors(a!, b!), c!);
    expect(dot(normalise(sum), a!)).toBeCloseTo(dot(normalise(addVectors(addVectors(c!, b!), a!)), a!), 10);
    expect(sum.get('x')).toBeCloseTo(1 + Math.SQRT1_2, 10);
    expect(sum.get('y')).toBeCloseTo(1, 10);
    expect(addVectors(sum, b!, 2).size).toBe(2);
  });

  it('round-trips through JSON and tolerates junk', () => {
    const v = normalise(
      new Map([
        ['a', 1],
        ['b', 2],
      ]),
    );
    expect(dot(parseVector(serialiseVector(v)), v)).toBeCloseTo(1, 3);
    expect(parseVector('not json').size).toBe(0);
    expect(parseVector(null).size).toBe(0);
  });
});
