// Text responses are compressed for clients that accept it, as browsers and
// Lighthouse expect of a site served without a proxy in front. Small bodies
// and binary types are left alone.
//
// Pages many readers share (a visitor's front page or article, the lists) are
// the very same text on each request, so their compressed bytes are kept in a
// small memo: a shared page is compressed well (brotli) once per interval, not
// per request; built assets, the same Buffer each time, likewise. A body is
// kept from its second sighting. A page seen once (a member's, with its own
// form token) is compressed fast instead: brotli at quality 1 where the client
// takes brotli (every current browser), else gzip at level 1: on real news
// pages brotli 1 is the faster of the two at the same size; brotli 5, kept for
// shared pages, is slower again and smaller (measured in decision 0005).
import crypto from 'node:crypto';
import zlib from 'node:zlib';
import type { FastifyInstance } from 'fastify';

export type Encoding = 'br' | 'gzip';

/** The encodings an Accept-Encoding header allows, best first: brotli, gzip (q=0 refuses). */
export function acceptedEncodings(header: string | undefined): Encoding[] {
  if (!header) return [];
  const q = new Map<string, number>();
  for (const part of header.toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    const qv = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = qv ? Number(qv.slice(2)) : 1;
    if (name) q.set(name, Number.isFinite(value) ? value : 0);
  }
  const accepts = (e: string) => (q.get(e) ?? q.get('*') ?? 0) > 0;
  return (['br', 'gzip'] as const).filter(accepts);
}

/** The encoding to answer a shared page with: brotli, else gzip, else none. */
export const pickEncoding = (header: string | undefined): Encoding | null => acceptedEncodings(header)[0] ?? null;

const COMPRESSIBLE = /^(text\/|application\/(json|xml|rss\+xml|atom\+xml|javascript|manifest\+json)|image\/svg\+xml)/;

function compress(body: string | Buffer, encoding: Encoding, fast = false): Buffer {
  return encoding === 'br'
    ? zlib.brotliCompressSync(body, {
        params: {
          [zlib.constants.BROTLI_PARAM_QUALITY]: fast ? 1 : 5,
          [zlib.constants.BROTLI_PARAM_SIZE_HINT]: Buffer.byteLength(body),
        },
      })
    : zlib.gzipSync(body, { level: fast ? 1 : 6 });
}

/**
 * Least recently stored first; a body enters on its second sighting. Bodies are
 * known by a digest, never kept or compared whole: long strings of one length
 * (a member's pages differ only by a token) would all share one hash bucket.
 */
class Memo {
  private readonly seen = new Set<string>();
  private readonly kept = new Map<string, Buffer>(); // `${encoding}:${digest}` → bytes
  private bytes = 0;
  constructor(
    private readonly maxBytes: number,
    private readonly observe?: (hit: boolean) => void,
  ) {}

  /** The body compressed for a client accepting `accepted` (best first): kept bytes, or fast ones for a body seen once. */
  get(body: string, accepted: readonly Encoding[]): { encoding: Encoding; bytes: Buffer } {
    const best = accepted[0]!;
    const digest = crypto.createHash('sha1').update(body).digest('base64');
    const hit = this.kept.get(`${best}:${digest}`);
    this.observe?.(!!hit);
    if (hit) return { encoding: best, bytes: hit };
    if (!this.seen.has(digest)) {
      if (this.seen.size >= 4096) this.seen.clear();
      this.seen.add(digest);
      return { encoding: best, bytes: compress(body, best, true) };
    }
    const out = compress(body, best);
    this.kept.set(`${best}:${digest}`, out);
    this.bytes += out.length;
    for (const [k, v] of this.kept) {
      if (this.bytes <= this.maxBytes) break;
      this.kept.delete(k);
      this.bytes -= v.length;
    }
    return { encoding: best, bytes: out };
  }
}

/** Told of each lookup of compressed bytes: a text body (pages) or a built asset (assets), found kept or not. */
export type CompressionObserver = (cache: 'pages' | 'assets', hit: boolean) => void;

export function compression(
  app: FastifyInstance,
  opts: { threshold?: number; memoBytes?: number; observe?: CompressionObserver } = {},
): void {
  const threshold = opts.threshold ?? 1024;
  const observe = opts.observe;
  const memo = new Memo(opts.memoBytes ?? 16e6, observe && ((hit) => observe('pages', hit)));
  // Built assets are the same Buffer objects on every request: compressed once each.
  const assets: Record<Encoding, WeakMap<Buffer, Buffer>> = { br: new WeakMap(), gzip: new WeakMap() };
  const ofBuffer = (body: Buffer, encoding: Encoding) => {
    let out = assets[encoding].get(body);
    observe?.('assets', !!out);
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
    const accepted = acceptedEncodings(req.headers['accept-encoding']);
    if (accepted.length === 0) return payload;
    const out =
      typeof payload === 'string'
        ? memo.get(payload, accepted)
        : { encoding: accepted[0]!, bytes: ofBuffer(payload, accepted[0]!) };
    reply.header('content-encoding', out.encoding);
    reply.removeHeader('content-length');
    // A strong validator names one byte sequence: the compressed body is another, so it becomes weak.
    const etag = reply.getHeader('etag');
    if (typeof etag === 'string' && !etag.startsWith('W/')) reply.header('etag', `W/${etag}`);
    return out.bytes;
  });
}
