import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractArticle, MAX_DEPTH, MAX_ELEMENTS, tooComplex } from './extract.ts';

const page = fs.readFileSync(new URL('./testdata/article-page.html', import.meta.url), 'utf8');
const url = 'https://herald.example/news/ferry-timetable';

describe('extractArticle', () => {
  it('finds the article and leaves navigation, sidebars and footers out', () => {
    const out = extractArticle(page, url);
    expect(out).not.toBeNull();
    expect(out!.text).toContain('quarter past six');
    expect(out!.text).toContain('reviewed in the spring');
    expect(out!.text).not.toMatch(/Most read|Advertise|Regatta/);
    expect(out!.html).not.toMatch(/<script|<style/);
    expect(out!.title).toContain('Winter ferry timetable agreed');
    expect(out!.byline).toContain('Mara Quint');
    expect(out!.leadImage).toBe('https://herald.example/images/ferry-og.jpg');
    expect(out!.siteName).toBe('Harbour Herald');
    expect(out!.ms).toBeGreaterThan(0);
  });

  it('keeps paragraph boundaries in the text', () => {
    expect(extractArticle(page, url)!.text).toMatch(/ran the boats\.|run the boats\.\n\nUnder the new plan/);
  });

  it('returns null for pages without an article or that are not HTML at all', () => {
    expect(extractArticle('<html><body><div><img src="/a.jpg"></div></body></html>', url)).toBeNull();
    expect(extractArticle('', url)).toBeNull();
    expect(extractArticle('<a'.repeat(100_000), url)).toBeNull();
  });

  it('refuses pathological pages quickly instead of parsing them', () => {
    const deep = `<html><body>${'<div>'.repeat(100_000)}<p>${'words '.repeat(200)}</p>${'</div>'.repeat(100_000)}</body></html>`;
    const wide = `<html><body>${'<span>w</span>'.repeat(MAX_ELEMENTS + 10)}</body></html>`;
    expect(tooComplex(deep)).toBe(`nested deeper than ${MAX_DEPTH}`);
    expect(tooComplex(wide)).toBe(`more than ${MAX_ELEMENTS} elements`);
    expect(tooComplex(page)).toBeUndefined();
    const t = performance.now();
    expect(extractArticle(deep, url)).toBeNull();
    expect(extractArticle(wide, url)).toBeNull();
    expect(performance.now() - t).toBeLessThan(2000);
  });

  it('does not count unclosed paragraphs and list items as nesting', () => {
    expect(
      tooComplex(`<body>${'<p>para'.repeat(1000)}${'<li>item'.repeat(1000)}<img src=x><br/></body>`),
    ).toBeUndefined();
  });
});
