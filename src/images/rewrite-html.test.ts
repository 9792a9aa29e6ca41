import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sanitizeArticleHtml } from '../ingest/process/sanitize.ts';
import { imageLinks } from './links.ts';
import { rewriteBodyImages } from './rewrite-html.ts';
import { decodeImageUrl, ImageSigner } from './signing.ts';

const signer = new ImageSigner(crypto.randomBytes(32));
const links = imageLinks(signer, { baseUrl: 'https://news.example' });

/** Every URL the markup would make a browser load: src and srcset candidates. */
function loaded(html: string): string[] {
  const urls: string[] = [];
  for (const [, name, value] of html.matchAll(/\s(src|srcset)="([^"]*)"/g))
    urls.push(...(name === 'src' ? [value!] : value!.split(',').map((c) => c.trim().split(/\s+/)[0]!)));
  return urls;
}

describe('rewriteBodyImages', () => {
  it('points every picture of a sanitised body at our endpoint, with a srcset, keeping alt and size', () => {
    const body = sanitizeArticleHtml(
      `<p>Before</p><picture><source srcset="/a.webp 1x, /b.webp 2x" type="image/webp"><img src="/a.jpg?x=1&y=2" alt='The "keeper" at <dusk>' width="640" height="480" srcset="/a.jpg 1x, /a2.jpg 2x" onerror="alert(1)"></picture><p>After <img src="http://other.example/1.png" title="t"></p>`,
      'https://pub.example/story',
    );
    const out = rewriteBodyImages(body, links);
    expect(out).not.toContain('<source');
    expect(out).toContain('<p>Before</p>');
    expect(out).toContain('alt="The &quot;keeper&quot; at &lt;dusk&gt;" width="640" height="480"');
    expect(out).toContain('sizes="(max-width: 712px) calc(100vw - 2rem), 680px"');
    expect(out).not.toContain('onerror');
    const urls = loaded(out);
    expect(urls.length).toBe(12);
    for (const u of urls) expect(u).toMatch(/^\/img\/[\w-]{22}\/\d+\/[\w-]+$/);
    const originals = new Set(urls.map((u) => decodeImageUrl(u.split('/')[4]!)));
    expect(originals).toEqual(new Set(['https://pub.example/a.jpg?x=1&y=2', 'http://other.example/1.png']));
  });

  it('leaves text alone, drops pictures it cannot proxy, and drops them all without links', () => {
    const text = '<p>Writing &lt;img src="https://evil.example/x.png"&gt; is not a picture</p>';
    expect(rewriteBodyImages(text, links)).toBe(text);
    expect(rewriteBodyImages('<p>a<img alt="x" />b</p>', links)).toBe('<p>ab</p>');
    const body = '<p>a</p><img src="https://cdn.example/x.jpg" alt="x" loading="lazy" decoding="async" />';
    expect(rewriteBodyImages(body, null)).toBe('<p>a</p>');
  });
});
