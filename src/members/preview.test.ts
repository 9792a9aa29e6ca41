import { describe, expect, it } from 'vitest';
import { previewOf } from './preview.ts';

const para = (n: number, words: number) => `<p>${Array.from({ length: words }, (_, i) => `p${n}w${i}`).join(' ')}.</p>`;

describe('article preview', () => {
  it('keeps whole leading paragraphs up to about 100 words', () => {
    const body = [para(1, 40), para(2, 40), para(3, 40), para(4, 40)].join('');
    const p = previewOf(body);
    expect(p.words).toBe(80);
    expect(p.truncated).toBe(true);
    expect(p.html).toContain('p2w39');
    expect(p.html).not.toContain('p3w0');
    expect(p.text).not.toContain('p4');
  });

  it('cuts a single huge opening paragraph at a sentence boundary', () => {
    const long = `<p>${'First sentence here. '.repeat(60)}</p><p>secret second paragraph</p>`;
    const p = previewOf(long);
    expect(p.words).toBeLessThanOrEqual(100);
    expect(p.html).toMatch(/here\.<\/p>$/);
    expect(p.html).not.toContain('secret');
  });

  it('looks inside the wrappers extracted pages come in', () => {
    const p = previewOf(`<div id="readability-page-1"><div>${[para(1, 40), para(2, 40), para(3, 40)].join('')}</div></div>`);
    expect(p.words).toBe(80);
    expect(p.html).toContain('p2w39');
    expect(p.html).not.toContain('p3w0');
  });

  it('keeps a leading figure but no later ones, and reports short bodies as complete', () => {
    const body = `<figure><img src="a.jpg"><figcaption>Cap</figcaption></figure>${para(1, 20)}<figure><img src="b.jpg"></figure>`;
    const p = previewOf(body);
    expect(p.html).toContain('a.jpg');
    expect(p.html).not.toContain('b.jpg');
    expect(previewOf(para(1, 20)).truncated).toBe(false);
  });
});
