// Hostile input: bounded time and memory, no entity expansion, no file reads.
import { describe, expect, it } from 'vitest';
import { parseFeed } from './parse-feed.ts';
import { FeedParseError } from './types.ts';

const timed = <T,>(fn: () => T) => {
  const t = performance.now();
  const v = fn();
  return { v, ms: performance.now() - t };
};

describe('hostile feeds', () => {
  it('does not expand entities (billion laughs)', () => {
    const lol = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('')}]>
<rss version="2.0"><channel><title>&lol9;</title><item><title>x &lol9;</title></item></channel></rss>`;
    const { v, ms } = timed(() => parseFeed(lol));
    expect(ms).toBeLessThan(1000);
    expect(v.title!.length).toBeLessThan(100);
    expect(v.bozo).toBe(true);
  });

  it('never reads external entities (XXE)', () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><rss version="2.0"><channel><title>&xxe;</title></channel></rss>`;
    const f = parseFeed(xxe);
    expect(f.title ?? '').not.toMatch(/root:/);
  });

  it('reads a 50 MB feed in bounded time', () => {
    const item = `<item><title>Headline</title><link>https://example.org/a</link><description>${'<p>Body text for a long feed. </p>'.repeat(40)}</description></item>`;
    const doc = `<?xml version="1.0"?><rss version="2.0"><channel><title>Big</title>${item.repeat(Math.ceil((50 * 1024 * 1024) / item.length))}</channel></rss>`;
    expect(doc.length).toBeGreaterThan(50 * 1024 * 1024);
    const { v, ms } = timed(() => parseFeed(doc));
    expect(v.items.length).toBeGreaterThan(20_000);
    expect(ms).toBeLessThan(30_000);
  }, 60_000);

  it('survives 100,000 levels of nesting without overflowing the stack', () => {
    const doc = `<rss version="2.0"><channel><title>Deep</title><item><title>ok</title><description>${'<div>'.repeat(100_000)}x${'</div>'.repeat(100_000)}</description></item></channel></rss>`;
    const { v, ms } = timed(() => parseFeed(doc));
    expect(v.items[0]!.title).toBe('ok');
    expect(v.bozo).toBe(true);
    expect(ms).toBeLessThan(20_000); // ~1 s alone; generous because the suite runs files in parallel on 2 cores
  }, 40_000);

  it('keeps injected markup as inert text for the sanitiser, in every field', () => {
    const x = `<script>alert(1)</script><img src=x onerror=alert(1)>`;
    const esc = x.replace(/&/g, '&amp;').replace(/</g, '&lt;');
    const doc = `<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>${esc}</title>
<item><title>${esc}</title><link>javascript:alert(1)</link><dc:creator>${esc}</dc:creator><description>${esc}</description><category>${esc}</category>
<media:content url="javascript:alert(1)"><media:description>${esc}</media:description></media:content></item></channel></rss>`;
    const f = parseFeed(doc);
    expect(f.items[0]!.title).toBe(x); // raw; processing makes it plain text
    expect(f.items[0]!.authors[0]!.name).toContain('<script>');
  });

  it('refuses non-feeds with a clear error', () => {
    expect(() => parseFeed('')).toThrow(FeedParseError);
    expect(() => parseFeed('<html><body>hi</body></html>')).toThrow(/HTML page, not a feed/);
    expect(() => parseFeed('{"hello": 1}')).toThrow(/not a JSON Feed/);
    expect(() => parseFeed(Buffer.from([0xde, 0xad, 0xbe, 0xef, 0x00, 0x01]))).toThrow(FeedParseError);
    expect(() => parseFeed('<opml><body/></opml>')).toThrow(/root element is <opml>/);
  });
});
