import { expect, it } from 'vitest';
import { OpmlError, parseOpml } from './opml.ts';

it('reads feeds with their folders, tolerating sloppy markup', () => {
  const opml = `<?xml version="1.0"?>
<opml version="2.0"><head><title>My &amp; feeds</title></head><body>
  <outline text="Politics">
    <outline type="rss" text="Harbour Gazette" xmlUrl="https://harbour.example/feed" htmlUrl="https://harbour.example/"/>
    <outline text="Nested"><outline title="Deep" xmlurl="https://deep.example/rss"/></outline>
  </outline>
  <outline type="link" text="Just a link" url="https://example.org/"/>
  <outline text="Loose" xmlUrl="https://loose.example/atom.xml">
</body></opml>`;
  const { title, feeds } = parseOpml(opml);
  expect(title).toBe('My & feeds');
  expect(feeds).toEqual([
    {
      xmlUrl: 'https://harbour.example/feed',
      title: 'Harbour Gazette',
      htmlUrl: 'https://harbour.example/',
      folders: ['Politics'],
    },
    { xmlUrl: 'https://deep.example/rss', title: 'Deep', htmlUrl: undefined, folders: ['Politics', 'Nested'] },
    { xmlUrl: 'https://loose.example/atom.xml', title: 'Loose', htmlUrl: undefined, folders: [] },
  ]);
});

it('refuses files that are not OPML', () => {
  expect(() => parseOpml('<html><body>hi</body></html>')).toThrow(OpmlError);
  expect(() => parseOpml('')).toThrow(/not an OPML file/);
});
