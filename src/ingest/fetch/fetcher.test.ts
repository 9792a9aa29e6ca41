import type http from 'node:http';
import net from 'node:net';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFetcher, FEED_ACCEPT } from './fetcher.ts';
import { startServer, type TestServer } from '../../test-support/http-server.ts';
import { FetchError, type FetcherOptions } from './types.ts';

const body = '<rss version="2.0"><channel><title>Test</title></channel></rss>';
const MB = 1024 * 1024;
const bomb = zlib.gzipSync(Buffer.alloc(50 * MB)); // ~50 KB on the wire, 50 MB decoded
let srv: TestServer;
let lastHeaders: http.IncomingHttpHeaders = {};
let concurrent = 0;
let peak = 0;
/** 64 KB chunks the /big-streamed handler managed to write before the client hung up. */
let streamedChunks = 0;

beforeAll(async () => {
  srv = await startServer((req, res) => {
    const p = new URL(req.url!, 'http://x').pathname;
    lastHeaders = req.headers;
    if (p === '/etag') {
      if (req.headers['if-none-match'] === '"v1"') return res.writeHead(304, { etag: '"v1"' }).end();
      return res
        .writeHead(200, {
          etag: '"v1"',
          'content-type': 'application/rss+xml; charset=ISO-8859-1',
          'cache-control': 'max-age=600',
        })
        .end(body);
    }
    if (p === '/lastmod') {
      const lm = 'Mon, 23 Nov 2026 08:00:00 GMT';
      if (req.headers['if-modified-since'] === lm) return res.writeHead(304).end();
      return res
        .writeHead(200, {
          'last-modified': lm,
          expires: 'Mon, 23 Nov 2026 09:00:00 GMT',
          date: 'Mon, 23 Nov 2026 08:30:00 GMT',
        })
        .end(body);
    }
    if (p === '/wrong-charset')
      return res
        .writeHead(200, { 'content-type': 'text/xml; charset="UTF-8"' })
        .end(Buffer.from('<a>caf\xe9</a>', 'latin1'));
    const redirect = /^\/r(301|302|303|307|308)\/(.*)$/.exec(p);
    if (redirect) return res.writeHead(Number(redirect[1]), { location: `/${redirect[2]}` }).end('moved');
    if (p === '/loop') return res.writeHead(301, { location: '/loop2' }).end();
    if (p === '/loop2') return res.writeHead(301, { location: `${srv.base}/loop` }).end();
    if (p === '/no-location') return res.writeHead(302).end();
    if (p === '/to-ftp') return res.writeHead(302, { location: 'ftp://example.org/feed' }).end();
    const chain = /^\/chain\/(\d+)$/.exec(p);
    if (chain)
      return Number(chain[1]) === 0
        ? res.end(body)
        : res.writeHead(302, { location: `/chain/${Number(chain[1]) - 1}` }).end();
    if (p === '/gzip') return res.writeHead(200, { 'content-encoding': 'gzip' }).end(zlib.gzipSync(body));
    if (p === '/deflate') return res.writeHead(200, { 'content-encoding': 'deflate' }).end(zlib.deflateSync(body));
    if (p === '/rawdeflate')
      return res.writeHead(200, { 'content-encoding': 'deflate' }).end(zlib.deflateRawSync(body));
    if (p === '/br')
      return res.writeHead(200, { 'content-encoding': 'br' }).end(zlib.brotliCompressSync(Buffer.from(body)));
    if (p === '/empty-deflate') return res.writeHead(200, { 'content-encoding': 'deflate' }).end();
    if (p === '/truncated-gzip')
      return res.writeHead(200, { 'content-encoding': 'gzip' }).end(zlib.gzipSync(body).subarray(0, -8));
    if (p === '/corrupt-gzip')
      return res.writeHead(200, { 'content-encoding': 'gzip' }).end(Buffer.from('this is not gzip at all'));
    if (p === '/zstd') return res.writeHead(200, { 'content-encoding': 'zstd' }).end('xx');
    if (p === '/bomb') return res.writeHead(200, { 'content-encoding': 'gzip' }).end(bomb);
    if (p === '/exactly-cap') return res.end(Buffer.alloc(MB, 'x'));
    if (p === '/big-declared') {
      res.writeHead(200, { 'content-length': String(100 * MB) });
      return res.write(Buffer.alloc(1024)); // and then nothing: the header alone must be enough to refuse
    }
    if (p === '/big-streamed') {
      res.writeHead(200); // chunked, no length: only counting can stop it
      const chunk = Buffer.alloc(64 * 1024, 'x');
      streamedChunks = 0;
      const pump = () => {
        while (streamedChunks < 1000 && !res.destroyed) {
          streamedChunks++;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        if (!res.destroyed) res.end();
      };
      return pump();
    }
    if (p === '/slow') {
      res.writeHead(200);
      res.write('<rss>');
      const t = setTimeout(() => res.end('</rss>'), 3000);
      return res.on('close', () => clearTimeout(t));
    }
    if (p === '/silent') return; // accepts the request, never answers
    if (p === '/cut') {
      res.writeHead(200, { 'content-length': '1000' });
      res.write('<rss>');
      return setTimeout(() => res.destroy(), 20);
    }
    if (p === '/429') return res.writeHead(429, { 'retry-after': '120' }).end('slow down');
    if (p === '/503') return res.writeHead(503, { 'retry-after': new Date(Date.now() + 600_000).toUTCString() }).end();
    if (p === '/500') return res.writeHead(500).end();
    if (p === '/404') return res.writeHead(404).end('<h1>not here</h1>');
    if (p === '/count') {
      concurrent++;
      peak = Math.max(peak, concurrent);
      return setTimeout(() => {
        concurrent--;
        res.end(body);
      }, 50);
    }
    res.writeHead(404).end();
  });
});
afterAll(() => srv.close());

const options: FetcherOptions = {
  userAgent: 'Masthead-test/1.0 (+http://example.org)',
  timeoutMs: 1500,
  maxBytes: MB,
  perHost: 2,
  allowPrivate: true,
};
const open = (extra: Partial<FetcherOptions> = {}) => createFetcher({ ...options, ...extra });
const failure = (p: Promise<unknown>) =>
  p.then(
    () => expect.fail('expected a FetchError'),
    (e: unknown) => e as FetchError,
  );

describe('conditional GET and response metadata', () => {
  it('sends User-Agent, feed Accept and Accept-Encoding; 200 with ETag, then 304', async () => {
    const f = open();
    const first = await f.fetch({ url: `${srv.base}/etag` });
    expect(lastHeaders).toMatchObject({
      'user-agent': options.userAgent,
      accept: FEED_ACCEPT,
      'accept-encoding': 'gzip, deflate, br',
    });
    expect(lastHeaders['if-none-match']).toBeUndefined();
    expect(first).toMatchObject({
      status: 'ok',
      etag: '"v1"',
      charset: 'iso-8859-1',
      contentType: 'application/rss+xml; charset=ISO-8859-1',
      maxAgeS: 600,
      httpStatus: 200,
      finalUrl: `${srv.base}/etag`,
    });
    expect(first.status === 'ok' && first.body.toString()).toBe(body);
    expect(first.permanentUrl).toBeUndefined();
    expect(first.elapsedMs).toBeGreaterThanOrEqual(0);
    const second = await f.fetch({ url: `${srv.base}/etag`, etag: '"v1"' });
    expect(lastHeaders['if-none-match']).toBe('"v1"');
    expect(second).toMatchObject({ status: 'not-modified', httpStatus: 304, etag: '"v1"' });
    f.close();
  });

  it('sends If-Modified-Since from Last-Modified and reads Expires against Date', async () => {
    const f = open();
    const first = await f.fetch({ url: `${srv.base}/lastmod` });
    expect(first).toMatchObject({ status: 'ok', lastModified: 'Mon, 23 Nov 2026 08:00:00 GMT', maxAgeS: 1800 });
    expect(await f.fetch({ url: `${srv.base}/lastmod`, lastModified: first.lastModified })).toMatchObject({
      status: 'not-modified',
    });
    expect(lastHeaders['if-modified-since']).toBe('Mon, 23 Nov 2026 08:00:00 GMT');
    f.close();
  });

  it('passes a wrong charset parameter through untouched, bytes as sent', async () => {
    const f = open();
    const r = await f.fetch({ url: `${srv.base}/wrong-charset`, accept: 'text/xml' });
    expect(lastHeaders.accept).toBe('text/xml');
    expect(r).toMatchObject({ status: 'ok', charset: 'utf-8' });
    expect(r.status === 'ok' && r.body.toString('latin1')).toBe('<a>caf\xe9</a>');
    f.close();
  });

  it('reuses kept-alive connections', async () => {
    const f = open({ perHost: 1 });
    const before = srv.stats.connections;
    for (let i = 0; i < 3; i++) await f.fetch({ url: `${srv.base}/etag` });
    await f.fetch({ url: `${srv.base}/404` }).catch(() => null); // a small error body is drained, the socket kept
    await f.fetch({ url: `${srv.base}/etag` });
    expect(srv.stats.connections - before).toBe(1);
    f.close();
  });
});

describe('redirects', () => {
  it('follows 301, 302, 303, 307 and 308', async () => {
    const f = open();
    for (const code of [301, 302, 303, 307, 308]) {
      const r = await f.fetch({ url: `${srv.base}/r${code}/etag` });
      expect(r, String(code)).toMatchObject({ status: 'ok', finalUrl: `${srv.base}/etag`, httpStatus: 200 });
    }
    f.close();
  });

  it('reports permanentUrl only when every hop was permanent', async () => {
    const f = open();
    expect(await f.fetch({ url: `${srv.base}/r301/r308/etag` })).toMatchObject({
      permanentUrl: `${srv.base}/etag`,
      finalUrl: `${srv.base}/etag`,
    });
    expect((await f.fetch({ url: `${srv.base}/r301/r302/etag` })).permanentUrl).toBeUndefined();
    expect((await f.fetch({ url: `${srv.base}/r302/r301/etag` })).permanentUrl).toBeUndefined();
    expect((await f.fetch({ url: `${srv.base}/r307/etag` })).permanentUrl).toBeUndefined();
    f.close();
  });

  it('carries the validators through a redirect to a 304', async () => {
    const f = open();
    expect(await f.fetch({ url: `${srv.base}/r302/etag`, etag: '"v1"' })).toMatchObject({
      status: 'not-modified',
      finalUrl: `${srv.base}/etag`,
    });
    f.close();
  });

  it('stops loops and chains longer than five', async () => {
    const f = open();
    const loop = await failure(f.fetch({ url: `${srv.base}/loop` }));
    expect(loop).toMatchObject({
      kind: 'too-many-redirects',
      message: `redirect loop: ${srv.base}/loop2 sends back to ${srv.base}/loop`,
    });
    expect((await f.fetch({ url: `${srv.base}/chain/5` })).status).toBe('ok');
    const chain = await failure(f.fetch({ url: `${srv.base}/chain/6` }));
    expect(chain).toMatchObject({
      kind: 'too-many-redirects',
      message: expect.stringMatching(/^more than 5 redirects/),
    });
    expect((await f.fetch({ url: `${srv.base}/chain/2` }).catch((e) => e)).status).toBe('ok');
    const short = createFetcher({ ...options, maxRedirects: 1 });
    await expect(short.fetch({ url: `${srv.base}/chain/2` })).rejects.toThrow(/more than 1 redirects/);
    short.close();
    f.close();
  });

  it('refuses a redirect without Location or to another scheme', async () => {
    const f = open();
    await expect(f.fetch({ url: `${srv.base}/no-location` })).rejects.toMatchObject({
      kind: 'http',
      info: { httpStatus: 302 },
    });
    await expect(f.fetch({ url: `${srv.base}/to-ftp` })).rejects.toMatchObject({
      kind: 'invalid-url',
      message: expect.stringMatching(/only http and https/),
    });
    f.close();
  });
});

describe('bodies', () => {
  it('decompresses gzip, deflate (zlib and raw) and brotli', async () => {
    const f = open();
    for (const p of ['gzip', 'deflate', 'rawdeflate', 'br']) {
      const r = await f.fetch({ url: `${srv.base}/${p}` });
      expect(r.status === 'ok' && r.body.toString(), p).toBe(body);
    }
    const empty = await f.fetch({ url: `${srv.base}/empty-deflate` });
    expect(empty.status === 'ok' && empty.body.length).toBe(0);
    f.close();
  });

  it('keeps what arrived of a truncated gzip, and names bad or unknown encodings', async () => {
    const f = open();
    const r = await f.fetch({ url: `${srv.base}/truncated-gzip` });
    expect(r.status === 'ok' && r.body.toString()).toBe(body);
    await expect(f.fetch({ url: `${srv.base}/corrupt-gzip` })).rejects.toMatchObject({
      kind: 'decode',
      message: expect.stringMatching(/could not decode the gzip response/),
    });
    await expect(f.fetch({ url: `${srv.base}/zstd` })).rejects.toMatchObject({
      kind: 'decode',
      message: expect.stringMatching(/unsupported content encoding "zstd"/),
    });
    f.close();
  });

  it('refuses a declared Content-Length above the cap at once', async () => {
    const f = open();
    const t = Date.now();
    const err = await failure(f.fetch({ url: `${srv.base}/big-declared` }));
    expect(err).toMatchObject({ kind: 'too-large', message: 'response larger than 1 MB' });
    expect(Date.now() - t).toBeLessThan(1200); // the body never completes: only the header can have refused it
    f.close();
  });

  it('stops a streamed body at the cap without reading the rest', async () => {
    const f = open();
    expect((await f.fetch({ url: `${srv.base}/exactly-cap` })).status).toBe('ok');
    await expect(f.fetch({ url: `${srv.base}/big-streamed` })).rejects.toMatchObject({ kind: 'too-large' });
    await new Promise((r) => setTimeout(r, 100));
    expect(streamedChunks).toBeGreaterThan(16); // it did send more than the 1 MB cap…
    expect(streamedChunks).toBeLessThan(300); // …but of 1000 × 64 KB most were never read: the server was cut off
    f.close();
  });

  it('stops a gzip bomb at the cap', async () => {
    const f = open();
    const before = process.memoryUsage().arrayBuffers;
    const err = await failure(f.fetch({ url: `${srv.base}/bomb` }));
    expect(err).toMatchObject({ kind: 'too-large', message: 'response larger than 1 MB' });
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(20 * MB);
    const small = createFetcher({ ...options, maxBytes: 1000 });
    await expect(small.fetch({ url: `${srv.base}/bomb` })).rejects.toThrow('response larger than 1000 bytes');
    small.close();
    f.close();
  });

  it('reports a connection lost mid-body', async () => {
    const f = open();
    await expect(f.fetch({ url: `${srv.base}/cut` })).rejects.toMatchObject({
      kind: 'network',
      message: expect.stringMatching(/closed the connection before the response was complete/),
    });
    f.close();
  });
});

describe('timeouts and failures', () => {
  it('times out a slow body and a server that never answers', async () => {
    const f = open();
    let t = Date.now();
    await expect(f.fetch({ url: `${srv.base}/slow`, timeoutMs: 300 })).rejects.toMatchObject({
      kind: 'timeout',
      message: 'timed out after 300 ms',
    });
    expect(Date.now() - t).toBeLessThan(1000);
    t = Date.now();
    await expect(f.fetch({ url: `${srv.base}/silent` })).rejects.toMatchObject({
      kind: 'timeout',
      message: 'timed out after 1500 ms',
    });
    expect(Date.now() - t).toBeLessThan(2500);
    f.close();
  });

  it('gives up on a connection that does not open within the connect timeout', async () => {
    const f = createFetcher({ ...options, connectTimeoutMs: 100, lookup: () => {} }); // a resolver that never answers
    const t = Date.now();
    await expect(f.fetch({ url: `http://hang.test:${srv.port}/etag` })).rejects.toMatchObject({
      kind: 'connect',
      message: `could not connect to hang.test:${srv.port} within 100 ms`,
    });
    expect(Date.now() - t).toBeLessThan(1000);
    f.close();
  });

  it('names refused connections and unknown hosts', async () => {
    const closed = net.createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as net.AddressInfo).port;
    await new Promise((r) => closed.close(r));
    const f = createFetcher({
      ...options,
      lookup: (_h, _o, cb) => cb(Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' }), '', 0),
    });
    await expect(f.fetch({ url: `http://127.0.0.1:${port}/` })).rejects.toMatchObject({
      kind: 'connect',
      message: `connection refused by 127.0.0.1:${port}`,
    });
    await expect(f.fetch({ url: 'http://no-such-host.test/' })).rejects.toMatchObject({
      kind: 'dns',
      message: 'cannot resolve no-such-host.test (ENOTFOUND)',
    });
    await expect(f.fetch({ url: 'not a url' })).rejects.toMatchObject({ kind: 'invalid-url' });
    f.close();
  });

  it('can be cancelled with an AbortSignal', async () => {
    const f = open();
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 50);
    await expect(f.fetch({ url: `${srv.base}/slow`, signal: ac.signal })).rejects.toMatchObject({
      kind: 'network',
      message: expect.stringMatching(/cancelled/),
    });
    await expect(f.fetch({ url: `${srv.base}/etag`, signal: AbortSignal.abort() })).rejects.toMatchObject({
      kind: 'network',
    });
    f.close();
  });

  it('reports HTTP errors with status and Retry-After for back-off', async () => {
    const f = open();
    const tooMany = await failure(f.fetch({ url: `${srv.base}/429` }));
    expect(tooMany).toBeInstanceOf(FetchError);
    expect(tooMany).toMatchObject({
      kind: 'http',
      message: 'HTTP 429 Too Many Requests (retry after 120 s)',
      info: { httpStatus: 429, retryAfterS: 120 },
    });
    const unavailable = await failure(f.fetch({ url: `${srv.base}/503` }));
    expect(unavailable.info.httpStatus).toBe(503);
    expect(unavailable.info.retryAfterS).toBeGreaterThan(590);
    expect(unavailable.info.retryAfterS).toBeLessThanOrEqual(600);
    const server = await failure(f.fetch({ url: `${srv.base}/500` }));
    expect(server).toMatchObject({
      kind: 'http',
      message: 'HTTP 500 Internal Server Error',
      info: { httpStatus: 500 },
    });
    expect(server.info.retryAfterS).toBeUndefined();
    await expect(f.fetch({ url: `${srv.base}/404` })).rejects.toMatchObject({
      kind: 'http',
      message: 'HTTP 404 Not Found',
      info: { httpStatus: 404 },
    });
    f.close();
  });
});

describe('politeness', () => {
  it('keeps to the per-host concurrency limit', async () => {
    const f = open({ perHost: 2 });
    peak = 0;
    const results = await Promise.all(Array.from({ length: 8 }, () => f.fetch({ url: `${srv.base}/count` })));
    expect(results.every((r) => r.status === 'ok')).toBe(true);
    expect(peak).toBe(2);
    f.close();
  });

  it('does not count time queued behind the host limit against the timeout', async () => {
    const f = open({ perHost: 1, timeoutMs: 250 });
    const results = await Promise.all(Array.from({ length: 8 }, () => f.fetch({ url: `${srv.base}/count` }))); // ~400 ms in all
    expect(results.map((r) => r.status)).toEqual(Array(8).fill('ok'));
    f.close();
  });

  it('retries once when a kept-alive socket turns out to be closed', async () => {
    // A raw server that answers the first request on each connection and hangs up on the second.
    let connections = 0;
    const raw = net.createServer((socket) => {
      connections++;
      let requests = 0;
      socket.on('data', (d) => {
        requests += d.toString().split('\r\n\r\n').length - 1;
        if (requests === 1) socket.write('HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: keep-alive\r\n\r\nok');
        else socket.destroy();
      });
    });
    await new Promise<void>((r) => raw.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(raw.address() as net.AddressInfo).port}/`;
    const f = open();
    expect((await f.fetch({ url })).status).toBe('ok');
    const again = await f.fetch({ url });
    expect(again.status === 'ok' && again.body.toString()).toBe('ok');
    expect(connections).toBe(2);
    f.close();
    await new Promise((r) => raw.close(r));
  });
});
