// Hostile input: bounded time and memory, no entity expansion, no file reads.
import { describe, expect, it } from 'vitest';
import { parseFeed } from './parse-feed.ts';
import { FeedParseError } from './types.ts';

const timed = <T>(fn: () => T) => {
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

  it('never reads external parameter entities either, and leaves unknown references as written', () => {
    const doc = `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY % ext SYSTEM "file:///etc/passwd"> %ext; <!ENTITY e SYSTEM "http://127.0.0.1:9/x">]><rss version="2.0"><channel><title>a&e;b</title></channel></rss>`;
    const f = parseFeed(doc);
    expect(f.title).toBe('a&e;b');
    expect(f.bozoReasons.join()).toMatch(/not expanded/);
  });

  it('bounds a million attributes on one element', () => {
    const attrs = Array.from({ length: 1_000_000 }, (_, k) => `a${k}="${k}"`).join(' ');
    const { v, ms } = timed(() =>
      parseFeed(`<rss version="2.0"><channel><item ${attrs}><title>t</title></item></channel></rss>`),
    );
    expect(v.items[0]!.title).toBe('t');
    expect(v.bozoReasons.join()).toMatch(/attributes/);
    expect(ms).toBeLessThan(10_000);
  }, 30_000);

  it('bounds a million unclosed tags and three million siblings', () => {
    const open = timed(() => parseFeed(`<rss version="2.0"><channel><title>x</title>${'<p>'.repeat(1_000_000)}`));
    expect(open.v.title).toBe('x');
    expect(open.v.bozo).toBe(true);
    const wide = timed(() =>
      parseFeed(`<rss version="2.0"><channel><title>w</title>${'<x/>'.repeat(3_000_000)}</channel></rss>`),
    );
    expect(wide.v.bozoReasons.join()).toMatch(/too many elements/);
    expect(open.ms + wide.ms).toBeLessThan(20_000);
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
    expect(f.items[0]!.summary).toBe(x);
    expect(f.items[0]!.categories[0]!.term).toBe(x);
    expect(f.items[0]!.media[0]).toMatchObject({ url: 'javascript:alert(1)', caption: x });

    const atom =
      parseFeed(`<feed xmlns="http://www.w3.org/2005/Atom"><title type="html">${esc}</title><entry><title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><script>alert(1)</script></div></title>
<link href="javascript:alert(1)"/><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><img src="x" onerror="alert(1)"/><script>alert(1)</script></div></content><author><name>${esc}</name></author></entry></feed>`);
    expect(atom.title).toBe(x);
    expect(atom.items[0]!.content).toBe('<img src="x" onerror="alert(1)" /><script>alert(1)</script>');
    expect(atom.items[0]!.link).toBe('javascript:alert(1)');
    const json = parseFeed(
      JSON.stringify({
        version: 'https://jsonfeed.org/version/1.1',
        title: x,
        items: [{ id: x, title: x, content_html: x, url: 'javascript:alert(1)' }],
      }),
    );
    expect(json.items[0]).toMatchObject({ id: x, title: x, content: x });
  });

  it('refuses non-feeds with a clear error', () => {
    expect(() => parseFeed('')).toThrow(FeedParseError);
    expect(() => parseFeed('<html><body>hi</body></html>')).toThrow(/HTML page, not a feed/);
    expect(() => parseFeed('{"hello": 1}')).toThrow(/not a JSON Feed/);
    expect(() => parseFeed(Buffer.from([0xde, 0xad, 0xbe, 0xef, 0x00, 0x01]))).toThrow(FeedParseError);
    expect(() => parseFeed('<opml><body/></opml>')).toThrow(/root element is <opml>/);
  });
});
