import { afterEach, describe, expect, it } from 'vitest';
import type { LookupFn } from '../ingest/fetch/address-guard.ts';
import { OPERATOR } from '../members/audit.ts';
import { createTestDatabase, testDialects, type TestDatabase } from '../test-support/databases.ts';
import { registerFeed } from './commands.ts';
import { checkFeedHost } from './feed-address.ts';
import { listFeeds } from './feeds.ts';
import { CatalogError, createPublisher } from './publishers.ts';

const T = Date.parse('2026-11-24T09:00:00Z');
const RULES = { allowPrivate: false, allowHosts: [] as string[] };

/** A resolver with fixed answers, recording what it was asked. */
function fakeDns(answers: Record<string, string[]>): LookupFn & { asked: string[] } {
  const asked: string[] = [];
  const fn = ((host, _options, callback) => {
    asked.push(host);
    const list = answers[host];
    if (!list) return callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' }), '', 0);
    callback(
      null,
      list.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })),
    );
  }) as LookupFn & { asked: string[] };
  fn.asked = asked;
  return fn;
}

describe('checkFeedHost', () => {
  const lookup = fakeDns({
    'intranet.example': ['10.1.2.3'],
    'mixed.example': ['93.184.216.34', '127.0.0.1'],
    'news.example': ['93.184.216.34', '2606:2800:220:1:248:1893:25c8:1946'],
  });

  it('refuses a name resolving to a private or loopback address, in the fetcher’s words', async () => {
    await expect(checkFeedHost('https://intranet.example/rss', { ...RULES, lookup })).rejects.toThrow(
      'refused: intranet.example resolves to 10.1.2.3, a private address (set ALLOW_PRIVATE_FEEDS=true to allow)',
    );
    await expect(checkFeedHost('https://mixed.example/rss', { ...RULES, lookup })).rejects.toThrow(CatalogError);
    await expect(checkFeedHost('https://mixed.example/rss', { ...RULES, lookup })).rejects.toThrow(/loopback/);
  });

  it('accepts public names, names that do not resolve, and what the operator allows', async () => {
    await expect(checkFeedHost('https://news.example/rss', { ...RULES, lookup })).resolves.toBeUndefined();
    await expect(checkFeedHost('https://gone.example/rss', { ...RULES, lookup })).resolves.toBeUndefined();
    const asked = lookup.asked.length;
    await checkFeedHost('https://intranet.example/rss', { allowPrivate: true, allowHosts: [], lookup });
    await checkFeedHost('https://Intranet.Example./rss', {
      allowPrivate: false,
      allowHosts: ['intranet.example'],
      lookup,
    });
    expect(lookup.asked.length).toBe(asked); // allowed without asking the DNS
  });

  it('resolves localhost for real', async () => {
    await expect(checkFeedHost('http://localhost:8080/feed', RULES)).rejects.toThrow(
      /^refused: localhost resolves to (127\.0\.0\.1|::1), a loopback address \(set ALLOW_PRIVATE_FEEDS=true to allow\)$/,
    );
  });
});

describe.each(testDialects)('adding a feed on %s', (dialect) => {
  let database: TestDatabase;
  afterEach(async () => database?.dispose());

  it('refuses a host on a private network before storing anything, as the console and the CLI add feeds', async () => {
    database = await createTestDatabase(dialect);
    const db = database.db;
    const p = await createPublisher(db, { slug: 'harbour', name: 'Harbour', sections: ['news'] });
    const input = { publisherId: p.id, intervalS: 900 };
    const lookup = fakeDns({ 'feeds.intranet.example': ['192.168.1.20'], 'harbour.example': ['93.184.216.34'] });
    await expect(registerFeed(db, { ...input, url: 'http://localhost:3000/feed' }, RULES, OPERATOR, T)).rejects.toThrow(
      /refused: localhost resolves to .*, a loopback address/,
    );
    await expect(
      registerFeed(db, { ...input, url: 'https://feeds.intranet.example/rss' }, { ...RULES, lookup }, OPERATOR, T),
    ).rejects.toThrow('refused: feeds.intranet.example resolves to 192.168.1.20, a private address');
    expect(await listFeeds(db)).toEqual([]);
    await registerFeed(db, { ...input, url: 'https://harbour.example/rss' }, { ...RULES, lookup }, OPERATOR, T);
    await registerFeed(
      db,
      { ...input, url: 'http://localhost:3000/feed' },
      { ...RULES, allowHosts: ['localhost'] },
      OPERATOR,
      T,
    );
    expect((await listFeeds(db)).map((f) => f.url).sort()).toEqual([
      'http://localhost:3000/feed',
      'https://harbour.example/rss',
    ]);
  });
});
