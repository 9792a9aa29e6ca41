// The private-address guard, end to end through the fetcher, against a real
// server on 127.0.0.1. No real DNS: an injected resolver plays the network.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LookupFn } from './address-guard.ts';
import { createFetcher } from './fetcher.ts';
import { startServer, type TestServer } from '../../test-support/http-server.ts';
import type { FetcherOptions } from './types.ts';

let srv: TestServer;
beforeAll(async () => {
  srv = await startServer((req, res) => {
    const target = new URL(req.url!, 'http://x').searchParams.get('to');
    if (target) return res.writeHead(302, { location: target.replace('PORT', String(srv.port)) }).end();
    res.writeHead(200, { 'content-type': 'application/rss+xml' }).end('<rss/>');
  });
});
afterAll(() => srv.close());

// evil.test is a public-looking name that resolves to loopback; intranet.test
// is a host the operator trusts (allowHosts), which also lives on loopback.
let lookups = 0;
const resolver: LookupFn = (host, _o, cb) => {
  lookups++;
  if (host === 'evil.test' || host === 'intranet.test') return cb(null, [{ address: '127.0.0.1', family: 4 }]);
  if (host === 'localhost')
    return cb(null, [
      { address: '::1', family: 6 },
      { address: '127.0.0.1', family: 4 },
    ]);
  if (host === 'public.test') return cb(null, [{ address: '93.184.215.14', family: 4 }]);
  cb(Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' }), '', 0);
};
const base: FetcherOptions = {
  userAgent: 't',
  timeoutMs: 1000,
  maxBytes: 1e6,
  perHost: 2,
  allowPrivate: false,
  lookup: resolver,
  allowHosts: ['intranet.test'],
};
const guarded = () => createFetcher(base);

describe('private-address guard', () => {
  it('refuses loopback and private literals in every notation, before connecting', async () => {
    const f = guarded();
    const before = srv.stats.connections;
    for (const host of [
      '127.0.0.1',
      '[::1]',
      '2130706433',
      '0177.0.0.1',
      '0x7f.0.0.1',
      '0x7f000001',
      '127.1',
      '[::ffff:127.0.0.1]',
      '169.254.169.254',
      '10.1.2.3',
      '192.168.0.1',
      '172.16.0.1',
      '100.64.0.1',
      '0.0.0.0',
      '[fd00::1]',
      '[fe80::1]',
    ]) {
      await expect(f.fetch({ url: `http://${host}:${srv.port}/` }), host).rejects.toMatchObject({
        kind: 'blocked-address',
      });
    }
    const err = await f.fetch({ url: `http://2130706433:${srv.port}/` }).catch((e) => e);
    expect(err.message).toBe('refused: 127.0.0.1 is a loopback address (set ALLOW_PRIVATE_FEEDS=true to allow)');
    expect(srv.stats.connections).toBe(before);
    f.close();
  });

  it('refuses a name that resolves to loopback, on the address it would connect to', async () => {
    const f = guarded();
    const before = { ...srv.stats };
    lookups = 0;
    const err = await f.fetch({ url: `http://evil.test:${srv.port}/` }).catch((e) => e);
    expect(err).toMatchObject({
      kind: 'blocked-address',
      message: 'refused: evil.test resolves to 127.0.0.1, a loopback address (set ALLOW_PRIVATE_FEEDS=true to allow)',
    });
    expect(lookups).toBe(1); // one answer, used for the check and the connection alike: nothing to rebind between them
    expect(srv.stats).toEqual(before);
    f.close();
  });

  it('refuses localhost through the system resolver', async () => {
    const f = createFetcher({ ...base, lookup: undefined });
    await expect(f.fetch({ url: `http://localhost:${srv.port}/` })).rejects.toMatchObject({
      kind: 'blocked-address',
      message: expect.stringMatching(/^refused: localhost resolves to/),
    });
    f.close();
  });

  it('checks every redirect hop: an allowed server cannot bounce the fetch to loopback', async () => {
    const f = guarded();
    expect((await f.fetch({ url: `http://intranet.test:${srv.port}/` })).status).toBe('ok'); // the first hop is allowed
    for (const to of [
      'http://127.0.0.1:PORT/',
      'http://[::1]:PORT/',
      'http://2130706433:PORT/',
      'http://[::ffff:7f00:1]:PORT/',
      'http://evil.test:PORT/',
      'http://localhost:PORT/',
    ]) {
      const before = srv.stats.requests;
      const err = await f
        .fetch({ url: `http://intranet.test:${srv.port}/?to=${encodeURIComponent(to)}` })
        .catch((e) => e);
      expect(err, to).toMatchObject({
        kind: 'blocked-address',
        message: expect.stringMatching(
          /^refused: \S+ (is|resolves to \S+,) a loopback address \(set ALLOW_PRIVATE_FEEDS=true to allow\)$/,
        ),
      });
      expect(srv.stats.requests - before, to).toBe(1); // only the redirecting request reached the server
    }
    f.close();
  });

  it('never lends a socket opened for an allowed request to a guarded one', async () => {
    const f = guarded();
    expect((await f.fetch({ url: `http://evil.test:${srv.port}/`, allowPrivate: true })).status).toBe('ok');
    await expect(f.fetch({ url: `http://evil.test:${srv.port}/` })).rejects.toMatchObject({ kind: 'blocked-address' });
    f.close();
  });

  it('allows private addresses per request, or for every request when the operator says so', async () => {
    const f = guarded();
    expect((await f.fetch({ url: `http://127.0.0.1:${srv.port}/`, allowPrivate: true })).status).toBe('ok');
    expect(
      (
        await f.fetch({
          url: `http://127.0.0.1:${srv.port}/?to=${encodeURIComponent('http://evil.test:PORT/')}`,
          allowPrivate: true,
        })
      ).status,
    ).toBe('ok');
    f.close();
    const all = createFetcher({ ...base, allowPrivate: true });
    expect((await all.fetch({ url: `http://evil.test:${srv.port}/` })).status).toBe('ok');
    all.close();
  });

  it('refuses non-http schemes and credentials', async () => {
    const f = guarded();
    await expect(f.fetch({ url: 'file:///etc/passwd' })).rejects.toMatchObject({
      kind: 'invalid-url',
      message: 'only http and https URLs can be fetched, not file:',
    });
    await expect(f.fetch({ url: 'http://user:pw@public.test/' })).rejects.toMatchObject({
      kind: 'invalid-url',
      message: expect.stringMatching(/user name or password/),
    });
    await expect(
      f.fetch({
        url: `http://127.0.0.1:${srv.port}/?to=${encodeURIComponent('file:///etc/passwd')}`,
        allowPrivate: true,
      }),
    ).rejects.toMatchObject({
      kind: 'invalid-url',
      message: expect.stringMatching(/^redirect from http:\/\/127\.0\.0\.1:\d+\/\?to=\S+ refused: only http and https/),
    });
    f.close();
  });
});
