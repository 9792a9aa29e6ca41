import { describe, expect, it } from 'vitest';
import { parseFeed } from './parse-feed.ts';

const links = (xml: string | Buffer, url?: string) => parseFeed(xml, { url }).items.map((i) => i.baseUrl ?? i.link);
const itemLinks = (xml: string | Buffer, url?: string) => parseFeed(xml, { url }).items.map((i) => i.link);

describe('a relative xml:base with nothing absolute above it', () => {
  // The shape of a public subreddit's Atom feed: a site-relative base on the root, absolute entry links.
  const feed = `<feed xmlns="http://www.w3.org/2005/Atom" xml:base="/r/harbour/">
    <title>r/harbour</title>
    <entry><id>t3_1</id><title>Ferry</title><link href="https://www.forum.example/r/harbour/comments/1/ferry/" /></entry>
    <entry><id>t3_2</id><title>Bridge</title><link href="https://www.forum.example/r/harbour/comments/2/bridge/" /></entry>
  </feed>`;

  it('is not used as a base: absolute links stay as they are and the item base is absolute or absent', () => {
    const parsed = parseFeed(feed);
    expect(parsed.items.map((i) => i.link)).toEqual([
      'https://www.forum.example/r/harbour/comments/1/ferry/',
      'https://www.forum.example/r/harbour/comments/2/bridge/',
    ]);
    expect(parsed.items.map((i) => i.baseUrl)).toEqual([undefined, undefined]);
  });

  it('still resolves against the fetched URL when there is one', () => {
    expect(links(feed, 'https://www.forum.example/r/harbour/.rss')).toEqual([
      'https://www.forum.example/r/harbour/',
      'https://www.forum.example/r/harbour/',
    ]);
  });
});

describe('the address a feed states for itself, when read without a URL', () => {
  it('takes the RSS atom:link rel="self" first', () => {
    const feed = `<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>T</title>
      <link>https://site.example/</link>
      <atom:link rel="self" href="https://feeds.example/news/rss.xml" type="application/rss+xml" />
      <item><title>A</title><link>2026/a.html</link></item></channel></rss>`;
    const parsed = parseFeed(feed);
    expect(parsed.statedUrl).toBe('https://feeds.example/news/rss.xml');
    expect(parsed.items[0]!.link).toBe('https://feeds.example/news/2026/a.html');
  });

  it('falls back to the channel link, then to an absolute xml:base', () => {
    const channel = `<rss version="2.0"><channel><title>T</title><link>https://site.example/news/</link>
      <item><title>A</title><link>/2026/a.html</link></item></channel></rss>`;
    expect(itemLinks(channel)).toEqual(['https://site.example/2026/a.html']);
    const base = `<rss version="2.0" xml:base="https://base.example/x/"><channel><title>T</title>
      <item><title>A</title><link>a.html</link></item></channel></rss>`;
    expect(itemLinks(base)).toEqual(['https://base.example/x/a.html']);
  });

  it("reads Atom's own self link, and its alternate link when there is no self", () => {
    const self = `<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>
      <link rel="self" href="https://blog.example/feed.atom" /><link href="https://www.blog.example/" />
      <entry><id>1</id><title>A</title><link href="/posts/a" /></entry></feed>`;
    expect(itemLinks(self)).toEqual(['https://blog.example/posts/a']);
    const alternate = self.replace('<link rel="self" href="https://blog.example/feed.atom" />', '');
    expect(itemLinks(alternate)).toEqual(['https://www.blog.example/posts/a']);
  });

  it('is ignored when a URL was given, and only http(s) addresses count', () => {
    const feed = `<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>T</title>
      <atom:link rel="self" href="ftp://files.example/rss.xml" /><link>javascript:alert(1)</link>
      <item><title>A</title><link>/a</link></item></channel></rss>`;
    expect(parseFeed(feed).statedUrl).toBeUndefined();
    expect(itemLinks(feed)).toEqual(['/a']);
    expect(itemLinks(feed, 'https://fetched.example/rss')).toEqual(['https://fetched.example/a']);
    expect(parseFeed(feed, { url: 'https://fetched.example/rss' }).statedUrl).toBeUndefined();
  });
});
