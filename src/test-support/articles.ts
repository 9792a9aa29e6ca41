// Test support: an article row with harmless defaults, for suites that insert
// through the catalogue.
import type { NewArticle } from '../db/schema.ts';

let counter = 0;

export function testArticle(publisherId: number, key: string | number, over: Partial<NewArticle> = {}): NewArticle {
  const n = `${key}-${++counter}`;
  return {
    publisher_id: publisherId,
    feed_id: null,
    guid: `g-${n}`,
    external_id: null,
    url: `https://x.example/${n}`,
    title: `Story ${n}`,
    standfirst: '',
    body_html: '',
    body_text: 'Nothing much happened.',
    body_source: 'feed',
    section: 'news',
    categories: '[]',
    language: 'en',
    image_url: null,
    image_caption: null,
    image_credit: null,
    image_width: null,
    image_height: null,
    word_count: 10,
    reading_minutes: 1,
    published_at: Date.parse('2026-11-23T09:00:00Z'),
    updated_at: null,
    content_hash: 'h',
    source_hash: 'h',
    minhash: null,
    duplicate_of: null,
    status: 'published',
    is_free: 0,
    created_at: 0,
    modified_at: 0,
    ...over,
  };
}
