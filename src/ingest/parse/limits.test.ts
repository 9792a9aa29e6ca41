import { describe, expect, it } from 'vitest';
import { personFromText } from './common.ts';
import { capItem, COUNT_CAPS, cut, FIELD_CAPS } from './limits.ts';
import { parseFeed } from './parse-feed.ts';
import type { ParsedItem } from './types.ts';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const rss = (item: string, channel = '') =>
  `<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>C</title>${channel}<item>${item}</item></channel></rss>`;

describe('field caps at parse time', () => {
  it('cuts every text field of an RSS item to its cap, and lists what it cut', () => {
    const long = 'x'.repeat(3_000_000);
    const f = parseFeed(
      rss(
        `<title>${long}</title><guid>${long}</guid><description>${long}</description><content:encoded>${long}</content:encoded><dc:creator>${long}</dc:creator><category>${long}</category><pubDate>${long}</pubDate>` +
          `<media:content url="https://h.example/a.jpg"><media:description>${long}</media:description><media:credit>${long}</media:credit></media:content>`,
        `<description>${long}</description><generator>${long}</generator>`,
      ),
    );
    const i = f.items[0]!;
    expect(i.title).toHaveLength(FIELD_CAPS.title);
    expect(i.id).toHaveLength(FIELD_CAPS.id);
    expect(i.summary).toHaveLength(FIELD_CAPS.summary);
    expect(i.content).toHaveLength(FIELD_CAPS.content);
    expect(i.authors[0]!.name!.length).toBeLessThanOrEqual(FIELD_CAPS.personName);
    expect(i.categories[0]!.term).toHaveLength(FIELD_CAPS.categoryTerm);
    expect(i.publishedRaw).toHaveLength(FIELD_CAPS.date);
    expect(i.media[0]).toMatchObject({ url: 'https://h.example/a.jpg' });
    expect(i.media[0]!.caption).toHaveLength(FIELD_CAPS.caption);
    expect(i.media[0]!.credit).toHaveLength(FIELD_CAPS.credit);
    expect(f.description).toHaveLength(FIELD_CAPS.feedDescription);
    expect(f.generator).toHaveLength(FIELD_CAPS.generator);
    expect(i.capped).toContain('the content was longer than 2,000,000 characters and was cut');
    expect(f.capped).toContain('the feed description was longer than 65,536 characters and was cut');
  });

  it('drops URLs longer than their cap rather than cutting them (a cut URL is a wrong one)', () => {
    const url = `https://h.example/${'a'.repeat(FIELD_CAPS.url)}`;
    const f = parseFeed(
      rss(
        `<title>t</title><link>${url}</link><enclosure url="${url}" type="image/jpeg"/><media:content url="https://h.example/ok.jpg"/>`,
      ),
    );
    expect(f.items[0]!.link).toBeUndefined();
    expect(f.items[0]!.media.map((m) => m.url)).toEqual(['https://h.example/ok.jpg']);
    expect(f.items[0]!.capped).toContain('the link was longer than 4,096 characters and was dropped');
  });

  it('caps the counts of authors, categories, media and links, in Atom and JSON Feed too', () => {
    const atom = parseFeed(
      `<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><entry><id>e</id><title>${esc('<b>'.repeat(5000))}</title>${'<author><name>N</name></author>'.repeat(100)}${'<category term="t"/>'.repeat(1000)}${'<link rel="related" href="https://h.example/r"/>'.repeat(500)}</entry></feed>`,
    );
    const e = atom.items[0]!;
    expect(e.authors).toHaveLength(COUNT_CAPS.authors);
    expect(e.categories).toHaveLength(COUNT_CAPS.categories);
    expect(e.links).toHaveLength(COUNT_CAPS.links);
    const json = parseFeed(
      JSON.stringify({
        version: 'https://jsonfeed.org/version/1.1',
        title: 'x'.repeat(10_000),
        items: [
          {
            id: 1,
            url: 'https://h.example/1',
            tags: Array.from({ length: 1000 }, (_, k) => `t${k}`),
            attachments: Array.from({ length: 100 }, () => ({ url: 'https://h.example/a.mp3' })),
          },
        ],
      }),
    );
    expect(json.title).toHaveLength(FIELD_CAPS.title);
    expect(json.items[0]!.categories).toHaveLength(COUNT_CAPS.categories);
    expect(json.items[0]!.media).toHaveLength(COUNT_CAPS.media);
  });

  it('reads a million comma-separated keywords in linear time (de-duplication was quadratic)', () => {
    const f = parseFeed(
      rss(
        `<title>t</title><media:keywords>${'k,'.repeat(1_000_000)}${Array.from({ length: 200 }, (_, k) => `w${k}`).join(',')}</media:keywords>`,
      ),
    );
    expect(f.items[0]!.categories.map((c) => c.term)).toEqual([
      'k',
      ...Array.from({ length: COUNT_CAPS.categories - 1 }, (_, k) => `w${k}`),
    ]);
  });

  it('never cuts between the halves of a surrogate pair, and is idempotent', () => {
    expect(cut('ab😀', 3)).toBe('ab');
    expect(cut('ab😀', 4)).toBe('ab😀');
    const item: ParsedItem = { title: '😀'.repeat(5000), links: [], authors: [], categories: [], media: [] };
    const once = capItem(item);
    expect(once.title!.length).toBe(FIELD_CAPS.title);
    expect(capItem(once)).toEqual(once);
  });

  it('keeps bozo reasons short whatever the document names its tags', () => {
    const f = parseFeed(`<rss version="2.0"><channel><title>t</title></${'x'.repeat(100_000)}></channel></rss>`);
    expect(f.bozo).toBe(true);
    for (const r of f.bozoReasons) expect(r.length).toBeLessThanOrEqual(FIELD_CAPS.reason);
  });
});

describe('personFromText', () => {
  it('reads the address forms feeds use', () => {
    expect(personFromText('jane@x.org (Jane Doe)')).toEqual({ email: 'jane@x.org', name: 'Jane Doe' });
    expect(personFromText('jane@x.org ()')).toEqual({ email: 'jane@x.org', name: undefined });
    expect(personFromText('Jane Doe (jane@x.org)')).toEqual({ name: 'Jane Doe', email: 'jane@x.org' });
    expect(personFromText('Jane Doe <jane@x.org>')).toEqual({ name: 'Jane Doe', email: 'jane@x.org' });
    expect(personFromText('<jane@x.org>')).toEqual({ name: undefined, email: 'jane@x.org' });
    expect(personFromText(' jane@x.org ')).toEqual({ email: 'jane@x.org' });
    expect(personFromText('Jane  Doe\n')).toEqual({ name: 'Jane Doe' });
    expect(personFromText('Jane (Editor)')).toEqual({ name: 'Jane (Editor)' });
    expect(personFromText('   ')).toBeUndefined();
  });

  it('stays cheap on a hostile name of two million characters', () => {
    for (const unit of ['a', '@', '(', 'a@', ' (', '\t', 'a (b@c) ']) {
      const p = personFromText(unit.repeat(2_000_000 / unit.length));
      expect((p?.name ?? p?.email ?? '').length).toBeLessThanOrEqual(4 * FIELD_CAPS.personName);
    }
  });
});
