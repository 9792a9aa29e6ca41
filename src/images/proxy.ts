// The image proxy's work for one request: the resized copy from the disk
// cache, or else fetch the publisher's file (through the feeds' fetcher, with
// its private-address guard, size cap and timeouts), check it is a real
// picture, resize, store, answer. Requests for the same picture and width
// while it is being made wait for that one making; a picture that failed is
// remembered for a few minutes, so a broken image on a busy page is not
// fetched again by every reader. The pictures served most lately are also
// kept in memory (a few tens of MB), so a busy page's pictures skip the disk.
import { FetchError, type Fetcher } from '../ingest/fetch/types.ts';
import { HostLimiter } from '../ingest/fetch/host-limiter.ts';
import { imageKey, ImageDiskCache, type CachedImage } from './disk-cache.ts';
import { ImageRefused, toWebp } from './transform.ts';

export const IMAGE_ACCEPT = 'image/avif,image/webp,image/png,image/jpeg,image/gif;q=0.9,*/*;q=0.1';

export interface ImageProxyOptions {
  fetcher: Fetcher;
  /** DATA_DIR/images */
  cacheDir: string;
  /** Largest publisher file we download. */
  maxBytes?: number;
  /** Largest canvas we decode (width × height). */
  maxPixels?: number;
  timeoutMs?: number;
  /** Resizes at once in this process. */
  transforms?: number;
  now?: () => number;
}

export type ImageAnswer =
  { ok: true; image: CachedImage; cached: boolean } | { ok: false; status: number; message: string };

export interface ImageProxy {
  get(url: string, width: number): Promise<ImageAnswer>;
  /** Publisher fetches made so far (for tests and the bench). */
  readonly fetches: number;
}

const FAILURE_TTL_MS = 5 * 60_000;
const SOURCE_TTL_MS = 10 * 60_000;
const SOURCE_MEMO_BYTES = 64 * 1024 * 1024;
const MEMO_ENTRIES = 2_000;
const HOT_BYTES = 32 * 1024 * 1024;

export function createImageProxy(opts: ImageProxyOptions): ImageProxy {
  const now = opts.now ?? Date.now;
  const cache = new ImageDiskCache(opts.cacheDir);
  const maxBytes = opts.maxBytes ?? 10 * 1024 * 1024;
  const limits = { maxPixels: opts.maxPixels ?? 40_000_000 };
  const transforms = new HostLimiter(opts.transforms ?? 2);
  const making = new Map<string, Promise<ImageAnswer>>();
  const downloading = new Map<string, Promise<Buffer>>();
  const failures = new Map<string, { at: number; answer: ImageAnswer }>();
  // Publisher files just fetched, so the other widths of a srcset are made without fetching again.
  const sources = new Map<string, { at: number; body: Buffer }>();
  let sourceBytes = 0;
  // Most recently served first out last: a Map keeps insertion order, and a hit is moved to the end.
  const hot = new Map<string, CachedImage>();
  let hotBytes = 0;
  let fetches = 0;
  void cache.sweepTemporary(now()).catch(() => undefined);

  async function download(url: string): Promise<Buffer> {
    const kept = sources.get(url);
    if (kept && now() - kept.at < SOURCE_TTL_MS) return kept.body;
    fetches++;
    const res = await opts.fetcher.fetch({ url, accept: IMAGE_ACCEPT, maxBytes, timeoutMs: opts.timeoutMs });
    if (res.status !== 'ok') throw new FetchError('http', `unexpected ${res.httpStatus} for an unconditional request`);
    remember(url, res.body);
    return res.body;
  }

  function remember(url: string, body: Buffer): void {
    for (const [k, v] of sources) {
      if (sourceBytes + body.length <= SOURCE_MEMO_BYTES && now() - v.at < SOURCE_TTL_MS) break;
      sources.delete(k);
      sourceBytes -= v.body.length;
    }
    if (body.length > SOURCE_MEMO_BYTES / 4) return;
    sources.set(url, { at: now(), body });
    sourceBytes += body.length;
  }

  function keepHot(id: string, image: CachedImage): void {
    if (image.body.length > HOT_BYTES / 16) return;
    hot.set(id, image);
    hotBytes += image.body.length;
    for (const [k, v] of hot) {
      if (hotBytes <= HOT_BYTES) break;
      hot.delete(k);
      hotBytes -= v.body.length;
    }
  }

  async function make(url: string, key: string, width: number): Promise<ImageAnswer> {
    try {
      let pending = downloading.get(url);
      if (!pending) {
        pending = download(url).finally(() => downloading.delete(url));
        downloading.set(url, pending);
      }
      const source = await pending;
      const webp = await transforms.run('sharp', () => toWebp(source, width, limits));
      return { ok: true, image: await cache.write(key, width, webp), cached: false };
    } catch (err) {
      const answer = refusal(err);
      if (failures.size >= MEMO_ENTRIES) failures.clear();
      failures.set(url, { at: now(), answer });
      return answer;
    }
  }

  return {
    get fetches() {
      return fetches;
    },
    async get(url, width) {
      const id = `${width}:${url}`;
      const warm = hot.get(id);
      if (warm) {
        hot.delete(id);
        hot.set(id, warm);
        return { ok: true, image: warm, cached: true };
      }
      const key = imageKey(url);
      const hit = await cache.read(key, width);
      if (hit) {
        keepHot(id, hit);
        return { ok: true, image: hit, cached: true };
      }
      const failed = failures.get(url);
      if (failed && now() - failed.at < FAILURE_TTL_MS) return failed.answer;
      let pending = making.get(id);
      if (!pending) {
        pending = make(url, key, width).then(
          (answer) => {
            making.delete(id);
            if (answer.ok) keepHot(id, answer.image);
            return answer;
          },
          (err: unknown) => {
            making.delete(id);
            throw err;
          },
        );
        making.set(id, pending);
      }
      return pending;
    },
  };
}

/** What went wrong, as a status and a sentence for whoever looks at the failed request. */
export function refusal(err: unknown): ImageAnswer & { ok: false } {
  if (err instanceof ImageRefused)
    return { ok: false, status: err.reason === 'too-large' ? 413 : 415, message: err.message };
  if (err instanceof FetchError) {
    const status =
      err.kind === 'blocked-address' || err.kind === 'invalid-url'
        ? 403
        : err.kind === 'too-large'
          ? 413
          : err.kind === 'timeout'
            ? 504
            : 502;
    return { ok: false, status, message: `the publisher's image could not be fetched: ${err.message}` };
  }
  throw err;
}
