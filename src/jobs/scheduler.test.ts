// The scheduler on a real database: jobs repeat on their timers and report
// their state; an exclusive job runs in one process at a time (two
// schedulers stand for two processes); stopping aborts runs in progress and
// hands the lease over at once.
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, testDialects, type TestDatabase } from '../test-support/databases.ts';
import { silentLogger } from '../log.ts';
import { startScheduler, type Scheduler } from './scheduler.ts';

const until = async (cond: () => boolean, what: string) => {
  for (let i = 0; i < 500 && !cond(); i++) await new Promise((r) => setTimeout(r, 10));
  if (!cond()) throw new Error(`timed out waiting for ${what}`);
};

describe.each(testDialects)('background jobs on %s', (dialect) => {
  let database: TestDatabase;
  const running: Scheduler[] = [];
  afterEach(async () => {
    await Promise.all(running.splice(0).map((s) => s.stop()));
    await database?.dispose();
  });

  it('repeats each job, records what it did and what failed', async () => {
    database = await createTestDatabase(dialect);
    let n = 0;
    const s = startScheduler({ db: database.db, log: silentLogger, owner: 'a' }, [
      { name: 'count', everyMs: 5, run: async () => ({ n: ++n }) },
      { name: 'broken', everyMs: 5, run: async () => Promise.reject(new Error('feed server on fire')) },
    ]);
    running.push(s);
    await until(() => n >= 3, 'three runs');
    const [count, broken] = s.status();
    expect(count).toMatchObject({ name: 'count', failures: 0, lastError: null });
    expect(count!.runs).toBeGreaterThanOrEqual(2);
    expect((count!.lastResult as { n: number }).n).toBeGreaterThanOrEqual(2);
    expect(broken).toMatchObject({ name: 'broken', lastError: 'feed server on fire' });
    expect(broken!.failures).toBeGreaterThanOrEqual(1);
  });

  it('runs an exclusive job in one process at a time, and hands it over at once on stop', async () => {
    database = await createTestDatabase(dialect);
    const ran: string[] = [];
    let release: () => void = () => undefined;
    const job = (owner: string) => ({
      name: 'rank',
      everyMs: 5,
      exclusive: { leaseMs: 60_000 },
      run: async (signal: AbortSignal) => {
        ran.push(owner);
        // The first run lasts until it is stopped (a long pass), as the real ones may.
        if (ran.length === 1)
          await new Promise<void>((r) => ((release = r), signal.addEventListener('abort', () => r())));
      },
    });
    const a = startScheduler({ db: database.db, log: silentLogger, owner: 'a' }, [job('a')]);
    running.push(a);
    await until(() => ran.length === 1, 'a first run');
    const b = startScheduler({ db: database.db, log: silentLogger, owner: 'b' }, [job('b')]);
    running.push(b);
    await until(() => b.status()[0]!.skipped >= 3, 'b to be turned away');
    expect(ran).toEqual(['a']);
    await a.stop(); // aborts the run in progress and releases the lease
    running.splice(running.indexOf(a), 1);
    await until(() => ran.includes('b'), 'b to take over');
    release();
    expect(ran.filter((o) => o === 'a')).toHaveLength(1);
  });
});
