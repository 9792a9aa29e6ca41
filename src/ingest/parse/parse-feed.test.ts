import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { parseFeed } from './parse-feed.ts';

describe('parseFeed', () => {
  it('reads RSS 2.0 with content, Dublin Core and Media RSS', () => {
    const f = parseFeed(
      `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:m="http://search.yahoo.com/mrss/">
<channel><title>Gazette</title><link>https://g.example/</link><language>en_GB</language><ttl>15</ttl><skipHours><hour>1</hour><hour>2</hour></skipHours>
<item><guid isPermaLink="false">id-1</guid><title>A &amp; B</title><link>/story/1</link><pubDate>Mon, 23 Nov 2026 08:00:00 GMT</pubDate>
<dc:creator>Mara Quint</dc:creator><category>Politics</category><description>Short</description>
<content:encoded><![CDATA[<p>Full <a href="/x">text</a></p>]]></content:encoded>
<m:group><m:description>Harbour at dawn</m:description><m:credit>Wire</m:credit><m:content url="https://g.example/big.jpg" width="1200" height="800" medium="image"/></m:group>
<enclosure url="https://g.example/a.mp3" length="100" type="audio/mpeg"/></item></channel></rss>`,
      { url: 'https://g.example/feed.xml' },
    );
    expect(f).toMatchObject({
      format: 'rss',
      version: 'rss 2.0',
      title: 'Gazette',
      language: 'en-GB',
      ttlMinutes: 15,
      skipHours: [1, 2],
      bozo: false,
    });
    const i = f.items[0]!;
    expect(i).toMatchObject({
      id: 'id-1',
      idIsPermalink: false,
      title: 'A & B',
      link: 'https://g.example/story/1',
      summary: 'Short',
      authors: [{ name: 'Mara Quint' }],
      categories: [{ term: 'Politics' }],
    });
    expect(i.content).toBe('<p>Full <a href="https://g.example/x">text</a></p>');
    expect(i.published?.toISOString()).toBe('2026-11-23T08:00:00.000Z');
    expect(i.media).toEqual([
      expect.objectContaining({
        url: 'https://g.example/big.jpg',
        width: 1200,
        caption: 'Harbour at dawn',
        credit: 'Wire',
        source: 'media:content',
      }),
      expect.objectContaining({ url: 'https://g.example/a.mp3', type: 'audio/mpeg', length: 100, source: 'enclosure' }),
    ]);
  });

  it('reads Atom 1.0 with xml:base, xhtml content and authors', () => {
    const f =
      parseFeed(`<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://a.example/blog/"><title type="html">Atom &lt;i&gt;Feed&lt;/i&gt;</title>
<author><name>Feed Author</name></author>
<entry xml:base="posts/"><id>tag:a,2026:1</id><title>Hello</title><link href="one.html"/><updated>2026-11-23T08:00:00Z</updated>
<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Hi <a href="two.html">there</a></p></div></content></entry></feed>`);
    expect(f).toMatchObject({ format: 'atom', version: 'atom 1.0', title: 'Atom <i>Feed</i>' });
    expect(f.items[0]).toMatchObject({
      id: 'tag:a,2026:1',
      link: 'https://a.example/blog/posts/one.html',
      authors: [{ name: 'Feed Author' }],
    });
    expect(f.items[0]!.content).toBe('<p>Hi <a href="https://a.example/blog/posts/two.html">there</a></p>');
  });

  it('reads RSS 1.0 (RDF) and JSON Feed 1.1', () => {
    const rdf =
      parseFeed(`<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://r.example/"><title>RDF</title><link>https://r.example/</link></channel>
<item rdf:about="https://r.example/1"><title>One</title><link>https://r.example/1</link><dc:date>2026-11-23T08:00:00Z</dc:date></item></rdf:RDF>`);
    expect(rdf).toMatchObject({ format: 'rdf', version: 'rss 1.0', title: 'RDF' });
    expect(rdf.items[0]).toMatchObject({ id: 'https://r.example/1', title: 'One' });
    const json = parseFeed(
      JSON.stringify({
        version: 'https://jsonfeed.org/version/1.1',
        title: 'J',
        items: [
          {
            id: 7,
            url: 'https://j.example/7',
            content_text: 'Para one.\n\nPara <two>.',
            authors: [{ name: 'Jo' }],
            image: 'https://j.example/i.png',
          },
        ],
      }),
    );
    expect(json.items[0]).toMatchObject({
      id: '7',
      content: '<p>Para one.</p><p>Para &lt;two&gt;.</p>',
      authors: [{ name: 'Jo' }],
      media: [{ url: 'https://j.example/i.png', source: 'image' }],
    });
  });

  it('recovers from ill-formed XML and says so', () => {
    const f = parseFeed(
      `<rss version="2.0"><channel><title>Fish & Chips&nbsp;Daily</title><item><title>Caf&eacute; opens</title><link>https://x.example/?a=1&b=2</link></item></channel>`,
    );
    expect(f.bozo).toBe(true);
    expect(f.bozoReasons[0]).toMatch(/unescaped &/);
    expect(f.title).toBe('Fish & Chips\u00a0Daily');
    expect(f.items[0]).toMatchObject({ title: 'Café opens', link: 'https://x.example/?a=1&b=2' });
  });

  it('decodes by BOM, HTTP charset and XML declaration, and notices wrong declarations', () => {
    const latin = iconv.encode(
      '<?xml version="1.0" encoding="iso-8859-1"?><rss version="2.0"><channel><title>Café</title></channel></rss>',
      'latin1',
    );
    expect(parseFeed(latin).title).toBe('Café');
    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from('<rss version="2.0"><channel><title>Ünïcode</title></channel></rss>', 'utf16le'),
    ]);
    expect(parseFeed(utf16).title).toBe('Ünïcode');
    const lying = Buffer.concat([
      Buffer.from('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Caf'),
      Buffer.from([0xe9]),
      Buffer.from('</title></channel></rss>'),
    ]);
    const f = parseFeed(lying);
    expect(f.title).toBe('Café');
    expect(f.bozo).toBe(true);
    expect(f.bozoReasons.join()).toMatch(/windows-1252/);
  });
});
