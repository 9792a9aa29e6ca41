import { describe, expect, it } from 'vitest';
import { parseAtom } from './atom.ts';
import { parseXml } from './xml-tree.ts';

const atom = (xml: string, url?: string) => parseAtom(parseXml(xml).root!, url);

describe('parseAtom', () => {
  it('reads Atom 1.0 feed and entry fields', () => {
    const f = atom(
      `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en"><title>F</title><subtitle type="html">Sub &lt;b&gt;x&lt;/b&gt;</subtitle>
<link rel="alternate" type="text/html" href="https://f.example/"/><link rel="self" href="https://f.example/atom"/><updated>2026-11-23T08:00:00Z</updated>
<rights>CC-BY</rights><generator uri="https://gen.example/">Gen</generator><logo>/logo.png</logo><author><name>Ann</name><email>ann@f.example</email><uri>/ann</uri></author>
<entry><id>urn:1</id><title type="text">A &lt;tag&gt;</title><link href="https://f.example/1"/><link rel="enclosure" href="https://f.example/1.mp3" type="audio/mpeg" length="42"/>
<published>2026-11-22T08:00:00+01:00</published><updated>2026-11-23T08:00:00Z</updated><category term="t" scheme="s" label="L"/>
<summary>Plain &amp; short</summary><content type="html">&lt;p&gt;Body&lt;/p&gt;</content></entry></feed>`,
      'https://f.example/atom',
    );
    expect(f).toMatchObject({
      format: 'atom',
      version: 'atom 1.0',
      title: 'F',
      description: 'Sub <b>x</b>',
      link: 'https://f.example/',
      language: 'en',
      rights: 'CC-BY',
      generator: 'Gen',
      image: { url: 'https://f.example/logo.png' },
    });
    expect(f.authors).toEqual([{ name: 'Ann', email: 'ann@f.example', url: 'https://f.example/ann' }]);
    const e = f.items[0]!;
    expect(e).toMatchObject({
      id: 'urn:1',
      title: 'A <tag>',
      titleHtml: undefined,
      link: 'https://f.example/1',
      summary: 'Plain &amp; short',
      content: '<p>Body</p>',
      authors: [{ name: 'Ann' }],
      categories: [{ term: 't', scheme: 's', label: 'L' }],
    });
    expect(e.published?.toISOString()).toBe('2026-11-22T07:00:00.000Z');
    expect(e.media).toEqual([
      expect.objectContaining({ url: 'https://f.example/1.mp3', type: 'audio/mpeg', length: 42, source: 'enclosure' }),
    ]);
  });

  it('reads xhtml content without its wrapper div, and html titles both ways', () => {
    const f =
      atom(`<feed xmlns="http://www.w3.org/2005/Atom"><entry><title type="html">&lt;em&gt;Hi&lt;/em&gt; &amp;amp; bye</title>
<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Para <br/>two</p></div></content></entry></feed>`);
    expect(f.items[0]).toMatchObject({
      title: 'Hi & bye',
      titleHtml: '<em>Hi</em> &amp; bye',
      content: '<p>Para <br />two</p>',
    });
  });

  it('reads Atom 0.3: issued/modified, tagline, copyright, escaped and base64 modes', () => {
    const f =
      atom(`<feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>Old</title><tagline>Tag</tagline><copyright>C</copyright>
<modified>2004-01-01T00:00:00Z</modified><link rel="alternate" type="text/html" href="https://o.example/"/>
<entry><id>tag:o,2004:1</id><title>E</title><issued>2003-12-31T10:14:55-05:00</issued><modified>2004-01-01T00:00:00Z</modified>
<summary type="text/html" mode="escaped">&lt;b&gt;S&lt;/b&gt;</summary><content type="text/html" mode="base64">${Buffer.from('<p>B64</p>').toString('base64')}</content></entry></feed>`);
    expect(f).toMatchObject({
      version: 'atom 0.3',
      title: 'Old',
      description: 'Tag',
      rights: 'C',
      link: 'https://o.example/',
    });
    expect(f.items[0]).toMatchObject({ summary: '<b>S</b>', content: '<p>B64</p>' });
    expect(f.items[0]!.published?.toISOString()).toBe('2003-12-31T15:14:55.000Z');
  });

  it('resolves links and content URLs against nested xml:base', () => {
    const f =
      atom(`<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://b.example/a/"><entry xml:base="b/"><link href="c.html"/>
<content type="html" xml:base="/root/">&lt;a href="d.html"&gt;d&lt;/a&gt;</content></entry></feed>`);
    expect(f.items[0]).toMatchObject({
      link: 'https://b.example/a/b/c.html',
      content: '<a href="https://b.example/root/d.html">d</a>',
    });
  });

  it('reads an empty type as text, and <item> as an entry (as feedparser does)', () => {
    const f = atom(
      '<feed xmlns="http://www.w3.org/2005/Atom"><entry><title type="">evil</title></entry><item><title>also</title></item></feed>',
    );
    expect(f.items.map((e) => e.title)).toEqual(['evil', 'also']);
  });

  it('falls back to source authors, then feed authors', () => {
    const f = atom(`<feed xmlns="http://www.w3.org/2005/Atom"><author><name>Feed</name></author>
<entry><source><author><name>Src</name></author></source></entry><entry/></feed>`);
    expect(f.items.map((e) => e.authors[0]?.name)).toEqual(['Src', 'Feed']);
  });
});
