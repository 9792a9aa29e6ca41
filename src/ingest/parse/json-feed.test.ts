import { describe, expect, it } from 'vitest';
import { parseJsonFeed } from './json-feed.ts';
import { FeedParseError } from './types.ts';

describe('parseJsonFeed', () => {
  it('reads JSON Feed 1.1 with authors, tags, attachments and relative URLs', () => {
    const f = parseJsonFeed(
      JSON.stringify({
        version: 'https://jsonfeed.org/version/1.1',
        title: 'J',
        home_page_url: 'https://j.example/',
        feed_url: 'https://j.example/feed.json',
        description: 'D',
        language: 'en',
        icon: '/i.png',
        authors: [{ name: 'Feed A' }],
        items: [
          {
            id: 1,
            url: '/p/1',
            external_url: 'https://o.example/',
            title: 'One',
            content_html: '<p>x</p>',
            summary: 'S',
            date_published: '2026-11-23T08:00:00Z',
            date_modified: '2026-11-24T08:00:00Z',
            tags: ['a', 2, 'b'],
            attachments: [{ url: '/a.mp3', mime_type: 'audio/mpeg', size_in_bytes: 9 }],
          },
          { id: 'two', content_text: 'Plain' },
          'not an item',
        ],
      }),
    );
    expect(f).toMatchObject({
      format: 'json',
      version: 'json 1.1',
      title: 'J',
      link: 'https://j.example/',
      description: 'D',
      language: 'en',
      image: { url: 'https://j.example/i.png' },
      authors: [{ name: 'Feed A' }],
    });
    expect(f.items).toHaveLength(2);
    expect(f.items[0]).toMatchObject({
      id: '1',
      link: 'https://j.example/p/1',
      title: 'One',
      content: '<p>x</p>',
      summary: 'S',
      categories: [{ term: 'a' }, { term: 'b' }],
      authors: [{ name: 'Feed A' }],
    });
    expect(f.items[0]!.links).toContainEqual({ href: 'https://o.example/', rel: 'related' });
    expect(f.items[0]!.media).toEqual([
      expect.objectContaining({ url: 'https://j.example/a.mp3', type: 'audio/mpeg', length: 9, source: 'attachment' }),
    ]);
    expect(f.items[0]!.updated?.toISOString()).toBe('2026-11-24T08:00:00.000Z');
    expect(f.items[1]).toMatchObject({ id: 'two', content: '<p>Plain</p>' });
  });

  it('reads JSON Feed 1.0 (single author)', () => {
    const f = parseJsonFeed(
      JSON.stringify({
        version: 'https://jsonfeed.org/version/1',
        title: 'Old',
        author: { name: 'Solo' },
        items: [{ id: 'x' }],
      }),
    );
    expect(f).toMatchObject({ version: 'json 1', items: [{ id: 'x', authors: [{ name: 'Solo' }] }] });
  });

  it('refuses JSON that is not a JSON Feed, and broken JSON', () => {
    expect(() => parseJsonFeed('{"a":1}')).toThrow(FeedParseError);
    expect(() => parseJsonFeed('{"version": "https://jsonfeed.org/version/1",')).toThrow(/not valid JSON/);
    expect(() => parseJsonFeed('[1,2]')).toThrow(FeedParseError);
  });
});
