import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LookupFn } from './address-guard.ts';
import { createFetcher, maxAge, retryAfter } from './fetcher.ts';
import { FetchError } from './types.ts';

let server: http.Server;
let base: string;
let port: number;
let concurrent = 0;
let peak = 0;
const body = '<rss version="2.0"><channel><title>Test</title></channel></rss>';

beforeAll(async () => {
  server = http.createServer(async (req, res) => {
    const u = new URL(req.url!, 'http://x');
    const p = u.pathname;
    if (p === '/etag') {
      if (req.headers['if-none-match'] === '"v1"') return res.writeHead(304, { etag: '"v1"' }).end();
      return res.writeHead(200, { etag: '"v1"', 'content-type': 'application/rss+xml; charset=ISO-8859-1', 'cache-control': 'max-age=600' }).end(body);
    }
    if (p === '/lastmod') {
      const lm = 'Mon, 23 Nov 2026 08:00:00 GMT';
      if (req.headers['if-modified-since'] === lm) return res.writeHead(304).end();
      return res.writeHead(200, { 'last-modified': lm }).end(body);
    }
    const redirect = /^\/r(301|302|307|308)\/(.*)$/.exec(p);
    if (redirect) return res.writeHead(Number(redirect[1]), { location: `/${redirect[2]}` }).end();
    if (p === '/loop') return res.writeHead(302, { location: '/loop2' }).end();
    if (p === '/loop2') return res.writeHead(302, { location: '/loop' }).end();
    const chain = /^\/chain\/(\d+)$/.exec(p);
    if (chain) return Number(chain[1]) === 0 ? res.end(body) : res.writeHead(302, { location: `/chain/${Number(chain[1]) - 1}` }).end();
    if (p === '/gzip') return res.writeHead(200, { 'content-encoding': 'gzip' }).end(zlib.gzipSync(body));
    if (p === '/deflate') return res.writeHead(200, { 'content-encoding': 'deflate' }).end(zlib.deflateSync(body));
    if (p === '/rawdeflate') return res.writeHead(200, { 'content-encoding': 'deflate' }).end(zlib.deflateRawSync(body));
    if (p === '/br') return res.writeHead(200, { 'content-encoding': 'br' }).end(zlib.brotliCompressSync(Buffer.from(body)));
    if (p === '/bomb') return res.writeHead(200, { 'content-encoding': 'gzip' }).end(zlib.gzipSync(Buffer.alloc(50 * 1024 * 1024)));
    if (p === '/big-declared') return res.writeHead(200, { 'content-length': String(100 * 1024 * 1024) }).end();
    if (p === '/big-streamed') {
      res.writeHead(200);
      const chunk = Buffer.alloc(64 * 1024, 'x');
      let sent = 0;
      const pump = () => {
        while (sent < 200 && res.write(chunk)) sent++;
        if (sent < 200 && !res.destroyed) res.once('drain', pump);
        else res.end();
      };
      return pump();
    }
    if (p === '/slow') {
      res.writeHead(200);
      res.write('<rss>');
      return setTimeout(() => res.end('</rss>'), 3000);
    }
    if (p === '/silent') return; // accepts, never answers
    if (p === '/429') return res.writeHead(429, { 'retry-after': '120' }).end();
    if (p === '/503') return res.writeHead(503, { 'retry-after': new Date(Date.now() + 600_000).toUTCString() }).end();
    if (p === '/404') return res.writeHead(404).end();
    if (p === '/to-loopback') return res.writeHead(302, { location: `http://127.0.0.1:${port}/etag` }).end();
    if (p === '/count') {
      concurrent++;
      peak = Math.max(peak, concurrent);
      await new Promise((r) => setTimeout(r, 50));
      concurrent--;
      return res.end(body);
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
});
afterAll(() => {
  server.closeAllConnections();
  return new Promise<void>((r) => server.close(() => r()));
});

const open = () => createFetcher({ userAgent: 'masthead-test', timeoutMs: 1500, maxBytes: 1024 * 1024, perHost: 2, allowPrivate: true });

describe('fetcher', () => {
  it('does conditional GET with ETag and Last-Modified', async () => {
    const f = open();
    const first = await f.fetch({ url: `${base}/etag` });
    expect(first).toMatchObject({ status: 'ok', etag: '"v1"', charset: 'iso-8859-1', maxAgeS: 600, httpStatus: 200 });
    expect(first.status === 'ok' && first.body.toString()).toBe(body);
    expect(await f.fetch({ url: `${base}/etag`, etag: '"v1"' })).toMatchObject({ status: 'not-modified', httpStatus: 304 });
    const lm = await f.fetch({ url: `${base}/lastmod` });
    expect(await f.fetch({ url: `${base}/lastmod`, lastModified: lm.lastModified })).toMatchObject({ status: 'not-modified' });
    f.close();
  });

  it('follows redirects, reports permanent moves, and stops loops and long chains', async () => {
    const f = open();
    expect(await f.fetch({ url: `${base}/r301/r308/etag` })).toMatchObject({ status: 'ok', permanentUrl: `${base}/etag`, finalUrl: `${base}/etag` });
    expect((await f.fetch({ url: `${base}/r301/r302/etag` })).permanentUrl).toBeUndefined();
    expect((await f.fetch({ url: `${base}/r307/etag` })).permanentUrl).toBeUndefined();
    await expect(f.fetch({ url: `${base}/loop` })).rejects.toMatchObject({ kind: 'too-many-redirects' });
    expect((await f.fetch({ url: `${base}/chain/5` })).status).toBe('ok');
    await expect(f.fetch({ url: `${base}/chain/6` })).rejects.toThrow(/more than 5 redirects/);
    f.close();
  });

  it('decompresses gzip, deflate (both kinds) and brotli', async () => {
    const f = open();
    for (const p of ['gzip', 'deflate', 'rawdeflate', 'br']) {
      const r = await f.fetch({ url: `${base}/${p}` });
      expect(r.status === 'ok' && r.body.toString(), p).toBe(body);
    }
    f.close();
  });

  it('refuses oversized bodies, declared, streamed or compressed, without buffering them', async () => {
    const f = open();
    await expect(f.fetch({ url: `${base}/big-declared` })).rejects.toMatchObject({ kind: 'too-large', message: 'response larger than 1 MB' });
    await expect(f.fetch({ url: `${base}/big-streamed` })).rejects.toMatchObject({ kind: 'too-large' });
    const before = process.memoryUsage().rss;
    await expect(f.fetch({ url: `${base}/bomb` })).rejects.toMatchObject({ kind: 'too-large' });
    expect(process.memoryUsage().rss - before).toBeLessThan(40 * 1024 * 1024);
    f.close();
  });

  it('times out slow bodies and silent servers', async () => {
    const f = open();
    const t = Date.now();
    await expect(f.fetch({ url: `${base}/slow` })).rejects.toMatchObject({ kind: 'timeout', message: 'timed out after 1500 ms' });
    await expect(f.fetch({ url: `${base}/silent`, timeoutMs: 300 })).rejects.toMatchObject({ kind: 'timeout' });
    expect(Date.now() - t).toBeLessThan(2500);
    f.close();
  });

  it('reports HTTP errors with Retry-After for back-off', async () => {
    const f = open();
    await expect(f.fetch({ url: `${base}/429` })).rejects.toMatchObject({ kind: 'http', info: { httpStatus: 429, retryAfterS: 120 } });
    const err = (await f.fetch({ url: `${base}/503` }).catch((e) => e)) as FetchError;
    expect(err.info.httpStatus).toBe(503);
    expect(err.info.retryAfterS).toBeGreaterThan(500);
    await expect(f.fetch({ url: `${base}/404` })).rejects.toThrow('HTTP 404 Not Found');
    f.close();
  });

  it('keeps to the per-host concurrency limit', async () => {
    const f = open();
    peak = 0;
    await Promise.all(Array.from({ length: 8 }, () => f.fetch({ url: `${base}/count` })));
    expect(peak).toBe(2);
    f.close();
  });
});

describe('private-address guard', () => {
  // A resolver that says "public.test" is a public address (it is really this test server) and
  // "evil.test" resolves to loopback: no real DNS involved.
  const lookup: LookupFn = (host, _o, cb) => {
    if (host === 'evil.test') return cb(null, [{ address: '127.0.0.1', family: 4 }]);
    if (host === 'public.test') return cb(null, [{ address: '93.184.215.14', family: 4 }]);
    return cb(Object.assign(new Error('not found'), { code: 'ENOTFOUND' }), '', 0);
  };
  const guarded = () => createFetcher({ userAgent: 't', timeoutMs: 1000, maxBytes: 1e6, perHost: 2, allowPrivate: false, lookup });

  it('refuses loopback in every notation, before connecting', async () => {
    const f = guarded();
    for (const host of ['127.0.0.1', '[::1]', '2130706433', '0177.0.0.1', '0x7f.0.0.1', '[::ffff:127.0.0.1]', '169.254.169.254', '10.1.2.3', '192.168.0.1', '0.0.0.0']) {
      await expect(f.fetch({ url: `http://${host}:${port}/etag` }), host).rejects.toMatchObject({ kind: 'blocked-address' });
    }
    const err = await f.fetch({ url: `http://127.0.0.1:${port}/etag` }).catch((e) => e);
    expect(err.message).toMatch(/loopback address \(set ALLOW_PRIVATE_FEEDS=true to allow\)/);
    f.close();
  });

  it('refuses a name that resolves to loopback, at connection time', async () => {
    const f = guarded();
    await expect(f.fetch({ url: `http://evil.test:${port}/etag` })).rejects.toMatchObject({ kind: 'blocked-address', message: expect.stringMatching(/evil\.test resolves to 127\.0\.0\.1/) });
    f.close();
  });

  it('checks every redirect hop: a trusted host cannot bounce the fetch to loopback', async () => {
    // intranet.test is trusted by the operator (allowHosts) and "resolves" to this test server;
    // it redirects to http://127.0.0.1/…, which must still be refused.
    const viaTrusted: LookupFn = (host, o, cb) => (host === 'intranet.test' ? cb(null, [{ address: '127.0.0.1', family: 4 }]) : lookup(host, o, cb));
    const f = createFetcher({ userAgent: 't', timeoutMs: 1000, maxBytes: 1e6, perHost: 2, allowPrivate: false, lookup: viaTrusted, allowHosts: ['intranet.test'] });
    expect((await f.fetch({ url: `http://intranet.test:${port}/etag` })).status).toBe('ok');
    const err = await f.fetch({ url: `http://intranet.test:${port}/to-loopback` }).catch((e) => e);
    expect(err).toMatchObject({ kind: 'blocked-address', message: expect.stringMatching(/127\.0\.0\.1/) });
    f.close();
  });

  it('allows private addresses per request when the operator does', async () => {
    const f = guarded();
    expect((await f.fetch({ url: `http://127.0.0.1:${port}/etag`, allowPrivate: true })).status).toBe('ok');
    f.close();
  });

  it('refuses non-http schemes and credentials', async () => {
    const f = guarded();
    await expect(f.fetch({ url: 'file:///etc/passwd' })).rejects.toMatchObject({ kind: 'invalid-url' });
    await expect(f.fetch({ url: 'http://user:pw@public.test/' })).rejects.toMatchObject({ kind: 'invalid-url' });
    f.close();
  });
});

describe('header helpers', () => {
  it('reads Retry-After and cache lifetimes', () => {
    const now = Date.parse('2026-11-24T09:00:00Z');
    expect(retryAfter('30', now)).toBe(30);
    expect(retryAfter('Tue, 24 Nov 2026 09:10:00 GMT', now)).toBe(600);
    expect(retryAfter('soon', now)).toBeUndefined();
    expect(maxAge({ 'cache-control': 'public, max-age=300, s-maxage=900' })).toBe(900);
    expect(maxAge({ 'cache-control': 'no-cache, max-age=300' })).toBeUndefined();
    expect(maxAge({ expires: 'Tue, 24 Nov 2026 10:00:00 GMT', date: 'Tue, 24 Nov 2026 09:00:00 GMT' })).toBe(3600);
  });
});
