// HTTPS through the same fetcher: SNI with the feed's host name, the guard on
// the address connected to, and certificate errors in words. The certificate
// is made for the test with openssl; the suite is skipped where it is missing.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import net, { type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { TLSSocket } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LookupFn } from './address-guard.ts';
import { createFetcher } from './fetcher.ts';
import type { FetcherOptions } from './types.ts';

function makeCertificate(): { key: string; cert: string } | null {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-tls-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=feeds.test',
        '-addext',
        'subjectAltName=DNS:feeds.test,IP:127.0.0.1',
        '-keyout',
        path.join(dir, 'key.pem'),
        '-out',
        path.join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    return {
      key: fs.readFileSync(path.join(dir, 'key.pem'), 'utf8'),
      cert: fs.readFileSync(path.join(dir, 'cert.pem'), 'utf8'),
    };
  } catch {
    return null;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const tlsFiles = makeCertificate();
let server: https.Server;
let port: number;
let lastServername: string | false | null | undefined;
const lookup: LookupFn = (host, _o, cb) =>
  host === 'feeds.test'
    ? cb(null, [{ address: '127.0.0.1', family: 4 }])
    : cb(Object.assign(new Error('not found'), { code: 'ENOTFOUND' }), '', 0);

beforeAll(async () => {
  if (!tlsFiles) return;
  server = https.createServer(tlsFiles, (req, res) => {
    lastServername = (req.socket as TLSSocket).servername;
    res.writeHead(200, { 'content-type': 'application/atom+xml; charset=utf-8' }).end('<feed/>');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => {
  if (!server) return;
  server.closeAllConnections();
  return new Promise<void>((r) => server.close(() => r()));
});

describe.skipIf(!tlsFiles)('https', () => {
  const options = (): FetcherOptions => ({
    userAgent: 't',
    timeoutMs: 2000,
    maxBytes: 1e6,
    perHost: 2,
    allowPrivate: true,
    lookup,
    tlsCa: tlsFiles!.cert,
  });

  it('fetches over TLS, sending the host name for SNI', async () => {
    const f = createFetcher(options());
    const r = await f.fetch({ url: `https://feeds.test:${port}/feed` });
    expect(r).toMatchObject({ status: 'ok', charset: 'utf-8', finalUrl: `https://feeds.test:${port}/feed` });
    expect(lastServername).toBe('feeds.test');
    expect((await f.fetch({ url: `https://127.0.0.1:${port}/feed` })).status).toBe('ok'); // no SNI for an IP literal
    f.close();
  });

  it('applies the guard to HTTPS too', async () => {
    const f = createFetcher({ ...options(), allowPrivate: false });
    await expect(f.fetch({ url: `https://feeds.test:${port}/feed` })).rejects.toMatchObject({
      kind: 'blocked-address',
      message: expect.stringMatching(/feeds\.test resolves to 127\.0\.0\.1/),
    });
    f.close();
  });

  it('names an untrusted certificate', async () => {
    const f = createFetcher({ ...options(), tlsCa: undefined });
    await expect(f.fetch({ url: `https://feeds.test:${port}/feed` })).rejects.toMatchObject({
      kind: 'network',
      message: expect.stringMatching(/^TLS problem with feeds\.test:\d+: self[- ]signed certificate/),
    });
    f.close();
  });
});

it('counts the TLS handshake in the connect timeout', async () => {
  const silent = net.createServer((socket) => socket.resume()); // accepts TCP, reads the ClientHello, never answers
  await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
  const f = createFetcher({
    userAgent: 't',
    timeoutMs: 2000,
    connectTimeoutMs: 150,
    maxBytes: 1e6,
    perHost: 2,
    allowPrivate: true,
  });
  const url = `https://127.0.0.1:${(silent.address() as AddressInfo).port}/`;
  await expect(f.fetch({ url })).rejects.toMatchObject({
    kind: 'connect',
    message: expect.stringMatching(/within 150 ms$/),
  });
  f.close();
  await new Promise((r) => silent.close(r));
});
