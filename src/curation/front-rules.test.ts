import { describe, expect, it } from 'vitest';
import { onePerStory, storyPage } from './front-rules.ts';

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

describe('storyPage', () => {
  const rows = [
    { id: 9, cluster_id: 1 },
    { id: 8, cluster_id: 1 },
    { id: 7, cluster_id: 2 },
    { id: 6, cluster_id: 1 },
    { id: 5, cluster_id: 3 },
    { id: 4, cluster_id: null },
  ];

  it('shows each story once and reads past its repeats', () => {
    const stories = new Set<number>();
    expect(storyPage(rows, 2, stories)).toEqual({ shown: [rows[0], rows[2]], consumed: 4, more: true });
    expect([...stories]).toEqual([1, 2]);
    // the next page starts after the consumed rows, with the stories already shown
    expect(storyPage(rows.slice(4), 2, stories)).toEqual({ shown: [rows[4], rows[5]], consumed: 2, more: false });
  });

  it('says there is more only when another story follows', () => {
    expect(storyPage(rows.slice(0, 2), 1, new Set())).toEqual({ shown: [rows[0]], consumed: 2, more: false });
    expect(storyPage(rows, 0, new Set([1]))).toEqual({ shown: [], consumed: 2, more: true });
  });
});
