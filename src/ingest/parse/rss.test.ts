import { describe, expect, it } from 'vitest';
import { parseRss } from './rss.ts';
import { parseXml } from './xml-tree.ts';

const rss = (xml: string, url?: string) => parseRss(parseXml(xml).root!, url);

describe('parseRss', () => {
  it('names the version: 0.91 … 0.94, 2.0, and none', () => {
    for (const v of ['0.91', '0.92', '0.93', '0.94'])
      expect(rss(`<rss version="${v}"><channel/></rss>`).version).toBe(`rss ${v}`);
    expect(rss('<rss version="2.0"><channel/></rss>').version).toBe('rss 2.0');
    expect(rss('<rss version="2.01"><channel/></rss>').version).toBe('rss 2.0');
    expect(rss('<rss><channel/></rss>').version).toBe('rss');
  });

  it('reads channel fields: image, ttl, skipHours/Days, managingEditor, atom:link self, lastBuildDate', () => {
    const f = rss(
      `<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel>
<title>T</title><link>https://t.example/</link><description>D</description><language>fr-FR</language><copyright>(c) T</copyright>
<generator>G 1.0</generator><managingEditor>ed@t.example (Ed Itor)</managingEditor><ttl>30</ttl>
<lastBuildDate>Tue, 24 Nov 2026 10:00:00 +0100</lastBuildDate>
<image><url>/logo.png</url><title>T</title><link>https://t.example/</link></image>
<skipHours><hour>0</hour><hour>24</hour><hour>x</hour></skipHours><skipDays><day>Sunday</day></skipDays>
<atom:link rel="self" href="https://t.example/feed" type="application/rss+xml"/></channel></rss>`,
      'https://t.example/feed',
    );
    expect(f).toMatchObject({
      title: 'T',
      link: 'https://t.example/',
      description: 'D',
      language: 'fr-FR',
      rights: '(c) T',
      generator: 'G 1.0',
      ttlMinutes: 30,
      image: { url: 'https://t.example/logo.png', title: 'T' },
      skipHours: [0, 0],
      skipDays: ['Sunday'],
      authors: [{ name: 'Ed Itor', email: 'ed@t.example' }],
      links: [
        { href: 'https://t.example/', rel: 'alternate' },
        { href: 'https://t.example/feed', rel: 'self' },
      ],
    });
    expect(f.updated?.toISOString()).toBe('2026-11-24T09:00:00.000Z');
  });

  it('reads items: guid permalink rules, link from guid, atom:link, comments-free authors, categories with domain', () => {
    const f = rss(`<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel>
<item><guid>https://t.example/p/1</guid><title>One</title><author>jo@t.example (Jo)</author><category domain="https://t.example/c">World</category></item>
<item><guid isPermaLink="false">x-2</guid><atom:link rel="alternate" href="https://t.example/p/2"/></item>
<item><title>No id</title><link> https://t.example/p/3 </link></item></channel></rss>`);
    const [a, b, c] = f.items;
    expect(a).toMatchObject({
      id: 'https://t.example/p/1',
      idIsPermalink: true,
      link: 'https://t.example/p/1',
      authors: [{ name: 'Jo', email: 'jo@t.example' }],
      categories: [{ term: 'World', scheme: 'https://t.example/c' }],
    });
    expect(b).toMatchObject({ id: 'x-2', idIsPermalink: false, link: 'https://t.example/p/2' });
    expect(c).toMatchObject({ id: undefined, link: 'https://t.example/p/3', title: 'No id' });
  });

  it('reads content:encoded, dc:*, itunes:* and Media RSS (group, thumbnail, description, credit)', () => {
    const f =
      rss(`<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:media="http://search.yahoo.com/mrss/"><channel><itunes:summary>Pod</itunes:summary>
<item><title>Ep</title><dc:creator>Ann</dc:creator><dc:date>2026-11-23T08:00:00Z</dc:date><dc:subject>Audio</dc:subject><dc:language>de</dc:language><dc:rights>CC</dc:rights>
<itunes:summary>Sum</itunes:summary><itunes:image href="https://t.example/ep.jpg"/><itunes:category text="News"><itunes:category text="Politics"/></itunes:category>
<content:encoded>&lt;p&gt;Body&lt;/p&gt;</content:encoded>
<media:group><media:title>Pic</media:title><media:description>Cap</media:description><media:credit role="photographer">Ph</media:credit>
<media:content url="https://t.example/a.jpg" type="image/jpeg" width="800"/><media:content url="https://t.example/b.jpg"/></media:group>
<media:thumbnail url="https://t.example/t.jpg" width="100" height="50"/></item></channel></rss>`);
    expect(f.description).toBe('Pod');
    const i = f.items[0]!;
    expect(i).toMatchObject({
      title: 'Ep',
      summary: 'Sum',
      content: '<p>Body</p>',
      authors: [{ name: 'Ann' }],
      language: 'de',
      rights: 'CC',
    });
    expect(i.published?.toISOString()).toBe('2026-11-23T08:00:00.000Z');
    expect(i.categories.map((c) => c.term)).toEqual(['Audio', 'News', 'Politics']);
    // The item's own media first, then each media:group's (whose description and credit they share).
    expect(i.media.map((m) => [m.source, m.url, m.caption, m.credit])).toEqual([
      ['media:thumbnail', 'https://t.example/t.jpg', undefined, undefined],
      ['media:content', 'https://t.example/a.jpg', 'Cap', 'Ph'],
      ['media:content', 'https://t.example/b.jpg', 'Cap', 'Ph'],
      ['itunes:image', 'https://t.example/ep.jpg', undefined, undefined],
    ]);
    expect(i.media[1]).toMatchObject({ type: 'image/jpeg', width: 800 });
  });

  it('resolves relative links and HTML URLs against xml:base and the feed URL', () => {
    const f = rss(
      `<rss version="2.0" xml:base="https://b.example/news/"><channel><item xml:base="2026/"><link>story.html</link>
<description>&lt;img src="pic.jpg"&gt; &lt;a href="https://o.example/"&gt;o&lt;/a&gt;</description></item></channel></rss>`,
      'https://feed.example/rss',
    );
    expect(f.items[0]).toMatchObject({
      link: 'https://b.example/news/2026/story.html',
      baseUrl: 'https://b.example/news/2026/',
    });
    expect(f.items[0]!.summary).toBe(
      '<img src="https://b.example/news/2026/pic.jpg"> <a href="https://o.example/">o</a>',
    );
  });

  it('keeps unescaped inline markup in a description as markup', () => {
    const f = rss(
      '<rss version="2.0"><channel><item><description>Hello <b>bold</b> world</description></item></channel></rss>',
    );
    expect(f.items[0]!.summary).toBe('Hello <b>bold</b> world');
  });
});
