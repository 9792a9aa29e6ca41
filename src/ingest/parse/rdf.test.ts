import { describe, expect, it } from 'vitest';
import { parseRdf } from './rdf.ts';
import { parseXml } from './xml-tree.ts';

const rdf = (xml: string) => parseRdf(parseXml(xml).root!, undefined);

describe('parseRdf', () => {
  it('reads RSS 1.0 with items beside the channel, dc:* and the image by reference', () => {
    const f =
      rdf(`<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://r.example/"><title>R</title><link>https://r.example/</link><description>Desc</description><dc:language>en</dc:language><dc:date>2026-11-23T08:00:00Z</dc:date>
<image rdf:resource="https://r.example/logo.png"/></channel>
<item rdf:about="https://r.example/1"><title>One</title><link>https://r.example/1</link><dc:creator>Al</dc:creator><dc:subject>Tech</dc:subject><description>D1</description></item>
<item rdf:about="https://r.example/2"><title>Two</title></item></rdf:RDF>`);
    expect(f).toMatchObject({
      format: 'rdf',
      version: 'rss 1.0',
      title: 'R',
      description: 'Desc',
      language: 'en',
      image: { url: 'https://r.example/logo.png' },
    });
    expect(f.updated?.toISOString()).toBe('2026-11-23T08:00:00.000Z');
    expect(f.items).toHaveLength(2);
    expect(f.items[0]).toMatchObject({
      id: 'https://r.example/1',
      title: 'One',
      link: 'https://r.example/1',
      summary: 'D1',
      authors: [{ name: 'Al' }],
      categories: [{ term: 'Tech' }],
    });
    expect(f.items[1]).toMatchObject({ id: 'https://r.example/2', link: 'https://r.example/2' });
  });

  it('recognises RSS 0.90 by its namespace', () => {
    const f =
      rdf(`<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://my.netscape.com/rdf/simple/0.9/">
<channel><title>Old</title><link>https://o.example/</link></channel><item><title>I</title><link>https://o.example/i</link></item></rdf:RDF>`);
    expect(f).toMatchObject({
      version: 'rss 0.90',
      title: 'Old',
      items: [{ title: 'I', link: 'https://o.example/i' }],
    });
  });
});
