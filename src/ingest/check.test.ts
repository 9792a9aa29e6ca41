import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { checkFeed, checkSource, CheckSourceError } from './check.ts';
import type { FetchRequest, Fetcher } from './fetch/types.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-check-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const now = Date.parse('2026-11-24T09:00:00Z');

const rss = (items: string) => `<rss version="2.0"><channel><title>Checked</title>${items}</channel></rss>`;
const item = (pubDate: string) =>
  `<item><title>One</title><link>https://c.example/1</link><pubDate>${pubDate}</pubDate><description>Words here.</description></item>`;

/** A fetcher that serves one body and records what it was asked for. */
function fakeFetcher(body: string): Fetcher & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    async fetch(req: FetchRequest) {
      asked.push(req.url);
      return {
        status: 'ok',
        body: Buffer.from(body),
        finalUrl: req.url,
        httpStatus: 200,
        headers: {},
        elapsedMs: 1,
        contentType: 'application/rss+xml',
      };
    },
  };
}

const never: Fetcher = {
  fetch: () => {
    throw new Error('must not fetch');
  },
};

describe('feeds check: what the source is', () => {
  it('refuses a URL with an unsupported scheme, naming the supported ones, instead of reading it as a path', async () => {
    for (const source of [
      'gopher://host/feed',
      'ftp://host/feed.xml',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'data:text/xml,<rss/>',
    ]) {
      const err = await checkFeed(source, { fetcher: never, now }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(CheckSourceError);
      expect((err as Error).message).toMatch(
        /unsupported URL scheme "[a-z]+:"; feeds check fetches http, https or feed URLs, or reads a feed file given as a path/,
      );
      expect((err as Error).message.startsWith(source.slice(0, 20))).toBe(true);
    }
  });

  it('says "no such file" for a missing file, and what else it could have been given', async () => {
    const missing = path.join(dir, 'nope.xml');
    await expect(checkFeed(missing, { fetcher: never, now })).rejects.toThrow(
      `no such file: ${missing} (give an http, https or feed URL, or the path of a feed file)`,
    );
    await expect(checkFeed(dir, { fetcher: never, now })).rejects.toThrow(`${dir} is a directory, not a feed file`);
    // One letter before the colon is a drive, not a scheme.
    await expect(checkFeed('C:\\feeds\\x.xml', { fetcher: never, now })).rejects.toThrow(
      /^no such file: C:\\feeds\\x\.xml/,
    );
  });

  it('reads a file whose name merely looks like scheme:rest when it exists', async () => {
    const odd = path.join(dir, 'notes:feed.xml');
    fs.writeFileSync(odd, rss(item('Mon, 23 Nov 2026 08:00:00 GMT')));
    const prev = process.cwd();
    process.chdir(dir);
    try {
      expect(await checkSource('notes:feed.xml')).toEqual({ file: 'notes:feed.xml' });
      expect((await checkFeed('notes:feed.xml', { fetcher: never, now })).articles).toHaveLength(1);
    } finally {
      process.chdir(prev);
    }
  });

  it('fetches http, https and both feed: forms', async () => {
    expect(await checkSource('HTTPS://h.example/feed')).toEqual({ url: 'HTTPS://h.example/feed' });
    expect(await checkSource('feed://h.example/feed')).toEqual({ url: 'https://h.example/feed' });
    expect(await checkSource('feed:http://h.example/feed')).toEqual({ url: 'http://h.example/feed' });
    await expect(checkSource('feed:h.example/feed')).rejects.toThrow(
      /a feed: URL is written feed:\/\/host\/path or feed:https:\/\/host\/path/,
    );
    const fetcher = fakeFetcher(rss(item('Mon, 23 Nov 2026 08:00:00 GMT')));
    const report = await checkFeed('feed://h.example/feed', { fetcher, now });
    expect(fetcher.asked).toEqual(['https://h.example/feed']);
    expect(report.articles[0]).toMatchObject({ title: 'One', url: 'https://c.example/1', notes: [] });
  });
});

describe('feeds check: notes', () => {
  it('says when an out-of-range date became the fetch time', async () => {
    const file = path.join(dir, 'dates.xml');
    fs.writeFileSync(
      file,
      rss(
        item('Mon, 23 Nov 2099 08:00:00 GMT') +
          item('Thu, 01 Jan 1970 00:00:00 GMT').replace('/1<', '/2<') +
          item('sometime soon').replace('/1<', '/3<'),
      ),
    );
    const report = await checkFeed(file, { fetcher: never, now });
    expect(report.articles.map((a) => a.publishedAt)).toEqual([now, now, now]);
    expect(report.articles[0]!.notes).toEqual([
      `the published date 2099-11-23T08:00:00.000Z is more than 10 minutes in the future, so the fetch time ${new Date(now).toISOString()} was used instead`,
    ]);
    expect(report.articles[1]!.notes[0]).toBe(
      'the published date 1970-01-01T00:00:00.000Z is before 1995, so it was ignored',
    );
    expect(report.articles[2]!.notes[0]).toBe('the published date "sometime soon" could not be read');
    expect(JSON.parse(JSON.stringify(report)).articles[0].notes).toHaveLength(1); // --json prints them too
  });

  it('says which fields were cut to their caps', async () => {
    const file = path.join(dir, 'long.xml');
    fs.writeFileSync(
      file,
      `<rss version="2.0"><channel><title>${'T'.repeat(5000)}</title><item><title>${'t'.repeat(5000)}</title><link>https://c.example/1</link><pubDate>Mon, 23 Nov 2026 08:00:00 GMT</pubDate></item></channel></rss>`,
    );
    const report = await checkFeed(file, { fetcher: never, now });
    expect(report.feed.notes).toEqual(['the feed title was longer than 4,096 characters and was cut']);
    expect(report.articles[0]!.notes).toEqual(['the title was longer than 4,096 characters and was cut']);
    expect(report.articles[0]!.title.length).toBeLessThanOrEqual(500);
  });
});

describe('feeds check: items real feeds lost', () => {
  const subreddit = `<feed xmlns="http://www.w3.org/2005/Atom" xml:base="/r/harbour/"><title>r/harbour</title>
    <entry><id>t3_1</id><title>Ferry</title><link href="https://www.forum.example/r/harbour/comments/1/ferry/" /><updated>2026-11-23T08:00:00Z</updated></entry>
    <entry><id>t3_2</id><title>Bridge</title><link href="https://www.forum.example/r/harbour/comments/2/bridge/" /><updated>2026-11-23T08:00:00Z</updated></entry>
  </feed>`;

  it('keeps items with absolute links when the feed states a relative base', async () => {
    const file = path.join(dir, 'subreddit.xml');
    fs.writeFileSync(file, subreddit);
    const report = await checkFeed(file, { fetcher: never, now });
    expect(report.skipped).toEqual([]);
    expect(report.articles.map((a) => a.url)).toEqual([
      'https://www.forum.example/r/harbour/comments/1/ferry/',
      'https://www.forum.example/r/harbour/comments/2/bridge/',
    ]);
  });

  it('resolves a file’s relative links against the address the feed states, and says so', async () => {
    const file = path.join(dir, 'self.xml');
    fs.writeFileSync(
      file,
      `<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>T</title>
        <atom:link rel="self" href="https://news.example/feeds/all.xml" />
        <item><title>A</title><link>/2026/11/a</link><pubDate>Mon, 23 Nov 2026 08:00:00 GMT</pubDate></item></channel></rss>`,
    );
    const report = await checkFeed(file, { fetcher: never, now });
    expect(report.skipped).toEqual([]);
    expect(report.articles.map((a) => a.url)).toEqual(['https://news.example/2026/11/a']);
    expect(report.feed.notes).toEqual([
      'read from a file: relative links resolved against https://news.example/feeds/all.xml',
    ]);
  });

  it('says why relative links were skipped when a file states no address', async () => {
    const file = path.join(dir, 'nowhere.xml');
    fs.writeFileSync(file, rss('<item><title>A</title><link>/a</link></item>'));
    const report = await checkFeed(file, { fetcher: never, now });
    expect(report.skipped).toEqual([{ index: 0, reason: 'item has no usable http(s) link' }]);
    expect(report.feed.notes[0]).toMatch(/states no address of its own/);
  });

  it('reads a gzip-compressed file, and a fetched gzip body sent without Content-Encoding', async () => {
    const file = path.join(dir, 'feed.xml.gz');
    fs.writeFileSync(file, zlib.gzipSync(rss(item('Mon, 23 Nov 2026 08:00:00 GMT'))));
    const fromFile = await checkFeed(file, { fetcher: never, now });
    expect(fromFile.feed.title).toBe('Checked');
    expect(fromFile.articles.map((a) => a.url)).toEqual(['https://c.example/1']);
    const fetcher = fakeFetcher('');
    fetcher.fetch = async (req) => ({
      status: 'ok',
      body: zlib.gzipSync(rss(item('Mon, 23 Nov 2026 08:00:00 GMT'))),
      finalUrl: req.url,
      httpStatus: 200,
      headers: {},
      elapsedMs: 1,
      contentType: 'application/rss+xml',
    });
    const fetched = await checkFeed('https://c.example/feed', { fetcher, now });
    expect(fetched.articles.map((a) => a.url)).toEqual(['https://c.example/1']);
  });
});
