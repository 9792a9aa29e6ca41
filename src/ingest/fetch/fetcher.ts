// The polite, careful HTTP client for feeds and article pages: conditional
// GET, bounded redirects, timeouts, a size cap enforced while streaming (after
// decompression, so a gzip bomb stops at the cap), per-host limits, and the
// private-address guard on every connection and every redirect hop.
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import type { Readable } from 'node:stream';
import tls from 'node:tls';
import { BlockedAddressError, checkUrl, guardedLookup, normaliseHost } from './address-guard.ts';
import { decodeContent } from './decompress.ts';
import { asFetchError, bodyError, httpError, tooLarge, translateError } from './fetch-errors.ts';
import { HostLimiter } from './host-limiter.ts';
import { contentCharset, flatHeaders, maxAge } from './response-headers.ts';
import {
  FetchError,
  type Fetcher,
  type FetcherOptions,
  type FetchRequest,
  type FetchResult,
  type LookupFn,
} from './types.ts';

export const FEED_ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml;q=0.9, application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.5';

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/** Error and redirect bodies are read (so the connection can be reused) only up to this much. */
const DISCARD_LIMIT = 64 * 1024;

interface Pool {
  http: http.Agent;
  https: https.Agent;
  lookup: LookupFn;
}

interface Attempt {
  url: URL;
  pool: Pool;
  headers: Record<string, string>;
  deadline: number;
  timeoutMs: number;
  connectTimeoutMs: number;
  maxBytes: number;
  signal?: AbortSignal;
}

interface Exchange {
  status: number;
  statusText: string;
  headers: Record<string, string>;
  body?: Buffer;
}

/** A kept-alive socket the server had already closed: worth exactly one retry on a fresh one. */
class StaleSocket extends Error {}

export function createFetcher(opts: FetcherOptions): Fetcher & { close(): void } {
  const maxRedirects = opts.maxRedirects ?? 5;
  const connectTimeoutMs = opts.connectTimeoutMs ?? 10_000;
  const limiter = new HostLimiter(opts.perHost);
  const allowHosts = new Set((opts.allowHosts ?? []).map(normaliseHost));
  // Separate pools for guarded and open traffic, so a kept-alive socket to a
  // private address (the demo source) is never reused by a guarded request.
  const pools = {
    guarded: makePool(guardedLookup(opts.lookup, false, allowHosts), opts.tlsCa),
    open: makePool(guardedLookup(opts.lookup, true), opts.tlsCa),
  };

  async function fetch(req: FetchRequest): Promise<FetchResult> {
    const started = performance.now();
    const allowPrivate = opts.allowPrivate || req.allowPrivate === true;
    const timeoutMs = req.timeoutMs ?? opts.timeoutMs;
    const maxBytes = req.maxBytes ?? opts.maxBytes;
    const pool = allowPrivate ? pools.open : pools.guarded;
    const headers = requestHeaders(opts.userAgent, req);
    let url = checked(req.url, undefined, allowPrivate, allowHosts);
    const seen = new Set([url.href]);
    let allPermanent = true;
    let deadline: number | undefined; // starts with the first request, not while queued behind other fetches from the host
    for (let hop = 0; ; hop++) {
      const target = url;
      const ex = await limiter
        .run(
          target.hostname,
          () =>
            exchange({
              url: target,
              pool,
              headers,
              deadline: (deadline ??= Date.now() + timeoutMs),
              timeoutMs,
              connectTimeoutMs,
              maxBytes,
              signal: req.signal,
            }),
          req.signal,
        )
        .catch((err: unknown) => Promise.reject(asFetchError(err, target)));
      const meta = {
        finalUrl: target.href,
        ...(hop > 0 && allPermanent ? { permanentUrl: target.href } : {}),
        httpStatus: ex.status,
        etag: ex.headers.etag,
        lastModified: ex.headers['last-modified'],
        maxAgeS: maxAge(ex.headers),
        headers: ex.headers,
        elapsedMs: Math.round(performance.now() - started),
      };
      if (REDIRECTS.has(ex.status) && ex.headers.location !== undefined) {
        if (hop >= maxRedirects)
          throw new FetchError(
            'too-many-redirects',
            `more than ${maxRedirects} redirects (gave up at ${target.href})`,
            { url: req.url },
          );
        const next = checked(ex.headers.location, target, allowPrivate, allowHosts);
        if (seen.has(next.href))
          throw new FetchError('too-many-redirects', `redirect loop: ${target.href} sends back to ${next.href}`, {
            url: req.url,
          });
        seen.add(next.href);
        allPermanent &&= ex.status === 301 || ex.status === 308;
        url = next;
        continue;
      }
      if (ex.status === 304) return { status: 'not-modified', ...meta };
      if (ex.status >= 200 && ex.status < 300) {
        const contentType = ex.headers['content-type'];
        return {
          status: 'ok',
          ...meta,
          body: ex.body ?? Buffer.alloc(0),
          contentType,
          charset: contentCharset(contentType),
        };
      }
      throw httpError(ex, target);
    }
  }

  return {
    fetch,
    close() {
      for (const pool of Object.values(pools)) {
        pool.http.destroy();
        pool.https.destroy();
      }
    },
  };
}

function makePool(lookup: LookupFn, tlsCa?: string | Buffer): Pool {
  // Agent options win over request options in Node, so every socket these
  // agents open goes through the guarded lookup. Idle sockets are closed after
  // 4 s, before the usual 5 s server keep-alive timeout can race us.
  const common = { keepAlive: true, maxSockets: 256, timeout: 4_000, lookup: lookup as never };
  return {
    http: new http.Agent(common),
    https: new https.Agent({ ...common, ...(tlsCa ? { ca: [...tls.rootCertificates, String(tlsCa)] } : {}) }),
    lookup,
  };
}

function requestHeaders(userAgent: string, req: FetchRequest): Record<string, string> {
  const headers: Record<string, string> = {
    'user-agent': userAgent,
    accept: req.accept ?? FEED_ACCEPT,
    'accept-encoding': 'gzip, deflate, br',
  };
  // Sent on every hop: when a feed answers through a temporary redirect, the
  // validators we stored belong to the URL at the end of it.
  if (req.etag) headers['if-none-match'] = req.etag;
  if (req.lastModified) headers['if-modified-since'] = req.lastModified;
  return headers;
}

function checked(location: string, base: URL | undefined, allowPrivate: boolean, allowHosts: ReadonlySet<string>): URL {
  try {
    const raw = base ? new URL(location, base).href : location;
    return checkUrl(raw, allowPrivate, allowHosts);
  } catch (err) {
    if (err instanceof BlockedAddressError) throw new FetchError('blocked-address', err.message, { url: location });
    const message = (err as Error).message;
    throw new FetchError('invalid-url', base ? `redirect from ${base.href} refused: ${message}` : message, {
      url: location,
    });
  }
}

function exchange(a: Attempt): Promise<Exchange> {
  return send(a, true).catch((err: unknown) => (err instanceof StaleSocket ? send(a, false) : Promise.reject(err)));
}

function send(a: Attempt, mayRetry: boolean): Promise<Exchange> {
  const { url } = a;
  return new Promise((resolve, reject) => {
    const remaining = a.deadline - Date.now();
    if (remaining <= 0)
      return reject(new FetchError('timeout', `timed out after ${a.timeoutMs} ms`, { url: url.href }));
    const isHttps = url.protocol === 'https:';
    const host = normaliseHost(url.hostname);
    const request = (isHttps ? https : http).request(url, {
      method: 'GET',
      headers: a.headers,
      agent: isHttps ? a.pool.https : a.pool.http,
      lookup: a.pool.lookup as never,
      ...(isHttps && !net.isIP(host) ? { servername: host } : {}),
    });
    let settled = false;
    let responded = false;
    const settle = () => {
      settled = true;
      clearTimeout(total);
      clearTimeout(connect);
      a.signal?.removeEventListener('abort', onAbort);
    };
    const fail = (err: Error) => {
      if (settled) return;
      settle();
      request.destroy();
      reject(err);
    };
    const succeed = (ex: Exchange) => {
      if (settled) return;
      settle();
      resolve(ex);
    };
    const total = setTimeout(
      () => fail(new FetchError('timeout', `timed out after ${a.timeoutMs} ms`, { url: url.href })),
      remaining,
    );
    const connectMs = Math.min(a.connectTimeoutMs, remaining);
    const connect = setTimeout(
      () =>
        fail(new FetchError('connect', `could not connect to ${url.host} within ${connectMs} ms`, { url: url.href })),
      connectMs,
    );
    const onAbort = () => fail(new FetchError('network', `fetch of ${url.href} was cancelled`, { url: url.href }));
    if (a.signal?.aborted) return onAbort();
    a.signal?.addEventListener('abort', onAbort, { once: true });

    request.on('socket', (socket) => {
      if (request.reusedSocket || (!isHttps && !socket.connecting)) clearTimeout(connect);
      else socket.once(isHttps ? 'secureConnect' : 'connect', () => clearTimeout(connect));
    });
    request.on('error', (err: NodeJS.ErrnoException) => {
      if (
        mayRetry &&
        !responded &&
        !settled &&
        request.reusedSocket &&
        (err.code === 'ECONNRESET' || err.code === 'EPIPE')
      ) {
        settle();
        return reject(new StaleSocket());
      }
      fail(translateError(err, url));
    });
    request.on('response', (res) => {
      responded = true;
      clearTimeout(connect);
      const status = res.statusCode ?? 0;
      const headers = flatHeaders(res.headers);
      const statusText = res.statusMessage || http.STATUS_CODES[status] || '';
      if (status < 200 || status >= 300) {
        discard(res);
        return succeed({ status, statusText, headers });
      }
      // Content-Length counts encoded bytes; a compressed body larger than the cap will not decode smaller.
      if (Number(headers['content-length']) > a.maxBytes) return fail(tooLarge(a.maxBytes, url));
      let body: Readable;
      try {
        body = decodeContent(res, headers['content-encoding'] ?? '');
      } catch (err) {
        return fail(new FetchError('decode', `${(err as Error).message} from ${url.host}`, { url: url.href }));
      }
      const chunks: Buffer[] = [];
      let size = 0;
      body.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size <= a.maxBytes) return void chunks.push(chunk);
        fail(tooLarge(a.maxBytes, url));
        body.destroy();
      });
      body.on('end', () => succeed({ status, statusText, headers, body: Buffer.concat(chunks, size) }));
      body.on('error', (err: NodeJS.ErrnoException) => fail(bodyError(err, url, headers['content-encoding'])));
      res.on('error', (err: NodeJS.ErrnoException) => fail(bodyError(err, url, undefined)));
      res.on('close', () => {
        if (!res.complete)
          fail(
            new FetchError('network', `${url.host} closed the connection before the response was complete`, {
              url: url.href,
            }),
          );
      });
    });
    request.end();
  });
}

/** Reads and drops a small error or redirect body so the connection can be reused; anything bigger or slower is cut off. */
function discard(res: http.IncomingMessage): void {
  let seen = 0;
  const timer = setTimeout(() => res.destroy(), 2_000);
  timer.unref();
  res.on('data', (chunk: Buffer) => {
    seen += chunk.length;
    if (seen > DISCARD_LIMIT) res.destroy();
  });
  res.on('error', () => {});
  res.on('close', () => clearTimeout(timer));
}
