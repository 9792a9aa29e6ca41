import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeHtml, fetchPage, metaCharset } from './fetch-page.ts';
import { createFetcher } from './fetcher.ts';
import { startServer, type TestServer } from '../../test-support/http-server.ts';

let srv: TestServer;
let lastAccept: string | undefined;
const fetcher = createFetcher({ userAgent: 't', timeoutMs: 1000, maxBytes: 1e6, perHost: 2, allowPrivate: false });

beforeAll(async () => {
  srv = await startServer((req, res) => {
    lastAccept = req.headers.accept;
    const p = new URL(req.url!, 'http://x').pathname;
    if (p === '/latin1')
      return res
        .writeHead(200, { 'content-type': 'text/html; charset=ISO-8859-1' })
        .end(Buffer.from('<p>caf\xe9 \x93quoted\x94</p>', 'latin1'));
    if (p === '/meta')
      return res
        .writeHead(200, { 'content-type': 'text/html' })
        .end(
          Buffer.concat([
            Buffer.from('<head><meta charset="windows-1251"></head>'),
            iconv.encode('<p>Привет</p>', 'win1251'),
          ]),
        );
    if (p === '/sjis')
      return res
        .writeHead(200, { 'content-type': 'text/html;charset=Shift_JIS' })
        .end(iconv.encode('<p>日本語</p>', 'shift_jis'));
    if (p === '/utf8')
      return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<p>naïve — ok</p>');
    if (p === '/moved') return res.writeHead(301, { location: '/utf8' }).end();
    if (p === '/pdf') return res.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.4');
    if (p === '/feed') return res.writeHead(200, { 'content-type': 'application/rss+xml' }).end('<rss/>');
    res.writeHead(404).end();
  });
});
afterAll(async () => {
  fetcher.close();
  await srv.close();
});

describe('fetchPage', () => {
  it('asks for HTML and decodes with the HTTP charset', async () => {
    expect(await fetchPage(fetcher, `${srv.base}/latin1`, { allowPrivate: true })).toEqual({
      url: `${srv.base}/latin1`,
      html: '<p>café “quoted”</p>',
    });
    expect(lastAccept).toMatch(/^text\/html/);
    expect((await fetchPage(fetcher, `${srv.base}/sjis`, { allowPrivate: true }))?.html).toBe('<p>日本語</p>');
  });

  it('falls back to <meta charset>', async () => {
    expect((await fetchPage(fetcher, `${srv.base}/meta`, { allowPrivate: true }))?.html).toContain('<p>Привет</p>');
  });

  it('returns the URL after redirects', async () => {
    expect(await fetchPage(fetcher, `${srv.base}/moved`, { allowPrivate: true })).toEqual({
      url: `${srv.base}/utf8`,
      html: '<p>naïve — ok</p>',
    });
  });

  it('returns null for what is not HTML', async () => {
    expect(await fetchPage(fetcher, `${srv.base}/pdf`, { allowPrivate: true })).toBeNull();
    expect(await fetchPage(fetcher, `${srv.base}/feed`, { allowPrivate: true })).toBeNull();
  });

  it('throws FetchError for failures, and keeps the private-address guard', async () => {
    await expect(fetchPage(fetcher, `${srv.base}/missing`, { allowPrivate: true })).rejects.toMatchObject({
      kind: 'http',
      message: 'HTTP 404 Not Found',
    });
    await expect(fetchPage(fetcher, `${srv.base}/utf8`)).rejects.toMatchObject({ kind: 'blocked-address' });
  });
});

describe('decodeHtml', () => {
  it('prefers a BOM, then the HTTP charset, then <meta>, then UTF-8', () => {
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<p>é</p>')]);
    expect(decodeHtml(bom, 'iso-8859-1')).toBe('<p>é</p>');
    expect(decodeHtml(Buffer.from([0xff, 0xfe, ...Buffer.from('<p>', 'utf16le')]))).toBe('<p>');
    expect(decodeHtml(Buffer.from('<meta charset="iso-8859-1"><p>\xe9</p>', 'latin1'), 'utf-8')).toBe(
      '<meta charset="iso-8859-1"><p>\ufffd</p>',
    );
    expect(
      decodeHtml(
        Buffer.from('<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"><p>\xe9</p>', 'latin1'),
      ),
    ).toContain('<p>é</p>');
    expect(decodeHtml(Buffer.from('<p>é</p>'))).toBe('<p>é</p>');
  });

  it('survives unknown labels and a UTF-16 claim without a BOM', () => {
    expect(decodeHtml(Buffer.from('<p>é</p>'), 'x-no-such-charset')).toBe('<p>é</p>');
    expect(decodeHtml(Buffer.from('<p>é</p>'), 'utf-16')).toBe('<p>é</p>');
  });

  it('finds the meta charset in the first 2 KB only', () => {
    expect(metaCharset(Buffer.from('<meta charset=UTF-8>'))).toBe('utf-8');
    expect(metaCharset(Buffer.from(`${' '.repeat(3000)}<meta charset="koi8-r">`))).toBeUndefined();
  });
});
