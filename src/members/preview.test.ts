import { describe, expect, it } from 'vitest';
import { previewOf } from './preview.ts';

const para = (n: number, words: number) => `<p>${Array.from({ length: words }, (_, i) => `p${n}w${i}`).join(' ')}.</p>`;

describe('article preview', () => {
  it('keeps whole leading paragraphs up to about 100 words', () => {
    const body = [para(1, 40), para(2, 40), para(3, 40), para(4, 40), para(5, 40)].join('');
    const p = previewOf(body);
    expect(p.words).toBe(80);
    expect(p.truncated).toBe(true);
    expect(p.html).toContain('p2w39');
    expect(p.html).not.toContain('p3w0');
    expect(p.text).not.toContain('p4');
  });

  it('never shows more than half of a short article, however short', () => {
    for (const total of [4, 30, 60, 99, 150]) {
      const p = previewOf(para(1, total));
      expect(p.words).toBeLessThanOrEqual(Math.floor(total / 2));
      expect(p.truncated).toBe(true);
      expect(p.html).not.toContain(`p1w${total - 1}`);
    }
    expect(previewOf('<p>One.</p>').html).toBe(''); // nothing to show of a one-word body
  });

  it('cuts a single huge opening paragraph at a sentence boundary', () => {
    const long = `<p>${'First sentence here. '.repeat(60)}</p><p>secret second paragraph</p>`;
    const p = previewOf(long);
    expect(p.words).toBeLessThanOrEqual(100);
    expect(p.html).toMatch(/here\.<\/p>$/);
    expect(p.html).not.toContain('secret');
  });

  it('looks inside the wrappers extracted pages come in', () => {
    const p = previewOf(
      `<div id="readability-page-1"><div>${[para(1, 40), para(2, 40), para(3, 40), para(4, 40)].join('')}</div></div>`,
    );
    expect(p.words).toBe(80);
    expect(p.html).toContain('p2w39');
    expect(p.html).not.toContain('p3w0');
  });

  it('keeps a leading figure but no later ones', () => {
    const body = `<figure><img src="a.jpg"><figcaption>Cap</figcaption></figure>${para(1, 20)}${para(2, 20)}<figure><img src="b.jpg"></figure>${para(3, 40)}`;
    const p = previewOf(body);
    expect(p.html).toContain('a.jpg');
    expect(p.html).toContain('p1w19');
    expect(p.html).not.toContain('b.jpg');
  });

  it('never keeps a leading figure whose caption is longer than the preview', () => {
    const caption = Array.from({ length: 300 }, (_, i) => `c${i}`).join(' ');
    const p = previewOf(
      `<figure><img src="a.jpg"><figcaption>${caption}</figcaption></figure>${para(1, 40)}${para(2, 40)}`,
    );
    expect(p.html).not.toContain('c150');
    expect(p.words).toBeLessThanOrEqual(100);
  });

  it('keeps encoded markup as text: the preview is cut from the sanitised HTML, never re-serialised', () => {
    const hostile = '<p>&lt;img src=x onerror=alert(1)&gt; and &lt;script&gt;alert(2)&lt;/script&gt;</p>';
    const body = `${hostile}${para(1, 40)}${para(2, 40)}${para(3, 40)}`;
    const p = previewOf(body);
    expect(p.html.startsWith(hostile)).toBe(true);
    expect(p.html).not.toMatch(/<img|<script/);
    // The cut paragraph is text too.
    const long = `<p>${'&lt;img src=x onerror=alert(3)&gt; words. '.repeat(80)}</p><p>rest</p>`;
    expect(previewOf(long).html).not.toMatch(/<img/);
    // What sits inside an allowed iframe stays where the sanitiser wrote it.
    const frame =
      '<iframe src="https://www.youtube.com/embed/x" sandbox="allow-scripts">&lt;img src=x onerror=alert(4)&gt;</iframe>';
    expect(previewOf(`${frame}${para(1, 40)}${para(2, 40)}`).html).toContain(frame);
  });
});
