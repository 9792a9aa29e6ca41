// The operator's site: its configured name, tagline, offer and currency reach the pages, the
// manifest, the feed and mail, and no page claims "hundreds of premium titles" it may not have.
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';
import { templates } from './mail/templates.ts';
import { savePlan } from './members/billing/plans.ts';
import { DEFAULT_SITE, setSite } from './site.ts';
import { testDialects } from './test-support/databases.ts';
import { getHtml, readerFixture, type ReaderFixture } from './test-support/reader-fixture.ts';

const env = {
  SITE_NAME: 'Quay Reader',
  SITE_TAGLINE: 'The harbour towns, read together.',
  SITE_OFFER: 'gathers the papers of the three harbour towns in one reader',
  CURRENCY: 'gbp',
};

describe('site identity from the configuration', () => {
  afterEach(() => setSite(DEFAULT_SITE));

  it('reads SITE_NAME, SITE_TAGLINE, SITE_OFFER and CURRENCY, with defaults that claim no number of titles', () => {
    expect(loadConfig(env).site).toMatchObject({ name: 'Quay Reader', currency: 'GBP', trialDays: 14 });
    const d = loadConfig({}).site;
    expect(d).toMatchObject({ name: 'Masthead', currency: 'EUR' });
    expect(d.offer).not.toMatch(/hundreds|\d/);
    expect(() => loadConfig({ CURRENCY: 'pounds' })).toThrow(/CURRENCY="pounds": expected a three-letter ISO/);
  });

  it('names the site in mail', () => {
    setSite(loadConfig(env).site);
    const m = templates.verify('https://quay.example/verify?t=1', 14);
    expect(m.subject).toBe('Confirm your email for Quay Reader');
    expect(m.text).toContain('Welcome to Quay Reader.');
    expect(m.text).toContain('— Quay Reader: The harbour towns, read together.');
    expect(m.html).toContain('>Quay Reader</h1>');
    expect(`${m.text}${m.html}${templates.trialEnded('u').subject}`).not.toContain('Masthead');
  });
});

describe.each(testDialects)('the site under its own name, %s', (dialect) => {
  let f: ReaderFixture;
  afterEach(async () => {
    await f?.close();
    setSite(DEFAULT_SITE);
  });

  it('uses the configured name, offer and currency on pages, the manifest and the feed', async () => {
    f = await readerFixture(dialect, { env });
    const p = await f.publisher({ slug: 'quay' });
    await f.article(p, { title: 'Harbour wall holds' });
    await savePlan(
      f.database.db,
      'monthly',
      { name: 'Monthly', interval: 'month', priceCents: 899, currency: 'GBP', providerPriceId: null, active: true },
      Date.now(),
    );
    const home = (await getHtml(f.app, '/')).body;
    expect(home).toContain('<a class="brand" href="/">Quay Reader</a>');
    expect(home).toMatch(/<title>[^<]* · Quay Reader<\/title>/);
    expect(home).toContain('<strong>Quay Reader</strong> gathers the papers of the three harbour towns in one reader.');
    expect(home).toContain('Join with a 14-day free trial');
    expect(home).not.toMatch(/hundreds|fourteen-day|Masthead/);
    const plans = (await getHtml(f.app, '/plans')).body;
    expect(plans).toContain('£8.99');
    expect(plans).toMatch(/GBP \/ month/);
    const manifest = (await f.app.inject({ url: '/manifest.webmanifest' })).json();
    expect(manifest).toMatchObject({ name: 'Quay Reader', description: 'The harbour towns, read together.' });
    const feed = (await f.app.inject({ url: '/feed.xml' })).body;
    expect(feed).toContain('<title>Quay Reader: latest</title>');
    expect((await getHtml(f.app, '/signin')).body).toContain('Sign in to Quay Reader');
    expect((await getHtml(f.app, '/app')).body).toContain('Quay Reader on your phone');
  });
});
