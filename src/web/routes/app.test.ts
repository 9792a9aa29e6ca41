import { afterEach, describe, expect, it } from 'vitest';
import { testDialects } from '../../test-support/databases.ts';
import { getHtml, readerFixture, type ReaderFixture } from '../../test-support/reader-fixture.ts';

describe.each(testDialects)('app: manifest, icons, service worker, offline and install pages, theme, %s', (dialect) => {
  let f: ReaderFixture;
  afterEach(async () => f?.close());

  it('serves a manifest whose icons exist under hashed names with long cache lifetimes', async () => {
    f = await readerFixture(dialect);
    const res = await f.app.inject({ url: '/manifest.webmanifest' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/manifest+json');
    const manifest = res.json() as {
      start_url: string;
      display: string;
      icons: { src: string; sizes: string; type: string; purpose?: string }[];
    };
    expect(manifest.display).toBe('standalone');
    expect(manifest.icons.some((i) => i.purpose === 'maskable')).toBe(true);
    for (const icon of manifest.icons) {
      expect(icon.src).toMatch(/^\/static\/icon[-a-z0-9]*-[\w-]{10}\.(png|svg)$/);
      const file = await f.app.inject({ url: icon.src });
      expect(file.statusCode, icon.src).toBe(200);
      expect(file.headers['content-type']).toBe(icon.type);
      expect(file.headers['cache-control']).toContain('immutable');
      if (icon.type === 'image/png') {
        expect(file.rawPayload.subarray(1, 4).toString()).toBe('PNG');
        const [w, h] = icon.sizes.split('x').map(Number);
        expect([file.rawPayload.readUInt32BE(16), file.rawPayload.readUInt32BE(20)]).toEqual([w, h]);
      }
    }
    expect((await f.app.inject({ url: '/static/nothing.js' })).statusCode).toBe(404);
  });

  it('serves the client script (small) and a service worker that knows the offline shell', async () => {
    f = await readerFixture(dialect);
    const home = await getHtml(f.app, '/');
    const script = /<script src="(\/static\/app-[\w-]+\.js)" defer/.exec(home.body)![1]!;
    const js = await f.app.inject({ url: script });
    expect(js.statusCode).toBe(200);
    expect(js.rawPayload.length).toBeLessThan(20 * 1024);
    const sw = await f.app.inject({ url: '/sw.js' });
    expect(sw.statusCode).toBe(200);
    expect(sw.headers['cache-control']).toBe('no-cache');
    expect(sw.body).toContain('"/offline"');
    expect(sw.body).toContain(script);
    expect(sw.rawPayload.length).toBeLessThan(20 * 1024);
    const offline = await getHtml(f.app, '/offline');
    expect(offline.statusCode).toBe(200);
    expect(offline.body).toContain('You are offline');
    const install = await getHtml(f.app, '/app');
    expect(install.body).toContain('data-install');
    expect(home.body).toContain('href="/app">Download the app</a>');
  });

  it('keeps a theme chosen without JavaScript and returns to the page it was chosen on', async () => {
    f = await readerFixture(dialect);
    const res = await f.app.inject({
      url: '/theme?set=dark',
      headers: { host: 'masthead.test', referer: 'http://masthead.test/s/sport?before=1' },
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/s/sport?before=1');
    const cookie = res.cookies.find((c) => c.name === 'theme')!;
    expect(cookie.value).toBe('dark');
    const page = await getHtml(f.app, '/', { cookie: 'theme=dark' });
    expect(page.body).toContain('<html lang="en" data-theme="dark">');
    expect((await getHtml(f.app, '/', { cookie: 'theme="><script>' })).body).toContain('<html lang="en">');
    // Another site's page, or a protocol-relative next, never becomes the destination.
    expect(
      (
        await f.app.inject({
          url: '/theme?set=light',
          headers: { host: 'masthead.test', referer: 'https://evil.example/x' },
        })
      ).headers.location,
    ).toBe('/');
    expect((await f.app.inject({ url: '/theme?set=light&next=//evil.example/' })).headers.location).toBe('/');
    const system = await f.app.inject({ url: '/theme?set=system' });
    expect(system.cookies.find((c) => c.name === 'theme')?.value).toBe('');
  });
});
