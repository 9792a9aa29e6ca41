import { describe, expect, it } from 'vitest';
import { IFRAME_SANDBOX, sanitizeArticleHtml as clean } from './sanitize.ts';

const base = 'https://news.example/story/1';

describe('sanitising publisher HTML', () => {
  it('removes an empty paragraph closed by implication without leaving its end tag behind', () => {
    // Found by the property test: a dropped element between two paragraphs made the sanitiser write
    // <p><p>words</p></p>, and cutting the first paragraph's parsed range took the second's opening tag.
    for (const html of ['<p><desc><p>words', '<p><span></span><desc><p>a</p><p>b']) {
      const once = clean(html, base);
      expect(once).toMatch(/^<p>[ab]|^<p>words<\/p>$/);
      expect(once).not.toMatch(/<\/p><\/p>|^[^<]/);
      expect(clean(once, base)).toBe(once);
    }
  });

  it('keeps structure, images with captions, and makes links absolute and safe', () => {
    const out = clean(
      '<h1>Head</h1><p>See <a href="/more">more</a> and <a href="https://other.example/">elsewhere</a>.</p><figure><img src="/i.jpg" width="800" height="450" alt="A"><figcaption>Cap (Agency)</figcaption></figure>',
      base,
    );
    expect(out).toContain('<h2>Head</h2>');
    expect(out).toContain('<a href="https://news.example/more">more</a>');
    expect(out).toContain(
      '<a href="https://other.example/" rel="noopener noreferrer nofollow" target="_blank">elsewhere</a>',
    );
    expect(out).toMatch(/<img [^>]*src="https:\/\/news\.example\/i\.jpg"[^>]*>/);
    expect(out).toMatch(/<img [^>]*loading="lazy" decoding="async"/);
    expect(out).toMatch(/<img [^>]*width="800" height="450" alt="A"/);
    expect(out).toContain('<figcaption>Cap (Agency)</figcaption>');
  });

  it('keeps the allowed vocabulary and drops presentational attributes', () => {
    const html =
      '<blockquote cite="/q"><p class="x" id="y" style="color:red">q</p></blockquote><table><thead><tr><th scope="col">h</th></tr></thead><tbody><tr><td colspan="2">d</td></tr></tbody></table><dl><dt>t</dt><dd>d</dd></dl><p><abbr title="Harbour Board">HB</abbr> <time datetime="2026-11-24">today</time> x<sup>2</sup> <code>c</code></p><pre>p</pre><hr>';
    const out = clean(html, base);
    expect(out).toContain('<blockquote cite="https://news.example/q"><p>q</p></blockquote>');
    expect(out).toContain('<th scope="col">h</th>');
    expect(out).toContain('<td colspan="2">d</td>');
    expect(out).toContain('<dl><dt>t</dt><dd>d</dd></dl>');
    expect(out).toContain('<abbr title="Harbour Board">HB</abbr>');
    expect(out).toContain('<time datetime="2026-11-24">today</time>');
    expect(out).not.toMatch(/class=|id=|style=/);
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
      '<a href=" JaVaScRiPt:alert(1)">b2</a>',
      '<a href="data:text/html,<script>alert(1)</script>">c</a>',
      '<a href="vbscript:msgbox">d</a>',
      '<img src="data:image/png;base64,iVBORw0KGgo=" width="100" height="100">',
      '<img srcset="javascript:alert(1) 1x, /ok.jpg 2x" src="/ok.jpg">',
      '<iframe src="https://evil.example/"></iframe>',
      '<iframe src="javascript:alert(1)"></iframe>',
      '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
      '<form action="/x"><input name="q"><button>go</button></form>',
      '<object data="x.swf"></object><embed src="x.swf">',
      '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
      '<base href="https://evil.example/">',
      '<link rel="stylesheet" href="https://evil.example/x.css">',
      '<div style="width: expression(alert(1))">e</div>',
      '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>',
      '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
      '<details open ontoggle="alert(1)">f</details>',
      '<video><source onerror="alert(1)"></video>',
    ].join('');
    const out = clean(hostile, base);
    expect(out).not.toMatch(
      /<script|<style|onerror|onload|onclick|ontoggle|javascript:|vbscript:|data:|<iframe|<form|<input|<object|<embed|<meta|<base|<link|<svg|<math|expression\(|style=|srcdoc/i,
    );
    expect(out).toContain('<p>p</p>');
    expect(out).toMatch(/<img [^>]*src="https:\/\/news\.example\/ok\.jpg"/);
  });

  it('keeps video embeds from known hosts, sandboxed and lazy', () => {
    const out = clean(
      '<iframe src="https://www.youtube-nocookie.com/embed/abc" width="560" height="315" onload="x()"></iframe><iframe src="https://player.vimeo.com/video/1"></iframe><iframe src="http://www.youtube.com/embed/x"></iframe>',
      base,
    );
    expect(out).toContain(`sandbox="${IFRAME_SANDBOX}"`);
    expect(out).toContain('loading="lazy"');
    expect(out).toContain('src="https://www.youtube-nocookie.com/embed/abc"');
    expect(out).toContain('src="https://player.vimeo.com/video/1"');
    expect(out).not.toContain('http://www.youtube.com'); // plain http embeds are refused
    expect(out).not.toContain('onload');
  });

  it('drops tracking pixels, empty paragraphs and lazy-load placeholders', () => {
    const out = clean(
      '<p><img src="https://pixel.wp.com/g.gif"></p><p><img src="https://feeds.feedburner.com/~r/x/~4/abc"></p><p> &nbsp; <br> </p><p><img src="/t.gif" width="1" height="1">Text</p><p><img src="data:image/gif;base64,R0lGOD" data-src="/real.jpg"></p>',
      base,
    );
    expect(out).not.toMatch(/pixel\.wp\.com|feedburner|t\.gif|data:/);
    expect(out).toContain('<p>Text</p>');
    expect(out).toMatch(/src="https:\/\/news\.example\/real\.jpg"/);
    expect(out).not.toContain('<p></p>');
    expect(out.match(/<p>/g)).toHaveLength(2);
  });

  it('keeps figures whose image is wrapped in a link', () => {
    const out = clean(
      '<figure><a href="/big.jpg"><img src="/i.jpg"></a></figure><p><a href="/x"><img src="/j.jpg"></a></p>',
      base,
    );
    expect(out).toContain('i.jpg');
    expect(out).toContain('j.jpg');
  });

  it('removes the lead image from the top of the body only', () => {
    const body =
      '<figure><img src="/lead-800x450.jpg"><figcaption>Cap</figcaption></figure><p>Text.</p><p><img src="/lead.jpg"></p>';
    const out = clean(body, base, { leadImageUrl: 'https://news.example/lead.jpg' });
    expect(out.startsWith('<p>Text.</p>')).toBe(true);
    expect(out).toContain('/lead.jpg'); // a later copy stays
    expect(
      clean('<p><a href="/x"><img src="/lead.jpg"></a></p><p>T</p>', base, {
        leadImageUrl: 'https://news.example/lead.jpg',
      }),
    ).toBe('<p>T</p>');
    expect(
      clean('<p><img src="/other.jpg"></p><p>T</p>', base, { leadImageUrl: 'https://news.example/lead.jpg' }),
    ).toContain('other.jpg');
    expect(
      clean('<p>Words <img src="/lead.jpg"></p>', base, { leadImageUrl: 'https://news.example/lead.jpg' }),
    ).toContain('lead.jpg');
  });

  it('never turns text into markup: what is encoded stays encoded, and iframes keep no children', () => {
    const payloads = [
      '<p>&lt;img src=x onerror=alert(1)&gt;</p>',
      '<iframe src="https://www.youtube.com/embed/x">&lt;/iframe&gt;&lt;img src=x onerror=alert(2)&gt;</iframe>',
      '<iframe src="https://www.youtube.com/embed/x"><img src=x onerror=alert(3)></iframe><p>after</p>',
      '<figure><figcaption>&lt;script&gt;alert(4)&lt;/script&gt;</figcaption></figure>',
      '<p></p><p>&lt;svg onload=alert(5)&gt;</p><p> </p>',
    ];
    for (const html of payloads) {
      const out = clean(html, base);
      expect(out).not.toMatch(/<(img|script|svg)\b/i);
      expect(clean(out, base)).toBe(out); // a fixed point
    }
    expect(clean(payloads[0]!, base)).toBe('<p>&lt;img src=x onerror=alert(1)&gt;</p>');
    expect(clean(payloads[2]!, base)).toMatch(/<iframe [^>]*><\/iframe><p>after<\/p>/);
  });

  it('stays bounded on deeply nested and very large markup', () => {
    const out = clean(`${'<div>'.repeat(100_000)}deep${'</div>'.repeat(100_000)}`, base);
    expect(out).toContain('deep');
    const big = clean(`<p>${'word '.repeat(1_000_000)}</p>`, base);
    expect(big.length).toBeGreaterThan(4_000_000);
  }, 60_000);
});
