import { expect, it } from 'vitest';
import { ListCache } from './list-cache.ts';

/** Reloads behind readers wait for the event loop's next turn: let them run. */
const settle = async () => {
  for (let i = 0; i < 3; i++) await new Promise((r) => setImmediate(r));
};

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
  await settle();
  expect(await cache.get('k', load)).toBe(2);
  await expect(cache.get('bad', () => Promise.reject(new Error('db down')))).rejects.toThrow('db down');
  expect(await cache.get('bad', load)).toBe(3);
});

it('can be cleared at once, with its children', async () => {
  let loads = 0;
  const cache = new ListCache(60_000);
  const child = cache.child();
  await cache.get('k', async () => ++loads);
  await child.get('k', async () => ++loads);
  expect(await child.get('k', async () => ++loads)).toBe(2);
  cache.clear();
  expect(await cache.get('k', async () => ++loads)).toBe(3);
  expect(await child.get('k', async () => ++loads)).toBe(4);
});

it('serves an expired value at once while one reload runs behind it, for a while', async () => {
  let t = 0;
  let loads = 0;
  const cache = new ListCache(1000, () => t);
  const load = async () => ++loads;
  expect(await cache.get('k', load)).toBe(1);
  t = 1500; // expired, recent enough to serve stale
  expect(await Promise.all([cache.get('k', load), cache.get('k', load)])).toEqual([1, 1]);
  await settle();
  expect(loads).toBe(2); // one reload for both readers
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
  await settle();
  cache.clear();
  finish(99);
  await settle();
  expect(await cache.get('k', async () => ++loads)).toBe(2);
});

it('keeps serving the old value when a reload fails', async () => {
  let t = 0;
  const cache = new ListCache(1000, () => t);
  await cache.get('k', async () => 'old');
  t = 1500;
  expect(await cache.get('k', () => Promise.reject(new Error('db down')))).toBe('old');
  await settle();
  expect(await cache.get('k', async () => 'new')).toBe('old'); // stale again, this reload succeeds
  await settle();
  expect(await cache.get('k', async () => 'newer')).toBe('new');
});

it('never serves stale when the interval is zero (tests pass their own clock)', async () => {
  let loads = 0;
  const cache = new ListCache(0, () => 5);
  await cache.get('k', async () => ++loads);
  expect(await cache.get('k', async () => ++loads)).toBe(2);
});

it('runs reloads behind readers one at a time, giving the event loop a turn before each', async () => {
  let t = 0;
  const cache = new ListCache(1000, () => t);
  for (const k of ['a', 'b', 'c']) await cache.get(k, async () => 0);
  t = 1500;
  const order: string[] = [];
  let running = 0;
  let most = 0;
  const load = (k: string) => async () => {
    most = Math.max(most, ++running);
    order.push(k);
    await new Promise((r) => setTimeout(r, 5));
    running--;
    return 1;
  };
  for (const k of ['a', 'b', 'c']) expect(await cache.get(k, load(k))).toBe(0);
  expect(order).toEqual([]); // nothing ran inside the readers' requests
  await new Promise((r) => setTimeout(r, 60));
  expect(order).toEqual(['a', 'b', 'c']);
  expect(most).toBe(1);
  for (const k of ['a', 'b', 'c']) expect(await cache.get(k, load(k))).toBe(1);
});

it('tells its observer of each lookup by the kind of key, and keeps the kinds few', async () => {
  let t = 0;
  const seen: string[] = [];
  const cache = new ListCache(
    1000,
    () => t,
    (kind, result) => seen.push(`${kind} ${result}`),
  );
  await cache.get('visitor-page:1', async () => 1);
  await cache.get('visitor-page:1', async () => 1);
  t = 1500;
  await cache.get('visitor-page:1', async () => 1);
  await cache.get('top', async () => 1);
  expect(seen).toEqual(['visitor-page miss', 'visitor-page hit', 'visitor-page stale', 'top miss']);
  // Keys of a shape nobody planned for (no colon, each different) cannot grow the kinds past a bound.
  seen.length = 0;
  for (let i = 0; i < 100; i++) await cache.get(`query ${i}`, async () => i);
  expect(new Set(seen).size).toBeLessThanOrEqual(33);
  expect(seen.at(-1)).toBe('other miss');
  // A child reports under its own name, whatever its keys.
  seen.length = 0;
  await cache.child('search').get('harbour wall', async () => 1);
  expect(seen).toEqual(['search miss']);
});
