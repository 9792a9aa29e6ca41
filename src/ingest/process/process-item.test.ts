import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FIELD_CAPS } from '../parse/limits.ts';
import type { ParsedItem } from '../parse/types.ts';
import { processItem } from './process-item.ts';
import type { ProcessContext, ProcessedItem } from './types.ts';

const now = Date.parse('2026-11-24T09:00:00Z');
const item = (over: Partial<ParsedItem>): ParsedItem => ({
  links: [],
  authors: [],
  categories: [],
  media: [],
  ...over,
});
const ctx = (over: Partial<ProcessContext> = {}): ProcessContext => ({
  feedUrl: 'https://h.example/feed',
  fullText: 'auto',
  now,
  ...over,
});
const body = `<p>${'The harbour board met on Monday to settle the winter timetable for the ferries. '.repeat(20)}</p>`;
const page = fs.readFileSync(new URL('./testdata/article-page.html', import.meta.url), 'utf8');

async function article(it: ParsedItem, c: ProcessContext): Promise<ProcessedItem> {
  const out = await processItem(it, c);
  if ('skipped' in out) throw new Error(out.skipped);
  return out;
}

describe('processItem', () => {
  it('turns a feed item into a clean article with its image, caption and credit', async () => {
    const out = await article(
      item({
        id: 'g1',
        title: 'Ferry &amp; timetable',
        link: '/s/1?utm_medium=rss&page=2#comments',
        summary: 'The board met.',
        content: `<figure><img src="/lead.jpg"><figcaption>x</figcaption></figure>${body}`,
        published: new Date(now - 3600_000),
        updated: new Date(now - 7200_000),
        authors: [{ name: 'By Mara Quint' }],
        categories: [{ term: 'Transport' }, { term: 'Transport' }],
        media: [
          {
            url: 'https://h.example/lead.jpg',
            medium: 'image',
            width: 1200,
            height: 675,
            caption: 'The morning ferry (Harbour Wire)',
            source: 'media:content',
          },
        ],
      }),
      ctx(),
    );
    expect(out).toMatchObject({
      guid: 'g1',
      url: 'https://h.example/s/1?page=2',
      title: 'Ferry & timetable',
      standfirst: 'The board met.',
      bodySource: 'feed',
      authors: ['Mara Quint'],
      categories: ['Transport'],
      publishedAt: now - 3600_000,
      updatedAt: null,
      image: {
        url: 'https://h.example/lead.jpg',
        caption: 'The morning ferry',
        credit: 'Harbour Wire',
        width: 1200,
        height: 675,
      },
      readingMinutes: 2,
    });
    expect(out.bodyHtml.startsWith('<p>')).toBe(true); // the lead image is not repeated in the body
    expect(out.wordCount).toBe(280);
  });

  it('uses the canonical URL as guid when there is no id, and the first paragraph as standfirst when there is no summary', async () => {
    const out = await article(
      item({
        title: 'T',
        link: 'HTTPS://H.Example:443/s/9?fbclid=1',
        content: `<p>Short.</p><p>${'A longer opening paragraph of the article goes here. '.repeat(10)}</p>`,
      }),
      ctx({ fullText: 'never' }),
    );
    expect(out.guid).toBe('https://h.example/s/9');
    expect(out.standfirst.startsWith('A longer opening paragraph')).toBe(true);
    expect(out.standfirst.split(' ').length).toBeLessThanOrEqual(61);
  });

  it('extracts full text for summary-only feeds, with og:image and byline', async () => {
    const fetched: string[] = [];
    const fetchPage = async (url: string) => (fetched.push(url), { url, html: page });
    const full = await article(
      item({
        id: 's',
        title: 'Short',
        link: 'https://herald.example/news/ferry?utm_source=x',
        summary: 'Only a <b>teaser</b>.',
      }),
      ctx({ fetchPage }),
    );
    expect(fetched).toEqual(['https://herald.example/news/ferry']);
    expect(full).toMatchObject({
      bodySource: 'extracted',
      standfirst: 'Only a teaser.',
      authors: ['Mara Quint'],
      image: { url: 'https://herald.example/images/ferry-og.jpg' },
    });
    expect(full.bodyText).toContain('quarter past six');
    expect(full.bodyText).not.toMatch(/Most read|Advertise/);
    expect(full.wordCount).toBeGreaterThan(150);
  });

  it('keeps a full feed body in auto mode, always fetches in always mode, never in never mode', async () => {
    const fetchPage = async (url: string) => ({ url, html: page });
    const long = item({
      id: 'l',
      title: 'L',
      link: 'https://herald.example/news/ferry',
      content: body,
      media: [{ url: 'https://h.example/i.jpg', medium: 'image', source: 'media:content' }],
    });
    expect(
      (
        await article(
          long,
          ctx({
            fetchPage: async () => {
              throw new Error('must not fetch');
            },
          }),
        )
      ).bodySource,
    ).toBe('feed');
    expect(
      (await article(item({ ...long, content: '<p>Fifty words at most.</p>' }), ctx({ fullText: 'always', fetchPage })))
        .bodySource,
    ).toBe('extracted');
    let calls = 0;
    const never = await article(
      item({ id: 's', title: 'S', link: 'https://h.example/s/2', summary: 'Only a teaser.' }),
      ctx({ fullText: 'never', fetchPage: async (url) => (calls++, { url, html: page }) }),
    );
    expect(calls).toBe(0);
    expect(never).toMatchObject({ bodySource: 'summary', bodyText: 'Only a teaser.' });
  });

  it('falls back to the summary when the page cannot be fetched or read', async () => {
    const it = item({ id: 's', title: 'Short', link: 'https://h.example/s/2', summary: 'Only a teaser.' });
    for (const fetchPage of [
      async () => null,
      async () => {
        throw new Error('timeout');
      },
      async (url: string) => ({ url, html: '<html><body></body></html>' }),
      async (url: string) => ({ url, html: `${'<div>'.repeat(100_000)}` }),
    ]) {
      expect(await processItem(it, ctx({ fetchPage }))).toMatchObject({
        bodySource: 'summary',
        bodyText: 'Only a teaser.',
        image: null,
      });
    }
  });

  it('takes the title from the page or the text when the feed has none', async () => {
    const out = await article(
      item({ id: 'x', link: 'https://herald.example/news/ferry', summary: 'Teaser.' }),
      ctx({ fetchPage: async (url) => ({ url, html: page }) }),
    );
    expect(out.title).toContain('Winter ferry timetable agreed');
  });

  it('skips items with nothing to identify them', async () => {
    expect(await processItem(item({}), ctx())).toEqual({ skipped: 'item has no link, id or title' });
    expect(await processItem(item({ title: '<script></script>' }), ctx())).toEqual({
      skipped: 'item has no link, id or title',
    });
    expect(await processItem(item({ title: 'Only a title' }), ctx())).toEqual({
      skipped: 'item has no usable http(s) link',
    });
    expect(await processItem(item({ title: 'T', link: 'javascript:alert(1)' }), ctx())).toEqual({
      skipped: 'item has no usable http(s) link',
    });
  });

  it('uses a permalink guid as the link', async () => {
    expect(
      (
        await article(
          item({ id: 'https://h.example/s/5', idIsPermalink: true, title: 'T' }),
          ctx({ fullText: 'never' }),
        )
      ).url,
    ).toBe('https://h.example/s/5');
  });
});

describe('processItem with hostile input', () => {
  const x = `<script>alert(1)</script><img src=x onerror=alert(1)><svg onload=alert(1)></svg>`;
  const hostileContent = [
    x,
    '<a href="jav&#x09;ascript:alert(1)">a</a><a href="javascript:alert(2)">b</a>',
    '<iframe src="https://evil.example/"></iframe><form action="/x"><input name="q"></form>',
    '<p style="width: expression(alert(1))" onmouseover="alert(1)">styled</p>',
    '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
    body,
  ].join('');

  it('stores nothing executable, whatever field the injection is in', async () => {
    const out = await article(
      item({
        id: 'h1',
        title: `${x}Headline &lt;b&gt;`,
        link: 'https://h.example/s/3?x="><script>alert(1)</script>',
        summary: `${x}Summary <a href="javascript:alert(1)">here</a>`,
        content: hostileContent,
        authors: [{ name: `${x}Jane Doe` }, { email: `javascript:alert(1)` }],
        categories: [{ term: x }, { term: 'News' }],
        media: [
          { url: 'javascript:alert(1)', medium: 'image', caption: x, source: 'media:content' },
          {
            url: 'https://h.example/ok.jpg',
            medium: 'image',
            caption: `${x}A caption <b>bold</b>`,
            credit: `<script>x</script>Agency`,
            source: 'media:thumbnail',
          },
        ],
      }),
      ctx({ fullText: 'never' }),
    );
    const all = JSON.stringify({ ...out, guid: '' });
    expect(all).not.toMatch(
      /<script|onerror|onload|onmouseover|javascript:|<svg|<iframe|<form|<input|<meta|expression\(|style=/i,
    );
    expect(out.title).toBe('Headline <b>');
    expect(out.standfirst).toBe('Summary here');
    expect(out.authors).toEqual(['Jane Doe']);
    expect(out.categories).toEqual(['News']);
    expect(out.image).toEqual({ url: 'https://h.example/ok.jpg', caption: 'A caption bold', credit: 'Agency' });
    expect(out.url).not.toMatch(/[<>"]/);
    expect(out.bodyText).toContain('winter timetable');
    expect(out.bodyHtml).toContain('<p>styled</p>');
    for (const field of [out.standfirst, out.image!.caption!, out.image!.credit!, ...out.authors])
      expect(field).not.toMatch(/<[a-z/]/i);
  });

  it('handles a page with hostile markup the same way', async () => {
    const evil = `<html><head><meta property="og:image" content="javascript:alert(1)"></head><body><article>${hostileContent}</article></body></html>`;
    const out = await article(
      item({ id: 'h2', title: 'T', link: 'https://h.example/s/4', summary: 'Teaser.' }),
      ctx({ fetchPage: async (url) => ({ url, html: evil }) }),
    );
    expect(out.bodySource).toBe('extracted');
    expect(JSON.stringify(out)).not.toMatch(/<script|onerror|onload|javascript:|<iframe|<form|<meta|style=/i);
    expect(out.image?.url).toBe('https://h.example/s/x'); // the og:image was javascript:, so the body's first image
  });

  // Bounded: no stack overflow, no runaway work (the test's own time limit catches a blow-up; speed is the benchmarks' business).
  it('stays bounded on 100k-deep nesting and a 5 MB content field', async () => {
    const deep = await article(
      item({
        id: 'd',
        title: 'Deep',
        link: 'https://h.example/s/6',
        content: `${'<div>'.repeat(100_000)}deep words${'</div>'.repeat(100_000)}`,
      }),
      ctx(),
    );
    expect(deep.bodyText).toBe('deep words');
    const big = await article(
      item({ id: 'b', title: 'Big', link: 'https://h.example/s/7', content: `<p>${'word '.repeat(1_000_000)}</p>` }),
      ctx(),
    );
    // Cut to FIELD_CAPS.content (2,000,000 characters: 400,000 "word "s), and said so.
    expect(big.wordCount).toBe(FIELD_CAPS.content / 5);
    expect(big.notes).toContain('the content was longer than 2,000,000 characters and was cut');
    expect(big.standfirst.length).toBeLessThan(400);
  }, 90_000);
});

describe('processItem notes and plain text', () => {
  const plain = (over: Partial<ParsedItem>) =>
    item({ id: 'n', title: 'T', link: 'https://h.example/s/n', content: '<p>Body.</p>', ...over });

  it('says when a date out of range becomes the fetch time (and keeps doing it)', async () => {
    const future = await article(
      plain({ published: new Date(now + 86_400_000), publishedRaw: 'tomorrow' }),
      ctx({ fullText: 'never' }),
    );
    expect(future.publishedAt).toBe(now);
    expect(future.notes).toEqual([
      `the published date ${new Date(now + 86_400_000).toISOString()} is more than 10 minutes in the future, so the fetch time ${new Date(now).toISOString()} was used instead`,
    ]);
    const early = await article(plain({ published: new Date(Date.UTC(1970, 0, 1)) }), ctx({ fullText: 'never' }));
    expect(early.publishedAt).toBe(now);
    expect(early.notes).toEqual([
      'the published date 1970-01-01T00:00:00.000Z is before 1995, so it was ignored',
      `no usable date, so the article is dated ${new Date(now).toISOString()}, when it was fetched`,
    ]);
    const updatedOnly = await article(
      plain({ published: new Date(Date.UTC(1990, 0, 1)), updated: new Date(now - 1000) }),
      ctx({ fullText: 'never' }),
    );
    expect(updatedOnly.publishedAt).toBe(now - 1000);
    expect(updatedOnly.notes).toContain('no usable published date, so the article is dated by its updated date');
    const unreadable = await article(plain({ publishedRaw: 'the day after the storm' }), ctx({ fullText: 'never' }));
    expect(unreadable.notes[0]).toBe('the published date "the day after the storm" could not be read');
    expect((await article(plain({ published: new Date(now - 1000) }), ctx({ fullText: 'never' }))).notes).toEqual([]);
  });

  it('strips characters XML cannot carry from every plain-text field', async () => {
    const bad = '\u0001\u000b\ufffe\uffff\ud800';
    const out = await article(
      plain({
        title: `Ferry${bad} timetable`,
        summary: `Summary${bad} here`,
        content: `<figure><img src="/i.jpg"><figcaption>Quay${bad} at dusk (Wire${bad})</figcaption></figure><p>Body${bad} text.</p>`,
        authors: [{ name: `Mara${bad} Quint` }],
        categories: [{ term: `Trans${bad}port` }],
        language: `en${bad}`,
      }),
      ctx({ fullText: 'never' }),
    );
    const xmlChars = /^[\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]*$/u;
    for (const field of [
      out.title,
      out.standfirst,
      out.bodyText,
      out.bodyHtml,
      ...out.authors,
      ...out.categories,
      out.image!.caption!,
      out.image!.credit!,
      out.language!,
    ])
      expect(field).toMatch(xmlChars);
    expect(out).toMatchObject({
      title: 'Ferry timetable',
      standfirst: 'Summary here',
      authors: ['Mara Quint'],
      categories: ['Transport'],
      bodyText: 'Body text.',
      language: 'en',
    });
    expect(out.image).toMatchObject({ caption: 'Quay at dusk', credit: 'Wire' });
  });

  it('processes a poison item (20,000 nested <b> in a <figcaption>) and says what it unwrapped', async () => {
    const poison = `<figure><img src="/lead.jpg" width="800" height="450"><figcaption>${'<b>'.repeat(20_000)}Boats at dawn (Wire)${'</b>'.repeat(20_000)}</figcaption></figure><p>${'Harbour words. '.repeat(40)}</p>`;
    const out = await article(plain({ content: poison }), ctx({ fullText: 'never' }));
    expect(out.image).toEqual({
      url: 'https://h.example/lead.jpg',
      caption: 'Boats at dawn',
      credit: 'Wire',
      width: 800,
      height: 450,
    });
    expect(out.bodyText).toContain('Harbour words.');
    expect(out.notes.join()).toMatch(/nests deeper than 256 elements: 19,746 deeper ones were unwrapped/);
  });

  it('holds a pushed item (never parsed from a feed) to the same caps', async () => {
    const out = await article(
      plain({ title: 't'.repeat(10_000), id: 'i'.repeat(10_000), authors: [{ name: 'n'.repeat(10_000) }] }),
      ctx({ fullText: 'never' }),
    );
    expect(out.title.length).toBeLessThanOrEqual(500);
    expect(out.guid.length).toBeLessThanOrEqual(2048);
    expect(out.authors).toEqual([]); // a 256-character "name" is not a name
    expect(out.notes).toContain('the title was longer than 4,096 characters and was cut');
  });
});
