import { describe, expect, it } from 'vitest';
import { scoreClustering } from './cluster-metrics.ts';

describe('clustering scores', () => {
  it('a perfect clustering scores 1 whatever the labels are called', () => {
    expect(scoreClustering([7, 7, 9, 9], ['a', 'a', 'b', 'b'])).toEqual({ precision: 1, recall: 1, f1: 1, ari: 1 });
  });

  it('everything in one cluster: full recall, low precision', () => {
    const s = scoreClustering([1, 1, 1, 1], ['a', 'a', 'b', 'b']);
    expect(s.recall).toBe(1);
    expect(s.precision).toBe(0.5);
    expect(s.ari).toBe(0);
  });

  it('all singletons: full precision, recall 1/size', () => {
    const s = scoreClustering([1, 2, 3, 4], ['a', 'a', 'b', 'b']);
    expect(s.precision).toBe(1);
    expect(s.recall).toBe(0.5);
  });

  it('matches a hand-worked B-cubed example', () => {
    // clusters {0,1,2} {3,4}; classes a a b | b b
    const s = scoreClustering([1, 1, 1, 2, 2], ['a', 'a', 'b', 'b', 'b']);
    expect(s.precision).toBeCloseTo((2 / 3 + 2 / 3 + 1 / 3 + 1 + 1) / 5, 10);
    expect(s.recall).toBeCloseTo((1 + 1 + 1 / 3 + 2 / 3 + 2 / 3) / 5, 10);
  });

  it('refuses mismatched inputs', () => {
    expect(() => scoreClustering([1], [])).toThrow();
  });
});
