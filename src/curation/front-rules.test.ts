import { describe, expect, it } from 'vitest';
import { onePerStory } from './front-rules.ts';

describe('onePerStory', () => {
  const rows = [
    { id: 9, cluster_id: 1 },
    { id: 8, cluster_id: 1 },
    { id: 7, cluster_id: null },
    { id: 6, cluster_id: 2 },
    { id: 5, cluster_id: null },
    { id: 4, cluster_id: 2 },
    { id: 3, cluster_id: 3 },
  ];

  it('keeps the first report of each story and every article not yet in one', () => {
    expect(onePerStory(rows, 10).map((r) => r.id)).toEqual([9, 7, 6, 5, 3]);
  });

  it('skips stories shown higher on the page', () => {
    expect(onePerStory(rows, 10, new Set([1, 3])).map((r) => r.id)).toEqual([7, 6, 5]);
  });

  it('stops at the limit', () => {
    expect(onePerStory(rows, 2).map((r) => r.id)).toEqual([9, 7]);
    expect(onePerStory([], 3)).toEqual([]);
  });
});
