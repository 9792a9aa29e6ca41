// The image proxy as the server runs it: its own fetcher (the feeds' client,
// with the same private-address guard and operator allow-list), the disk
// cache under DATA_DIR/images, and the limits pictures get.
import path from 'node:path';
import type { Config } from '../config.ts';
import { createFetcher } from '../ingest/fetch/fetcher.ts';
import { createImageProxy, type ImageProxy } from './proxy.ts';

/** Largest publisher file downloaded for a picture. */
const MAX_IMAGE_BYTES = 10 * 1024 * 1024;
/** Largest canvas decoded: a 40-megapixel photograph, far beyond any news picture. */
const MAX_IMAGE_PIXELS = 40_000_000;

export function openImageProxy(config: Pick<Config, 'dataDir' | 'fetch' | 'allowPrivateFeeds'>): {
  proxy: ImageProxy;
  close(): void;
} {
  const fetcher = createFetcher({
    userAgent: config.fetch.userAgent,
    timeoutMs: Math.min(config.fetch.timeoutMs, 15_000),
    maxBytes: Math.min(config.fetch.maxBytes, MAX_IMAGE_BYTES),
    // A page of new pictures from one publisher's CDN should not queue two at a time.
    perHost: Math.max(config.fetch.perHost, 4),
    allowPrivate: config.allowPrivateFeeds,
    allowHosts: config.fetch.allowHosts,
  });
  const proxy = createImageProxy({
    fetcher,
    cacheDir: path.join(config.dataDir, 'images'),
    maxBytes: Math.min(config.fetch.maxBytes, MAX_IMAGE_BYTES),
    maxPixels: MAX_IMAGE_PIXELS,
  });
  return { proxy, close: () => fetcher.close() };
}
