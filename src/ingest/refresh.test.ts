// One item never fails its feed: an item whose processing throws, or whose
// storing fails, is skipped and the feed's other items are stored. Faults are
// injected at the two steps (a processing function that throws on one item,
// a database that refuses one row), on both databases.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { addFeed, getFeed } from '../catalog/feeds.ts';
import { createPublisher } from '../catalog/publishers.ts';
import { createTestDatabase, testDialects, type TestDatabase } from '../test-support/databases.ts';
import { silentLogger } from '../log.ts';
import type { Fetcher } from './fetch/types.ts';
import { refreshFeed } from './refresh.ts';

vi.mock('./process/process-item.ts', async (original) => {
  const real = await original<typeof import('./process/process-item.ts')>();
  return {
    ...real,
    processItem: async (...args: Parameters<typeof real.processItem>) => {
      if (args[0].title === 'Poison in processing') throw new RangeError('Maximum call stack size exceeded');
      return real.processItem(...args);
    },
  };
});

const body = (n: number) =>
  Array.from({ length: 60 }, (_, i) => `Sentence ${i} of item ${n} about the harbour wall.`).join(' ');
const item = (n: number, title: string) =>
  `<item><title>${title}</title><link>https://quay.example/${n}</link><guid>q-${n}</guid><pubDate>Mon, 23 Nov 2026 0${n}:00:00 GMT</pubDate><description>${body(n)}</description></item>`;
const FEED = `<?xml version="1.0"?><rss version="2.0"><channel><title>Quay</title><link>https://quay.example/</link>${[
  item(1, 'A good report'),
  item(2, 'Poison in processing'),
  item(3, 'Poison in storing'),
  item(4, 'Another good report'),
].join('')}</channel></rss>`;

const fetcher: Fetcher = {
  fetch: async (req) => ({
    status: 'ok',
    body: Buffer.from(FEED),
    contentType: 'application/rss+xml',
    finalUrl: req.url,
    httpStatus: 200,
    headers: {},
    elapsedMs: 1,
  }),
};

describe.each(testDialects)('one bad item on %s', (dialect) => {
  let database: TestDatabase;
  afterEach(async () => database?.dispose());

  it('is skipped; the feed and its other items are not', async () => {
    database = await createTestDatabase(dialect);
    const now = Date.parse('2026-11-24T09:00:00Z');
    const publisher = await createPublisher(database.db, { slug: 'quay', name: 'Quay', sections: ['news'] });
    const feed = await addFeed(
      database.db,
      { publisherId: publisher.id, url: 'https://quay.example/feed', intervalS: 300 },
      now,
    );
    // The database refuses any article row carrying this title (as it would a value it cannot store).
    const refusing = {
      ...database,
      db: database.db.withPlugin({
        transformQuery: (a) => {
          if (a.node.kind === 'InsertQueryNode' && JSON.stringify(a.node).includes('Poison in storing'))
            throw new Error('value refused by the database');
          return a.node;
        },
        transformResult: async (a) => a.result,
      }),
    };
    const outcome = await refreshFeed(
      {
        database: refusing,
        fetcher,
        log: silentLogger,
        now: () => now,
        owner: 'test',
        allowPrivate: false,
        bounds: { minS: 300, maxS: 86400, parkAfter: 3 },
      },
      feed,
      publisher,
    );
    expect(outcome).toMatchObject({ status: 'updated', newArticles: 2, skippedItems: 2 });
    const titles = (await database.db.selectFrom('articles').select('title').orderBy('title').execute()).map(
      (r) => r.title,
    );
    expect(titles).toEqual(['A good report', 'Another good report']);
    expect(await getFeed(database.db, feed.id)).toMatchObject({ consecutive_failures: 0, status: 'active' });
  });
});
