import { expect, it } from 'vitest';
import { ListCache } from './list-cache.ts';

it('loads once per interval, shares concurrent loads, and does not keep failures', async () => {
  let t = 0;
  let loads = 0;
  const cache = new ListCache(1000, () => t);
  const load = async () => ++loads;
  expect(await Promise.all([cache.get('k', load), cache.get('k', load)])).toEqual([1, 1]);
  t = 999;
  expect(await cache.get('k', load)).toBe(1);
  t = 1000;
  expect(await cache.get('k', load)).toBe(2);
  await expect(cache.get('bad', () => Promise.reject(new Error('db down')))).rejects.toThrow('db down');
  expect(await cache.get('bad', load)).toBe(3);
});

it('can be cleared at once', async () => {
  let loads = 0;
  const cache = new ListCache(60_000);
  await cache.get('k', async () => ++loads);
  cache.clear();
  expect(await cache.get('k', async () => ++loads)).toBe(2);
});
