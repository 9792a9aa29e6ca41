// Cache clears reach every web process: a clear in one (a takedown, an access change) empties the others'
// caches through the change bus; a clear heard from elsewhere is not announced again. Two handles on one
// database stand for two processes (on SQLite the bus is in-process: one web process).
import Fastify from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/connect.ts';
import { createNotifier } from '../db/notify.ts';
import { createTestDatabase, testDialects, type TestDatabase } from '../test-support/databases.ts';
import { ListCache } from './list-cache.ts';
import { shareCacheClears } from './shared-caches.ts';

describe.each(testDialects)('shared cache clears on %s', (dialect) => {
  let database: TestDatabase;
  const closing: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const close of closing.splice(0).reverse()) await close();
    await database?.dispose();
  });

  const webProcess = async (handle: Parameters<typeof createNotifier>[0]) => {
    const app = Fastify();
    const lists = new ListCache(60_000);
    const bus = createNotifier(handle);
    let published = 0;
    const counting = { ...bus, publish: (topic: string) => (published++, bus.publish(topic)) };
    shareCacheClears(app, lists, counting);
    await app.ready();
    closing.push(
      () => bus.close(),
      () => app.close(),
    );
    let loads = 0;
    const page = () => lists.get('visitor-page:1', async () => ++loads);
    return { lists, page, published: () => published };
  };

  it('a clear in one process empties the cache of another, announced once', async () => {
    database = await createTestDatabase(dialect, { migrate: false });
    const second = dialect === 'postgres' ? openDatabase(database.target) : database;
    if (second !== database) closing.push(() => second.close());
    const a = await webProcess(database);
    const b = dialect === 'postgres' ? await webProcess(second) : a;
    await new Promise((r) => setTimeout(r, 200)); // both are listening
    expect([await a.page(), await b.page()]).toEqual([1, 1]);
    expect(await b.page()).toBe(1); // cached
    a.lists.clear();
    let polls = 0;
    while ((await b.page()) === 1 && polls < 100) {
      polls++;
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(await b.page()).toBe(2); // reloaded once after the clear, then cached again
    expect(polls).toBeLessThan(100);
    expect(a.published() + (b === a ? 0 : b.published())).toBe(1);
  });
});
