import { expect, it } from 'vitest';
import { HostLimiter } from './host-limiter.ts';

const tick = () => new Promise((r) => setTimeout(r, 5));

it('runs at most N at once per host, in arrival order, hosts independent', async () => {
  const limiter = new HostLimiter(2);
  const order: string[] = [];
  const gates: (() => void)[] = [];
  const job = (name: string) => () => {
    order.push(name);
    return new Promise<string>((resolve) => gates.push(() => resolve(name)));
  };
  const all = ['a1', 'a2', 'a3', 'a4'].map((n) => limiter.run('A.example', job(n)));
  const other = limiter.run('b.example', job('b1'));
  await tick();
  expect(order).toEqual(['a1', 'a2', 'b1']);
  expect(limiter.load('a.example')).toEqual({ active: 2, waiting: 2 });
  gates.shift()!();
  await tick();
  expect(order).toEqual(['a1', 'a2', 'b1', 'a3']);
  while (gates.length) {
    gates.shift()!();
    await tick();
  }
  expect(await Promise.all([...all, other])).toEqual(['a1', 'a2', 'a3', 'a4', 'b1']);
  expect(limiter.load('a.example')).toEqual({ active: 0, waiting: 0 });
});

it('frees the slot when the job fails', async () => {
  const limiter = new HostLimiter(1);
  await expect(limiter.run('h', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
  expect(await limiter.run('h', async () => 'ok')).toBe('ok');
});

it('gives up a queued place when the signal aborts', async () => {
  const limiter = new HostLimiter(1);
  let release!: () => void;
  const first = limiter.run('h', () => new Promise<void>((r) => (release = r)));
  const ac = new AbortController();
  const queued = limiter.run('h', async () => 'never', ac.signal);
  await tick();
  ac.abort(new Error('stop'));
  await expect(queued).rejects.toThrow('stop');
  expect(limiter.load('h')).toEqual({ active: 1, waiting: 0 });
  release();
  await first;
  expect(limiter.load('h')).toEqual({ active: 0, waiting: 0 });
});
