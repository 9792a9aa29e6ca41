import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { gunzipIfCompressed, isGzip } from './gzip.ts';
import { parseFeed } from './parse-feed.ts';
import { FeedParseError } from './types.ts';

describe('gzip-compressed documents', () => {
  const rss = `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Zipped Café</title>
    <item><title>A</title><link>https://z.example/a</link></item></channel></rss>`;

  it('are recognised by their magic bytes and inflated before decoding', () => {
    const zipped = zlib.gzipSync(Buffer.from(rss));
    expect(isGzip(zipped)).toBe(true);
    expect(isGzip(Buffer.from(rss))).toBe(false);
    const parsed = parseFeed(zipped);
    expect(parsed.title).toBe('Zipped Café');
    expect(parsed.items.map((i) => i.link)).toEqual(['https://z.example/a']);
  });

  it('stop at the cap, and say so when the data is not gzip after all', () => {
    const bomb = zlib.gzipSync(Buffer.alloc(2_000_000, 0x20));
    expect(() => gunzipIfCompressed(bomb, 100_000)).toThrow(FeedParseError);
    expect(() => gunzipIfCompressed(bomb, 100_000)).toThrow(/inflates to more than/);
    const broken = Buffer.from([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0xff]);
    expect(() => parseFeed(broken)).toThrow(/gzip-compressed but does not decompress/);
  });

  it('yield what arrived of a truncated stream', () => {
    const items = Array.from(
      { length: 200 },
      (_, k) => `<item><title>${k}</title><link>https://z.example/${k}</link></item>`,
    );
    const zipped = zlib.gzipSync(
      Buffer.from(`<rss version="2.0"><channel><title>T</title>${items.join('')}</channel></rss>`),
    );
    const parsed = parseFeed(zipped.subarray(0, Math.floor(zipped.length * 0.6)));
    expect(parsed.items.length).toBeGreaterThan(0);
    expect(parsed.items.length).toBeLessThan(200);
  });
});
