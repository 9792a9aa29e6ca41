// Text responses are compressed for clients that accept it (brotli, else
// gzip), as browsers and Lighthouse expect of a site served without a proxy in
// front. Static files (streams) are left alone; so are small bodies.
//
// Pages many readers share (a visitor's front page or article, the lists) are
// the very same string on each request, so their compressed bytes are kept in
// a small memo: a shared page is compressed once per interval, not per
// request (built assets, the same Buffer each time, likewise). A body is memoised on its second sighting, so one-off pages (a
// member's, with their own form token) never push the shared ones out.
import crypto from 'node:crypto';
import zlib from 'node:zlib';
import type { FastifyInstance } from 'fastify';

export type Encoding = 'br' | 'gzip';

/** The encoding to answer with for an Accept-Encoding header: brotli, else gzip, else none (q=0 refuses). */
export function pickEncoding(header: string | undefined): Encoding | null {
  if (!header) return null;
  const q = new Map<string, number>();
  for (const part of header.toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    const qv = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = qv ? Number(qv.slice(2)) : 1;
    if (name) q.set(name, Number.isFinite(value) ? value : 0);
  }
  const accepts = (e: string) => (q.get(e) ?? q.get('*') ?? 0) > 0;
  return accepts('br') ? 'br' : accepts('gzip') ? 'gzip' : null;
}

const COMPRESSIBLE = /^(text\/|application\/(json|xml|rss\+xml|atom\+xml|javascript|manifest\+json)|image\/svg\+xml)/;

function compress(body: string | Buffer, encoding: Encoding): Buffer {
  return encoding === 'br'
    ? zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: Buffer.byteLength(body) } })
    : zlib.gzipSync(body, { level: 6 });
}

/**
 * Least recently stored first; a body enters on its second sighting. Bodies are
 * known by a digest, never kept or compared whole: long strings of one length
 * (a member's pages differ only by a token) would all share one hash bucket.
 */
class Memo {
  private readonly seen = new Set<string>();
  private readonly kept = new Map<string, Buffer>();
  private bytes = 0;
  constructor(private readonly maxBytes: number) {}

  get(body: string, encoding: Encoding): Buffer {
    const key = crypto.createHash('sha1').update(body).digest('base64');
    const hit = this.kept.get(key);
    if (hit) return hit;
    const out = compress(body, encoding);
    if (!this.seen.has(key)) {
      if (this.seen.size >= 4096) this.seen.clear();
      this.seen.add(key);
      return out;
    }
    this.seen.delete(key);
    this.kept.set(key, out);
    this.bytes += out.length;
    for (const [k, v] of this.kept) {
      if (this.bytes <= this.maxBytes) break;
      this.kept.delete(k);
      this.bytes -= v.length;
    }
    return out;
  }
}

export function compression(app: FastifyInstance, opts: { threshold?: number; memoBytes?: number } = {}): void {
  const threshold = opts.threshold ?? 1024;
  const memos: Record<Encoding, Memo> = { br: new Memo(opts.memoBytes ?? 8e6), gzip: new Memo(opts.memoBytes ?? 8e6) };
  // Built assets are the same Buffer objects on every request: compressed once each.
  const assets: Record<Encoding, WeakMap<Buffer, Buffer>> = { br: new WeakMap(), gzip: new WeakMap() };
  const ofBuffer = (body: Buffer, encoding: Encoding) => {
    let out = assets[encoding].get(body);
    if (!out) assets[encoding].set(body, (out = compress(body, encoding)));
    return out;
  };
  app.addHook('onSend', async (req, reply, payload) => {
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    if (reply.getHeader('content-encoding')) return payload;
    if (!COMPRESSIBLE.test(String(reply.getHeader('content-type') ?? ''))) return payload;
    if (Buffer.byteLength(payload) < threshold) return payload;
    const vary = String(reply.getHeader('vary') ?? '');
    if (!/accept-encoding/i.test(vary)) reply.header('vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
    const encoding = pickEncoding(req.headers['accept-encoding']);
    if (!encoding) return payload;
    reply.header('content-encoding', encoding);
    reply.removeHeader('content-length');
    // A strong validator names one byte sequence: the compressed body is another, so it becomes weak.
    const etag = reply.getHeader('etag');
    if (typeof etag === 'string' && !etag.startsWith('W/')) reply.header('etag', `W/${etag}`);
    return typeof payload === 'string' ? memos[encoding].get(payload, encoding) : ofBuffer(payload, encoding);
  });
}
