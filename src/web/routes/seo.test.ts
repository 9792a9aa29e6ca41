import { afterEach, describe, expect, it } from 'vitest';
import { testDialects } from '../../test-support/databases.ts';
import { readerFixture, type ReaderFixture } from '../../test-support/reader-fixture.ts';

describe.each(testDialects)('robots.txt and sitemap.xml, %s', (dialect) => {
  let f: ReaderFixture;
  afterEach(async () => f?.close());

  it('lists published originals only, with escaped addresses', async () => {
    f = await readerFixture(dialect);
    const p = await f.publisher({ slug: 'the-lamp' });
    const id = await f.article(p, { title: 'Salt & pepper' });
    const copy = await f.article(p, { title: 'A copy', duplicate_of: id });
    const hidden = await f.article(p, { title: 'Hidden', status: 'hidden' });
    const robots = await f.app.inject({ url: '/robots.txt' });
    expect(robots.body).toContain('Sitemap: http://masthead.test/sitemap.xml');
    expect(robots.body).toContain('Disallow: /account');
    const sitemap = await f.app.inject({ url: '/sitemap.xml' });
    expect(sitemap.headers['content-type']).toContain('application/xml');
    expect(sitemap.body).toContain(`<loc>http://masthead.test/a/${id}/salt-and-pepper</loc>`);
    expect(sitemap.body).not.toContain(`/a/${copy}/`);
    expect(sitemap.body).not.toContain(`/a/${hidden}/`);
  });
});
