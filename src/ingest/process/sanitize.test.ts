import { describe, expect, it } from 'vitest';
import { sanitizeArticleHtml as clean } from './sanitize.ts';

const base = 'https://news.example/story/1';

describe('sanitising publisher HTML', () => {
  it('keeps structure, images with captions, and makes links absolute and safe', () => {
    const out = clean('<h1>Head</h1><p>See <a href="/more">more</a> and <a href="https://other.example/">elsewhere</a>.</p><figure><img src="/i.jpg" width="800" height="450" alt="A"><figcaption>Cap (Agency)</figcaption></figure>', base);
    expect(out).toContain('<h2>Head</h2>');
    expect(out).toContain('<a href="https://news.example/more">more</a>');
    expect(out).toContain('<a href="https://other.example/" rel="noopener noreferrer nofollow" target="_blank">elsewhere</a>');
    expect(out).toContain('<img src="https://news.example/i.jpg" width="800" height="450" alt="A" loading="lazy" decoding="async" />');
    expect(out).toContain('<figcaption>Cap (Agency)</figcaption>');
  });

  it('removes every kind of script and dangerous URL', () => {
    const hostile = [
      '<script>alert(1)</script>',
      '<style>body{display:none}</style>',
      '<p onclick="x()" style="background:url(javascript:x)">p</p>',
      '<img src=x onerror="alert(1)">',
      '<svg onload="alert(1)"><circle/></svg>',
      '<a href="jav&#x09;ascript:alert(1)">a</a>',
      '<a href="javascript:alert(1)">b</a>',
      '<a href="data:text/html,<script>alert(1)</script>">c</a>',
      '<a href="vbscript:msgbox">d</a>',
      '<iframe src="https://evil.example/"></iframe>',
      '<form action="/x"><input name="q"><button>go</button></form>',
      '<object data="x.swf"></object><embed src="x.swf">',
      '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
      '<base href="https://evil.example/">',
      '<div style="width: expression(alert(1))">e</div>',
      '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>',
    ].join('');
    const out = clean(hostile, base);
    expect(out).not.toMatch(/<script|<style|onerror|onload|onclick|javascript:|vbscript:|data:|<iframe|<form|<input|<object|<embed|<meta|<base|expression\(|style=/i);
    expect(out).toContain('<p>p</p>');
  });

  it('keeps video embeds from known hosts, sandboxed, and drops tracking pixels', () => {
    const out = clean('<iframe src="https://www.youtube-nocookie.com/embed/abc" width="560" height="315"></iframe><img src="https://pixel.wp.com/g.gif" width="1" height="1"><img src="https://feeds.feedburner.com/~r/x/~4/abc">', base);
    expect(out).toContain('sandbox="allow-scripts allow-same-origin allow-presentation"');
    expect(out).toContain('src="https://www.youtube-nocookie.com/embed/abc"');
    expect(out).not.toMatch(/pixel\.wp\.com|feedburner/);
  });

  it('stays fast on deeply nested and very large markup', () => {
    const t = performance.now();
    const out = clean(`${'<div>'.repeat(100_000)}deep${'</div>'.repeat(100_000)}`, base);
    expect(out).toContain('deep');
    const big = clean(`<p>${'word '.repeat(1_000_000)}</p>`, base);
    expect(big.length).toBeGreaterThan(4_000_000);
    expect(performance.now() - t).toBeLessThan(10_000);
  });
});
