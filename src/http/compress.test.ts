import zlib from 'node:zlib';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { compression, pickEncoding } from './compress.ts';

describe('pickEncoding', () => {
  it('prefers brotli, then gzip, and honours q=0', () => {
    expect(pickEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(pickEncoding('gzip, deflate')).toBe('gzip');
    expect(pickEncoding('br;q=0, gzip;q=0.5')).toBe('gzip');
    expect(pickEncoding('*')).toBe('br');
    expect(pickEncoding('identity')).toBeNull();
    expect(pickEncoding('gzip;q=0')).toBeNull();
    expect(pickEncoding(undefined)).toBeNull();
  });
});

describe('compressed responses', () => {
  const page = `<!doctype html><title>Harbour</title>${'<p>The harbour wall held through the night. '.repeat(200)}</p>`;
  const other = `${page}<p>Another page.</p>`;
  let app: FastifyInstance;
  afterEach(async () => app?.close());

  async function server() {
    const instance = Fastify();
    app = instance;
    compression(instance);
    app.get('/page', async (_req, reply) => reply.type('text/html; charset=utf-8').send(page));
    app.get('/other', async (_req, reply) => reply.type('text/html').send(other));
    app.get('/small', async (_req, reply) => reply.type('text/html').send('<p>tiny</p>'));
    app.get('/json', async () => ({
      items: Array.from({ length: 200 }, (_, i) => ({ id: i, title: 'Harbour wall' })),
    }));
    app.get('/png', async (_req, reply) => reply.type('image/png').send(Buffer.alloc(4096, 7)));
    app.get('/tagged', async (_req, reply) => reply.type('application/rss+xml').header('etag', '"v1"').send(page));
    return app;
  }

  it('sends brotli or gzip that decodes to the page, and says it varies', async () => {
    await server();
    for (const [accept, decode] of [
      ['br', zlib.brotliDecompressSync],
      ['gzip', zlib.gunzipSync],
    ] as const) {
      // three times: fast bytes the first time, then kept ones, all decoding to the page
      for (let i = 0; i < 3; i++) {
        const res = await app.inject({ url: '/page', headers: { 'accept-encoding': accept } });
        expect(res.headers['content-encoding']).toBe(accept);
        expect(res.headers.vary).toMatch(/Accept-Encoding/);
        expect(Number(res.headers['content-length'])).toBe(res.rawPayload.length);
        expect(res.rawPayload.length).toBeLessThan(Buffer.byteLength(page) / 5);
        expect(decode(res.rawPayload).toString()).toBe(page);
      }
    }
  });

  it('answers a page seen once with fast brotli (gzip for a gzip-only client), and a shared page with kept brotli', async () => {
    await server();
    const browser = { 'accept-encoding': 'gzip, deflate, br' };
    const first = await app.inject({ url: '/page', headers: browser });
    expect(first.headers['content-encoding']).toBe('br');
    expect(zlib.brotliDecompressSync(first.rawPayload).toString()).toBe(page);
    const kept: Buffer[] = [];
    for (let i = 0; i < 2; i++) {
      const again = await app.inject({ url: '/page', headers: browser });
      expect(again.headers['content-encoding']).toBe('br');
      expect(zlib.brotliDecompressSync(again.rawPayload).toString()).toBe(page);
      kept.push(again.rawPayload);
    }
    // Kept from the second sighting: the very same bytes after that.
    expect(kept[1]!.equals(kept[0]!)).toBe(true);
    const gzipOnly = await app.inject({ url: '/other', headers: { 'accept-encoding': 'gzip' } });
    expect(gzipOnly.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gzipOnly.rawPayload).toString()).toBe(other);
  });

  it('leaves alone clients that accept no compression, small bodies and binary types', async () => {
    await server();
    const plain = await app.inject({ url: '/page' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(page);
    expect(plain.headers.vary).toMatch(/Accept-Encoding/);
    expect(
      (await app.inject({ url: '/small', headers: { 'accept-encoding': 'br' } })).headers['content-encoding'],
    ).toBeUndefined();
    expect(
      (await app.inject({ url: '/png', headers: { 'accept-encoding': 'br' } })).headers['content-encoding'],
    ).toBeUndefined();
    // A strong validator weakens when the body is compressed; a HEAD answers as its GET would.
    expect((await app.inject({ url: '/tagged', headers: { 'accept-encoding': 'gzip' } })).headers.etag).toBe('W/"v1"');
    expect((await app.inject({ url: '/tagged' })).headers.etag).toBe('"v1"');
    const head = await app.inject({ method: 'HEAD', url: '/page', headers: { 'accept-encoding': 'br' } });
    expect(head.headers['content-encoding']).toBe('br');
    const json = await app.inject({ url: '/json', headers: { 'accept-encoding': 'gzip' } });
    expect(json.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(zlib.gunzipSync(json.rawPayload).toString()).items).toHaveLength(200);
  });
});
