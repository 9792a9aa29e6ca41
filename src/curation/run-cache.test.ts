import { describe, expect, it } from 'vitest';
import { throughCache } from './run-cache.ts';

describe('a run’s caches', () => {
  const fetcher = (asked: number[][]) => async (missing: number[]) => {
    asked.push(missing);
    return missing.filter((id) => id !== 404).map((id) => [id, `row ${id}`] as [number, string]);
  };

  it('fetches only what it does not hold, and returns every row found', async () => {
    const cache = new Map([[1, 'row 1']]);
    const asked: number[][] = [];
    const found = await throughCache(cache, [1, 2, 404], 10, fetcher(asked));
    expect(asked).toEqual([[2, 404]]);
    expect([...found]).toEqual([
      [1, 'row 1'],
      [2, 'row 2'],
    ]);
    expect(cache.has(2)).toBe(true);
  });

  it('makes room by forgetting its oldest entries, never what this call found', async () => {
    const cache = new Map([
      [1, 'row 1'],
      [2, 'row 2'],
      [3, 'row 3'],
    ]);
    const found = await throughCache(cache, [1, 5, 6, 7], 3, fetcher([]));
    expect([...found.keys()]).toEqual([1, 5, 6, 7]);
    expect(cache.size).toBe(3);
    expect([...cache.keys()]).toEqual([5, 6, 7]);
  });
});
