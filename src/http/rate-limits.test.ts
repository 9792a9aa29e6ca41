import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { silentLogger } from '../log.ts';
import { buildServer } from '../server.tsx';
import { createTestDatabase, testDialects, type TestDatabase } from '../test-support/databases.ts';
import { clientKey, RATE_LIMITS } from './rate-limits.ts';

describe('clientKey', () => {
  it('counts an IPv4 client by its address and an IPv6 client by its /64', () => {
    expect(clientKey('203.0.113.9')).toBe('203.0.113.9');
    expect(clientKey('::ffff:203.0.113.9')).toBe('203.0.113.9');
    expect(clientKey('2001:db8:0:1:aaaa::1')).toBe('2001:db8:0:1::/64');
    expect(clientKey('2001:db8:0:1:bbbb:cccc:dddd:eeee')).toBe('2001:db8:0:1::/64');
    expect(clientKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(clientKey('2001:db8:0:2::1')).not.toBe(clientKey('2001:db8:0:1::1'));
    expect(clientKey('::1')).toBe('0:0:0:0::/64');
  });

  it('covers every route that mails, hashes a password, searches or takes a beacon', () => {
    for (const route of ['POST /signup', 'POST /signin', 'POST /reset', 'POST /verify/resend', 'GET /search'])
      expect(RATE_LIMITS[route], route).toBeDefined();
    for (const route of ['POST /api/v1/reads', 'PUT /api/v1/publisher/articles/:id'])
      expect(RATE_LIMITS[route], route).toBeDefined();
  });
});

describe.each(testDialects)('rate limits on %s', (dialect) => {
  let database: TestDatabase;
  afterEach(async () => database?.dispose().catch(() => undefined));

  const server = (limits = { 'GET /search': { max: 3, windowMs: 60_000 } }) =>
    buildServer({
      config: { ...loadConfig({}), demo: false, trustProxy: ['127.0.0.1'] },
      database,
      log: silentLogger,
      rateLimits: { ...limits, 'POST /reset': { max: 2, windowMs: 60_000 } },
    });
  const search = (app: Awaited<ReturnType<typeof server>>, ip: string, accept = 'text/html') =>
    app.inject({ url: '/search?q=harbour', headers: { 'x-forwarded-for': ip, accept } });

  it('answers 429 with Retry-After past the limit, per client address, as a page or as JSON', async () => {
    database = await createTestDatabase(dialect);
    const app = await server();
    for (let i = 0; i < 3; i++) expect((await search(app, '198.51.100.1')).statusCode).toBe(200);
    const refused = await search(app, '198.51.100.1');
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.headers['content-type']).toContain('text/html');
    expect(refused.body).toContain('Too many requests');
    const json = await search(app, '198.51.100.1', 'application/json');
    expect(json.statusCode).toBe(429);
    expect(json.json()).toMatchObject({ error: 'too_many_requests' });
    // Another address is counted on its own.
    expect((await search(app, '198.51.100.2')).statusCode).toBe(200);
    // A route without a limit is not counted.
    for (let i = 0; i < 5; i++)
      expect((await app.inject({ url: '/', headers: { 'x-forwarded-for': '198.51.100.1' } })).statusCode).toBe(200);
    await app.close();
  });

  it('gives the same answer for a known and an unknown address until the limit, then the same refusal', async () => {
    database = await createTestDatabase(dialect);
    const app = await server();
    const ask = (email: string) =>
      app.inject({
        method: 'POST',
        url: '/reset',
        headers: { 'x-forwarded-for': '198.51.100.7', 'content-type': 'application/x-www-form-urlencoded' },
        payload: `email=${encodeURIComponent(email)}`,
      });
    const first = await ask('nobody@example.org');
    const second = await ask('also-nobody@example.org');
    expect(second.statusCode).toBe(first.statusCode);
    const third = await ask('someone@example.org');
    expect(third.statusCode).toBe(429);
    expect(third.body).not.toMatch(/someone@example\.org/);
    await app.close();
  });

  if (dialect === 'postgres')
    it('shares the counts between processes through the database', async () => {
      database = await createTestDatabase(dialect);
      const a = await server();
      const b = await server();
      expect((await search(a, '198.51.100.3')).statusCode).toBe(200);
      expect((await search(b, '198.51.100.3')).statusCode).toBe(200);
      expect((await search(a, '198.51.100.3')).statusCode).toBe(200);
      expect((await search(b, '198.51.100.3')).statusCode).toBe(429);
      await Promise.all([a.close(), b.close()]);
    });
});
