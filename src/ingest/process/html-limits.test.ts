import { Parser, parseDocument } from 'htmlparser2';
import { isTag, type AnyNode } from 'domhandler';
import { describe, expect, it } from 'vitest';
import { MAX_HTML_DEPTH, MAX_HTML_ELEMENTS } from '../parse/limits.ts';
import { htmlShape, limitMarkup } from './html-limits.ts';

/** The deepest the real parser's stack of open elements gets (what its cost grows with). */
function parserDepth(html: string): number {
  let max = 0;
  const parser = new Parser({
    onopentag() {
      max = Math.max(max, (parser as unknown as { stack: string[] }).stack.length);
    },
  });
  parser.end(html);
  return max;
}

/** Depth of the tree htmlparser2 builds, walked with a stack. */
function treeDepth(html: string): number {
  let max = 0;
  const todo: [AnyNode, number][] = parseDocument(html).children.map((n) => [n, 1]);
  while (todo.length) {
    const [n, d] = todo.pop()!;
    if (!isTag(n)) continue;
    max = Math.max(max, d);
    for (const c of n.children) todo.push([c, d + 1]);
  }
  return max;
}

const text = (html: string) =>
  parseDocument(html)
    .children.map(function all(n: AnyNode): string {
      return n.type === 'text' ? (n as unknown as { data: string }).data : isTag(n) ? n.children.map(all).join('') : '';
    })
    .join('');

describe('limitMarkup', () => {
  it('returns ordinary markup unchanged (the same string)', () => {
    const html =
      '<p>One <b>two</b> <a href="/x?a=1&amp;b=2">three</a></p><ul><li>a<li>b</ul><p>x<p>y<table><tr><td>1<td>2</table>';
    expect(limitMarkup(html)).toEqual({ html, deeper: 0, beyond: 0 });
    const p = '<p>para'.repeat(5000);
    expect(limitMarkup(p).html).toBe(p); // unclosed paragraphs close themselves: no depth
  });

  it('unwraps what is nested deeper than the limit and keeps its text', () => {
    const deep = `<figure><img src="https://h.example/a.jpg"><figcaption>${'<b>'.repeat(20_000)}Harbour at dawn (Wire)${'</b>'.repeat(20_000)}</figcaption></figure><p>after</p>`;
    const out = limitMarkup(deep);
    expect(out).toMatchObject({ deeper: 20_000 + 2 - MAX_HTML_DEPTH, beyond: 0 });
    expect(parserDepth(out.html)).toBeLessThanOrEqual(MAX_HTML_DEPTH);
    expect(treeDepth(out.html)).toBe(MAX_HTML_DEPTH);
    expect(text(out.html)).toBe('Harbour at dawn (Wire)after');
    expect(out.html).toMatch(/^<figure><img src="https:\/\/h\.example\/a\.jpg"><figcaption><b>/);
    expect(out.html.endsWith('</figcaption></figure><p>after</p>')).toBe(true);
  });

  it('is bounded whatever way the depth is built: stray end tags, self-closing tags, lists, SVG', () => {
    for (const deep of [
      '<b></i>'.repeat(5000),
      '<b/>'.repeat(5000),
      '<li><p>'.repeat(5000),
      `<svg>${'<g>'.repeat(5000)}</svg>`,
      '<div><span>'.repeat(3000),
    ]) {
      expect(parserDepth(deep)).toBeGreaterThan(MAX_HTML_DEPTH);
      expect(parserDepth(limitMarkup(deep).html)).toBeLessThanOrEqual(MAX_HTML_DEPTH);
    }
    const svg = `<svg>${'<path d="M0"/>'.repeat(5000)}</svg>`; // self-closing in SVG: no depth at all
    expect(limitMarkup(svg).html).toBe(svg);
  });

  it('unwraps the elements after the first MAX_HTML_ELEMENTS, keeping their text', () => {
    const many = `${'<p>para</p>'.repeat(MAX_HTML_ELEMENTS)}<p>last <b>words</b></p><img src="x.jpg">`;
    const out = limitMarkup(many);
    expect(out).toMatchObject({ deeper: 0, beyond: 3 });
    expect(out.html.endsWith('<p>para</p>last words')).toBe(true);
    // A stray </br> is an element to htmlparser2 too.
    expect(limitMarkup('</br>'.repeat(MAX_HTML_ELEMENTS + 5))).toMatchObject({ deeper: 0, beyond: 5 });
  });

  it('never turns text into markup', () => {
    const deep = `${'<i>'.repeat(300)}<script>&lt;b&gt;<img src=x onerror=alert(1)></script><textarea><b>t</b></textarea>&lt;img src=x onerror=alert(2)&gt;`;
    const out = limitMarkup(deep).html;
    const tags = new Set<string>();
    const parser = new Parser({ onopentagname: (name) => tags.add(name) });
    parser.end(out);
    expect([...tags].sort()).toEqual(['i']);
    expect(out).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(out).toContain('&lt;img src=x onerror=alert(2)&gt;'); // entities stay as written
  });

  it('measures shape for the extractor, stopping at the first limit passed', () => {
    expect(htmlShape('<div>'.repeat(100_000), { maxDepth: 250, maxElements: 30_000 })).toEqual({
      depth: 251,
      elements: 251,
    });
    expect(htmlShape('<span>w</span>'.repeat(40_000), { maxDepth: 250, maxElements: 30_000 }).elements).toBe(30_001);
    expect(htmlShape('<p>a<p>b<ul><li>x<li>y</ul>', { maxDepth: 250, maxElements: 30_000 })).toEqual({
      depth: 2,
      elements: 5,
    }); // <ul> closes the <p>
  });
});
