// The polite, careful HTTP client for feeds and article pages: conditional
// GET, bounded redirects, timeouts, a size cap enforced while streaming (after
// decompression, so a gzip bomb stops at the cap), per-host limits, and the
// private-address guard on every connection.
import http from 'node:http';
import https from 'node:https';
import { PassThrough, type Readable } from 'node:stream';
import zlib from 'node:zlib';
import { BlockedAddressError, checkUrl, guardedLookup, type LookupFn } from './address-guard.ts';
import { HostLimiter } from './host-limiter.ts';
import { FetchError, type Fetcher, type FetcherOptions, type FetchRequest, type FetchResult } from './types.ts';

const FEED_ACCEPT = 'application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.5';

export function createFetcher(opts: FetcherOptions & { lookup?: LookupFn }): Fetcher & { close(): void } {
  const maxRedirects = opts.maxRedirects ?? 5;
  const limiter = new HostLimiter(opts.perHost);
  // Separate pools for guarded and allowed traffic, so a kept-alive socket to a
  // private address (the demo source) is never reused by a guarded request.
  const agents = {
    guarded: { http: new http.Agent({ keepAlive: true, maxSockets: 256 }), https: new https.Agent({ keepAlive: true, maxSockets: 256 }) },
    open: { http: new http.Agent({ keepAlive: true, maxSockets: 256 }), https: new https.Agent({ keepAlive: true, maxSockets: 256 }) },
  };
  const allowHosts = new Set((opts.allowHosts ?? []).map((h) => h.toLowerCase()));
  const lookups = { guarded: guardedLookup(opts.lookup, false, allowHosts), open: guardedLookup(opts.lookup, true) };

  async function fetchOnce(url: URL, req: FetchRequest, allowPrivate: boolean, deadline: number): Promise<{ res: http.IncomingMessage; body?: Buffer }> {
    const kind = allowPrivate ? 'open' : 'guarded';
    const isHttps = url.protocol === 'https:';
    const headers: Record<string, string> = {
      'user-agent': opts.userAgent,
      accept: req.accept ?? FEED_ACCEPT,
      'accept-encoding': 'gzip, deflate, br',
    };
    if (req.etag) headers['if-none-match'] = req.etag;
    if (req.lastModified) headers['if-modified-since'] = req.lastModified;
    const maxBytes = req.maxBytes ?? opts.maxBytes;

    return new Promise((resolve, reject) => {
      const remaining = deadline - Date.now();
      if (remaining <= 0) return reject(new FetchError('timeout', `timed out after ${req.timeoutMs ?? opts.timeoutMs} ms`, { url: url.href }));
      const request = (isHttps ? https : http).request(url, {
        method: 'GET',
        headers,
        agent: agents[kind][isHttps ? 'https' : 'http'],
        lookup: lookups[kind] as never,
        servername: isHttps ? url.hostname : undefined,
      });
      let settled = false;
      const fail = (err: Error) => {
        if (settled) return;
        settled = true;
        clearTimeout(total);
        clearTimeout(connect);
        request.destroy();
        reject(err);
      };
      const total = setTimeout(() => fail(new FetchError('timeout', `timed out after ${req.timeoutMs ?? opts.timeoutMs} ms`, { url: url.href })), remaining);
      const connect = setTimeout(
        () => fail(new FetchError('connect', `could not connect to ${url.host} within ${opts.connectTimeoutMs ?? 10_000} ms`, { url: url.href })),
        Math.min(opts.connectTimeoutMs ?? 10_000, remaining),
      );
      request.on('socket', (socket) => {
        if (!socket.connecting) clearTimeout(connect);
        else socket.once('connect', () => clearTimeout(connect));
      });
      req.signal?.addEventListener('abort', () => fail(new FetchError('network', 'aborted', { url: url.href })), { once: true });
      request.on('error', (err: NodeJS.ErrnoException) => fail(translateError(err, url)));
      request.on('response', (res) => {
        clearTimeout(connect);
        const status = res.statusCode ?? 0;
        if (status < 200 || status >= 300) {
          res.resume();
          settled = true;
          clearTimeout(total);
          return resolve({ res });
        }
        const declared = Number(res.headers['content-length']);
        const encoding = String(res.headers['content-encoding'] ?? '').toLowerCase().trim();
        if (!encoding && Number.isFinite(declared) && declared > maxBytes) return fail(tooLarge(maxBytes, url));
        let stream: Readable = res;
        try {
          stream = decoder(res, encoding);
        } catch (err) {
          return fail(err as Error);
        }
        const chunks: Buffer[] = [];
        let size = 0;
        stream.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxBytes) {
            fail(tooLarge(maxBytes, url));
            stream.destroy();
            res.destroy();
          } else chunks.push(chunk);
        });
        stream.on('error', (err: Error) => fail(new FetchError('decode', `could not decode ${encoding || 'the'} response: ${err.message}`, { url: url.href })));
        stream.on('end', () => {
          if (settled) return;
          settled = true;
          clearTimeout(total);
          resolve({ res, body: Buffer.concat(chunks, size) });
        });
        res.on('aborted', () => fail(new FetchError('network', 'connection closed before the response was complete', { url: url.href })));
      });
      request.end();
    });
  }

  async function doFetch(req: FetchRequest): Promise<FetchResult> {
    const started = performance.now();
    const deadline = Date.now() + (req.timeoutMs ?? opts.timeoutMs);
    const allowPrivate = opts.allowPrivate || req.allowPrivate === true;
    let url = guard(() => checkUrl(req.url, allowPrivate, allowHosts), req.url);
    const seen = new Set<string>([url.href]);
    let allPermanent = true;
    for (let hop = 0; ; hop++) {
      const { res, body } = await limiter.run(url.host, () => fetchOnce(url, hop === 0 ? req : { ...req, etag: null, lastModified: null }, allowPrivate, deadline));
      const status = res.statusCode ?? 0;
      const headers = flatHeaders(res.headers);
      const meta = {
        finalUrl: url.href,
        permanentUrl: hop > 0 && allPermanent ? url.href : undefined,
        httpStatus: status,
        etag: headers.etag,
        lastModified: headers['last-modified'],
        maxAgeS: maxAge(headers),
        headers,
        elapsedMs: performance.now() - started,
      };
      if (status >= 300 && status < 400 && status !== 304 && headers.location) {
        if (hop >= maxRedirects) throw new FetchError('too-many-redirects', `more than ${maxRedirects} redirects`, { url: url.href });
        const next = guard(() => checkUrl(new URL(headers.location!, url).href, allowPrivate, allowHosts), headers.location);
        if (seen.has(next.href)) throw new FetchError('too-many-redirects', `redirect loop at ${next.href}`, { url: url.href });
        seen.add(next.href);
        allPermanent &&= status === 301 || status === 308;
        url = next;
        continue;
      }
      if (status === 304) return { status: 'not-modified', ...meta };
      if (status >= 200 && status < 300 && body) {
        const contentType = headers['content-type'];
        const charset = /charset\s*=\s*"?([^";\s]+)/i.exec(contentType ?? '')?.[1]?.toLowerCase();
        return { status: 'ok', ...meta, body, contentType, charset };
      }
      throw new FetchError('http', `HTTP ${status}${res.statusMessage ? ` ${res.statusMessage}` : ''}`, {
        httpStatus: status,
        retryAfterS: retryAfter(headers['retry-after']),
        url: url.href,
      });
    }
  }

  return {
    fetch: doFetch,
    close() {
      for (const group of Object.values(agents)) {
        group.http.destroy();
        group.https.destroy();
      }
    },
  };
}

function guard(fn: () => URL, raw: string): URL {
  try {
    return fn();
  } catch (err) {
    if (err instanceof BlockedAddressError) throw new FetchError('blocked-address', err.message, { url: raw });
    throw new FetchError('invalid-url', (err as Error).message, { url: raw });
  }
}

function decoder(res: http.IncomingMessage, encoding: string): Readable {
  if (!encoding || encoding === 'identity') return res;
  if (encoding === 'gzip' || encoding === 'x-gzip') return res.pipe(zlib.createGunzip());
  if (encoding === 'br') return res.pipe(zlib.createBrotliDecompress());
  if (encoding === 'deflate') {
    // "deflate" is meant to be zlib-wrapped, but many servers send raw deflate: look at the first byte.
    const out = new PassThrough();
    let started = false;
    res.once('data', (first: Buffer) => {
      started = true;
      res.pause();
      const z = (first[0]! & 0x0f) === 8 ? zlib.createInflate() : zlib.createInflateRaw();
      z.on('error', (e) => out.destroy(e));
      z.write(first);
      res.pipe(z).pipe(out);
    });
    res.once('end', () => {
      if (!started) out.end();
    });
    return out;
  }
  throw new FetchError('decode', `unsupported content encoding "${encoding}"`);
}


function translateError(err: NodeJS.ErrnoException, url: URL): FetchError {
  if (err instanceof FetchError) return err;
  if (err instanceof BlockedAddressError) return new FetchError('blocked-address', err.message, { url: url.href });
  if (err.code === 'ENOTFOUND' || err.code === 'EAI_AGAIN') return new FetchError('dns', `cannot resolve ${url.hostname} (${err.code})`, { url: url.href });
  if (err.code === 'ECONNREFUSED') return new FetchError('connect', `connection refused by ${url.host}`, { url: url.href });
  if (err.code === 'ECONNRESET') return new FetchError('network', `connection reset by ${url.host}`, { url: url.href });
  if (err.code?.startsWith('ERR_TLS') || err.code?.includes('CERT')) return new FetchError('network', `TLS problem with ${url.host}: ${err.message}`, { url: url.href });
  return new FetchError('network', `${err.code ? `${err.code}: ` : ''}${err.message}`, { url: url.href });
}

function tooLarge(max: number, url: URL): FetchError {
  const mb = max >= 1024 * 1024 ? `${Math.round((max / 1024 / 1024) * 10) / 10} MB` : `${Math.round(max / 1024)} KB`;
  return new FetchError('too-large', `response larger than ${mb}`, { url: url.href });
}

function flatHeaders(h: http.IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

export function retryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const t = Date.parse(value);
  return Number.isFinite(t) ? Math.max(0, Math.round((t - now) / 1000)) : undefined;
}

export function maxAge(h: Record<string, string>, now = Date.now()): number | undefined {
  const cc = h['cache-control'] ?? '';
  if (/no-store|no-cache/i.test(cc)) return undefined;
  const m = /s-maxage\s*=\s*(\d+)/i.exec(cc) ?? /max-age\s*=\s*(\d+)/i.exec(cc);
  if (m) return Number(m[1]);
  if (h.expires) {
    const t = Date.parse(h.expires);
    const base = h.date ? Date.parse(h.date) : now;
    if (Number.isFinite(t) && Number.isFinite(base)) return Math.max(0, Math.round((t - base) / 1000));
  }
  return undefined;
}
