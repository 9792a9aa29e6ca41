import { describe, expect, it } from 'vitest';
import type { ParsedItem } from '../parse/types.ts';
import { authorNames } from './authors.ts';
import { canonicalUrl } from './canonical-url.ts';
import { articleDates } from './dates.ts';
import { splitCredit } from './lead-image.ts';
import { processItem } from './process-item.ts';
import { standfirstOf } from './text.ts';

const now = Date.parse('2026-11-24T09:00:00Z');
const item = (over: Partial<ParsedItem>): ParsedItem => ({ links: [], authors: [], categories: [], media: [], ...over });
const body = `<p>${'The harbour board met on Monday to settle the winter timetable for the ferries. '.repeat(20)}</p>`;

describe('normalising items', () => {
  it('canonicalises URLs and drops tracking parameters only', () => {
    expect(canonicalUrl('/a/b?utm_source=x&id=3&fbclid=y#top', 'HTTPS://News.Example:443/feed')).toBe('https://news.example/a/b?id=3');
    expect(canonicalUrl('javascript:alert(1)')).toBeUndefined();
    expect(canonicalUrl('not a url')).toBeUndefined();
  });

  it('never dates an article in the future and ignores updates before publication', () => {
    expect(articleDates(new Date(now + 86_400_000), undefined, now).publishedAt).toBe(now + 10 * 60_000);
    expect(articleDates(undefined, undefined, now).publishedAt).toBe(now);
    expect(articleDates(new Date(now - 1000), new Date(now - 5000), now).updatedAt).toBeNull();
    expect(articleDates(new Date(now - 5000), new Date(now - 1000), now).updatedAt).toBe(now - 1000);
  });

  it('cleans author names', () => {
    expect(authorNames([{ name: 'By Jane Doe and John Roe' }, { name: 'jane doe' }, { email: 'x@y.z' }, { name: 'admin' }])).toEqual(['Jane Doe', 'John Roe']);
  });

  it('splits credits from captions', () => {
    expect(splitCredit('Boats at dawn (AFP via Getty Images)')).toEqual({ caption: 'Boats at dawn', credit: 'AFP via Getty Images' });
    expect(splitCredit('The new bridge. Photograph: Mara Quint/Harbour Wire')).toEqual({ caption: 'The new bridge', credit: 'Mara Quint/Harbour Wire' });
    expect(splitCredit('Just a caption (in brackets)')).toEqual({ caption: 'Just a caption (in brackets)' });
  });

  it('cuts standfirsts at sentence boundaries', () => {
    expect(standfirstOf(`${'One two three four five. '.repeat(20)}`, 12)).toBe('One two three four five. One two three four five.');
  });
});

describe('processItem', () => {
  it('turns a feed item into a clean article with its image, caption and credit', async () => {
    const out = await processItem(
      item({
        id: 'g1',
        title: 'Ferry &amp; timetable',
        link: 'https://h.example/s/1?utm_medium=rss',
        summary: 'The board met.',
        content: `<figure><img src="/lead.jpg"><figcaption>x</figcaption></figure>${body}`,
        published: new Date(now - 3600_000),
        authors: [{ name: 'By Mara Quint' }],
        categories: [{ term: 'Transport' }, { term: 'Transport' }],
        media: [{ url: 'https://h.example/lead.jpg', medium: 'image', width: 1200, height: 675, caption: 'The morning ferry (Harbour Wire)', source: 'media:content' }],
      }),
      { feedUrl: 'https://h.example/feed', fullText: 'auto', now },
    );
    if ('skipped' in out) throw new Error(out.skipped);
    expect(out).toMatchObject({
      guid: 'g1',
      url: 'https://h.example/s/1',
      title: 'Ferry & timetable',
      standfirst: 'The board met.',
      bodySource: 'feed',
      authors: ['Mara Quint'],
      categories: ['Transport'],
      image: { url: 'https://h.example/lead.jpg', caption: 'The morning ferry', credit: 'Harbour Wire', width: 1200, height: 675 },
      readingMinutes: 2,
    });
    expect(out.bodyHtml.startsWith('<p>')).toBe(true); // the lead image is not repeated in the body
    expect(out.wordCount).toBeGreaterThan(250);
  });

  it('extracts full text for summary-only feeds and falls back to the summary when the page fails', async () => {
    const page = `<html><head><meta property="og:image" content="/og.jpg"></head><body><nav>Home News Sport</nav><article><h1>T</h1>${body}</article><footer>About us</footer></body></html>`;
    const it = item({ id: 's', title: 'Short', link: 'https://h.example/s/2', summary: 'Only a teaser.' });
    const full = await processItem(it, { feedUrl: 'https://h.example/feed', fullText: 'auto', now, fetchPage: async (url) => ({ url, html: page }) });
    if ('skipped' in full) throw new Error(full.skipped);
    expect(full).toMatchObject({ bodySource: 'extracted', image: { url: 'https://h.example/og.jpg' } });
    expect(full.bodyText).toContain('winter timetable');
    expect(full.bodyText).not.toContain('About us');
    const failed = await processItem(it, { feedUrl: 'https://h.example/feed', fullText: 'auto', now, fetchPage: async () => null });
    expect(failed).toMatchObject({ bodySource: 'summary', bodyText: 'Only a teaser.' });
    const never = await processItem(it, { feedUrl: 'https://h.example/feed', fullText: 'never', now, fetchPage: async () => { throw new Error('must not fetch'); } });
    expect(never).toMatchObject({ bodySource: 'summary' });
  });

  it('stores nothing executable, whatever field the injection is in', async () => {
    const x = `<script>alert(1)</script><img src=x onerror=alert(1)>`;
    const out = await processItem(
      item({ id: x, title: `${x}Headline`, link: 'https://h.example/s/3', summary: x, content: `${x}${body}`, authors: [{ name: x }], categories: [{ term: x }], media: [{ url: 'javascript:alert(1)', medium: 'image', caption: x, source: 'media:content' }] }),
      { feedUrl: 'https://h.example/feed', fullText: 'never', now },
    );
    if ('skipped' in out) throw new Error(out.skipped);
    const all = JSON.stringify({ ...out, guid: '' });
    expect(all).not.toMatch(/<script|onerror|javascript:/i);
    expect(out.title).toBe('Headline');
  });

  it('skips items with nothing to identify them', async () => {
    expect(await processItem(item({}), { feedUrl: 'https://h.example/feed', fullText: 'never', now })).toEqual({ skipped: 'item has no link, id or title' });
  });
});
