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
  t = 1000; // expired: the old value once more, while the reload runs
  expect(await cache.get('k', load)).toBe(1);
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

it('serves an expired value at once while one reload runs behind it, for a while', async () => {
  let t = 0;
  let loads = 0;
  const cache = new ListCache(1000, () => t);
  const load = async () => ++loads;
  expect(await cache.get('k', load)).toBe(1);
  t = 1500; // expired, recent enough to serve stale
  expect(await Promise.all([cache.get('k', load), cache.get('k', load)])).toEqual([1, 1]);
  expect(loads).toBe(2); // one reload for both readers
  await Promise.resolve();
  expect(await cache.get('k', load)).toBe(2);
  t = 10_000; // far too old: the reader waits for a fresh load
  expect(await cache.get('k', load)).toBe(3);
});

it('never serves stale after a clear, nor keeps a reload that was running across it', async () => {
  let t = 0;
  let loads = 0;
  const cache = new ListCache(1000, () => t);
  await cache.get('k', async () => ++loads);
  t = 1500;
  let finish!: (v: number) => void;
  expect(await cache.get('k', () => new Promise<number>((r) => (finish = r)))).toBe(1); // stale, reload pending
  cache.clear();
  finish(99);
  await Promise.resolve();
  expect(await cache.get('k', async () => ++loads)).toBe(2);
});

it('keeps serving the old value when a reload fails', async () => {
  let t = 0;
  const cache = new ListCache(1000, () => t);
  await cache.get('k', async () => 'old');
  t = 1500;
  expect(await cache.get('k', () => Promise.reject(new Error('db down')))).toBe('old');
  await Promise.resolve();
  expect(await cache.get('k', async () => 'new')).toBe('old'); // stale again, this reload succeeds
  await Promise.resolve();
  expect(await cache.get('k', async () => 'newer')).toBe('new');
});

it('never serves stale when the interval is zero (tests pass their own clock)', async () => {
  let loads = 0;
  const cache = new ListCache(0, () => 5);
  await cache.get('k', async () => ++loads);
  expect(await cache.get('k', async () => ++loads)).toBe(2);
});
