// The feeds hostile-fields.test.ts fills, one field at a time: an RSS 2.0
// feed, an Atom feed and a JSON Feed, each with one ordinary item and every
// field we read, any of which can be given the hostile text instead.

export interface Field {
  name: string;
  /** The whole document with this field holding `text` (escaped for its place, or raw markup when `raw` and it is XML element text). */
  build(text: string, raw: boolean): string;
}

type Slot = (name: string, ordinary: string, kind?: 'text' | 'attr') => string;

const xmlText = (s: string) => s.split('&').join('&amp;').split('<').join('&lt;');
const xmlAttr = (s: string) => xmlText(s).split('"').join('&quot;');

const rss = (v: Slot) => `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">
<channel><title>${v('rss channel title', 'Gazette')}</title><link>${v('rss channel link', 'https://h.example/')}</link><description>${v('rss channel description', 'News')}</description>
<language>${v('rss channel language', 'en')}</language><generator>${v('rss generator', 'g')}</generator><managingEditor>${v('rss managingEditor', 'ed@h.example (Ed)')}</managingEditor>
<item><title>${v('rss item title', 'Ferry timetable agreed')}</title><link>${v('rss item link', 'https://h.example/s/1')}</link><guid isPermaLink="false">${v('rss guid', 'g-1')}</guid>
<description>${v('rss description', 'The board met.')}</description><content:encoded>${v('rss content:encoded', '&lt;p&gt;Body text of the story.&lt;/p&gt;')}</content:encoded>
<author>${v('rss author', 'mara@h.example (Mara Quint)')}</author><dc:creator>${v('rss dc:creator', 'By Ann Poe and Joe Roe')}</dc:creator><category domain="${v('rss category domain', 'd', 'attr')}">${v('rss category', 'Transport')}</category>
<pubDate>${v('rss pubDate', 'Mon, 23 Nov 2026 08:00:00 GMT')}</pubDate><dc:language>${v('rss dc:language', 'en')}</dc:language>
<enclosure url="${v('rss enclosure url', 'https://h.example/a.jpg', 'attr')}" type="${v('rss enclosure type', 'image/jpeg', 'attr')}"/>
<media:content url="${v('rss media:content url', 'https://h.example/m.jpg', 'attr')}" medium="image" width="800"><media:title>${v('rss media:title', 'Ferry')}</media:title>
<media:description>${v('rss media:description', 'The ferry at dawn (Harbour Wire)')}</media:description><media:credit>${v('rss media:credit', 'Harbour Wire')}</media:credit></media:content>
<media:keywords>${v('rss media:keywords', 'ferries, harbour')}</media:keywords></item></channel></rss>`;

const atom = (v: Slot) => `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en"><title>${v('atom feed title', 'Gazette')}</title><subtitle type="html">${v('atom subtitle', 'News')}</subtitle>
<link rel="alternate" href="${v('atom feed link', 'https://h.example/', 'attr')}"/><id>urn:feed</id><updated>2026-11-23T08:00:00Z</updated>
<entry><id>${v('atom id', 'urn:e1')}</id><title type="text">${v('atom title', 'Ferry timetable agreed')}</title><link rel="alternate" href="${v('atom link href', 'https://h.example/s/1', 'attr')}"/>
<published>${v('atom published', '2026-11-23T08:00:00Z')}</published><updated>${v('atom updated', '2026-11-23T09:00:00Z')}</updated>
<author><name>${v('atom author name', 'Mara Quint')}</name><email>${v('atom author email', 'mara@h.example')}</email><uri>${v('atom author uri', 'https://h.example/mara')}</uri></author>
<category term="${v('atom category term', 'transport', 'attr')}" label="${v('atom category label', 'Transport', 'attr')}"/>
<summary type="html">${v('atom summary (html)', '&lt;p&gt;The board met.&lt;/p&gt;')}</summary><rights>${v('atom rights', '© Gazette')}</rights>
<content type="html">${v('atom content (html)', '&lt;p&gt;Body text.&lt;/p&gt;')}</content></entry>
<entry><id>urn:e2</id><title type="html">${v('atom title (html)', 'Second &amp;amp; last')}</title><link href="https://h.example/s/2"/>
<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">${v('atom content (xhtml)', '<p>Body <b>text</b>.</p>')}</div></content></entry></feed>`;

const json = (v: Slot) =>
  JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: v('json title', 'Gazette'),
    home_page_url: v('json home_page_url', 'https://h.example/'),
    description: v('json description', 'News'),
    language: v('json language', 'en'),
    authors: [{ name: v('json feed author', 'Desk') }],
    items: [
      {
        id: v('json id', '1'),
        url: v('json url', 'https://h.example/s/1'),
        external_url: v('json external_url', 'https://o.example/'),
        title: v('json item title', 'Ferry timetable agreed'),
        content_html: v('json content_html', '<p>Body text.</p>'),
        summary: v('json summary', 'The board met.'),
        image: v('json image', 'https://h.example/i.jpg'),
        date_published: v('json date_published', '2026-11-23T08:00:00Z'),
        authors: [{ name: v('json author name', 'Mara Quint'), url: v('json author url', 'https://h.example/mara') }],
        tags: [v('json tag', 'transport')],
        attachments: [
          {
            url: v('json attachment url', 'https://h.example/a.mp3'),
            mime_type: v('json attachment mime_type', 'audio/mpeg'),
            title: v('json attachment title', 'Audio'),
          },
        ],
        language: v('json item language', 'en'),
      },
      {
        id: 2,
        url: 'https://h.example/s/2',
        content_text: v('json content_text', 'Plain text body.\n\nSecond paragraph.'),
      },
    ],
  });

/** Every slot name a template has, in the order it uses them. */
function slots(template: (v: Slot) => string): string[] {
  const names: string[] = [];
  template((name, ordinary) => (names.push(name), ordinary));
  return names;
}

function fields(template: (v: Slot) => string, isJson: boolean): Field[] {
  return slots(template).map((target) => ({
    name: target,
    build: (text, raw) =>
      template((name, ordinary, kind = 'text') => {
        if (name !== target) return ordinary;
        if (isJson) return text;
        return kind === 'attr' ? xmlAttr(text) : raw ? text : xmlText(text);
      }),
  }));
}

export const FIELDS: Field[] = [...fields(rss, false), ...fields(atom, false), ...fields(json, true)];
