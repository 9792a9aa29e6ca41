// The membership path, end to end in Chromium against the real server:
// visitor hits the paywall, signs up, verifies by mail, reads in full; the
// trial expires (clock moved) and the paywall returns; a Stripe subscription
// (webhooks replayed with valid signatures) restores access; a wrong password
// is refused and throttled; a reset link works once.
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { Browser } from 'playwright-core';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertArticle } from '../src/catalog/articles.ts';
import { articlePath } from '../src/catalog/article-pages.ts';
import { createPublisher } from '../src/catalog/publishers.ts';
import { loadConfig } from '../src/config.ts';
import { createTestDatabase, type TestDatabase } from '../src/test-support/databases.ts';
import { silentLogger } from '../src/log.ts';
import { createMailer } from '../src/mail/mailer.ts';
import { linkIn, startTestSmtp } from '../src/test-support/smtp.ts';
import { createStripeProvider } from '../src/members/billing/stripe.ts';
import { DAY_MS } from '../src/members/membership.ts';
import { buildServer } from '../src/server.tsx';
import { launchBrowser } from './browser.ts';

const PARAS = Array.from(
  { length: 10 },
  (_, i) =>
    `Paragraph ${i + 1}: the night ferry crossed the sound under a full moon, and the crew counted ${200 + i} lights along the shore.`,
);
const WEBHOOK_SECRET = 'whsec_e2e';

describe('membership in the browser', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let browser: Browser;
  let smtp: Awaited<ReturnType<typeof startTestSmtp>>;
  let base: string;
  let path: string;
  let now = Date.parse('2026-11-24T09:00:00Z');

  beforeAll(async () => {
    smtp = await startTestSmtp();
    database = await createTestDatabase('sqlite');
    const p = await createPublisher(database.db, { slug: 'sound', name: 'The Sound', sections: ['news'] });
    const id = await insertArticle(
      database.db,
      {
        publisher_id: p.id,
        feed_id: null,
        guid: 'g',
        external_id: null,
        url: 'https://sound.example/ferry',
        title: 'Night ferry crosses the sound',
        standfirst: 'A moonlit crossing.',
        body_html: PARAS.map((x) => `<p>${x}</p>`).join(''),
        body_text: PARAS.join('\n\n'),
        body_source: 'feed',
        section: 'news',
        categories: '[]',
        language: 'en',
        image_url: null,
        image_caption: null,
        image_credit: null,
        image_width: null,
        image_height: null,
        word_count: 220,
        reading_minutes: 1,
        published_at: now - 3600_000,
        updated_at: null,
        content_hash: 'h',
        source_hash: 'h',
        minhash: null,
        duplicate_of: null,
        status: 'published',
        is_free: 0,
        created_at: now,
        modified_at: now,
      },
      ['Isla Penhallow'],
      [],
    );
    path = articlePath({ id, title: 'Night ferry crosses the sound' });
    const mailer = createMailer({
      smtpUrl: smtp.url,
      from: 'Masthead <m@masthead.test>',
      dataDir: '/nonexistent',
      log: silentLogger,
    });
    const config = { ...loadConfig({}), demo: false };
    app = await buildServer({
      config,
      database,
      log: silentLogger,
      mailer,
      now: () => now,
      billing: createStripeProvider(database.db, { secretKey: 'sk_test_x', webhookSecret: WEBHOOK_SECRET }, () => now),
      baseUrl: 'http://placeholder',
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    browser = await launchBrowser();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await database?.dispose();
    await smtp?.close();
  });

  it('visitor → paywall → sign up → verify → full text → trial ends → paywall → subscribe → full text', async () => {
    const page = await browser.newPage();
    await page.goto(base + path);
    await expect(page.locator('.paywall h2').textContent()).resolves.toBe('Sign up to read this article');
    expect(await page.content()).not.toContain(PARAS[9]);

    await page.click('text=Start your 14-day free trial');
    await page.fill('#email', 'reader@example.org');
    await page.fill('#password', 'moonlit crossing 42');
    await page.click('button[type=submit]');
    await page.waitForURL(/\/welcome/);
    await expect(page.locator('h1').textContent()).resolves.toBe('Check your inbox');

    // The link in the mail confirms the address, signs the reader in and leads back to the story.
    const mail = await smtp.waitFor((m) => m.to.includes('reader@example.org') && /Confirm/.test(m.subject));
    const verify = new URL(linkIn(mail, '/verify'));
    await page.goto(base + verify.pathname + verify.search);
    await page.click('text=Confirm and start reading');
    await expect(page.locator('.notice').textContent()).resolves.toContain('confirmed');
    await expect(page.locator('main').textContent()).resolves.toContain('Your free trial has started');
    await page.click('text=Start reading');
    await page.waitForURL(new RegExp(path));
    expect(await page.locator('.paywall').count()).toBe(0);
    expect(await page.content()).toContain(PARAS[9]);

    now += 15 * DAY_MS; // the trial runs out
    await page.goto(base + path);
    await expect(page.locator('.paywall h2').textContent()).resolves.toBe('Keep reading with a membership');
    expect(await page.content()).not.toContain(PARAS[9]);

    // The member pays through Stripe Checkout; Stripe tells us by webhook.
    const user = await database.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'reader@example.org')
      .executeTakeFirstOrThrow();
    const stripe = new Stripe('sk_test_x');
    const t = Math.floor(now / 1000);
    for (const [type, object] of [
      [
        'checkout.session.completed',
        {
          id: 'cs_1',
          object: 'checkout.session',
          client_reference_id: String(user.id),
          customer: 'cus_1',
          subscription: 'sub_1',
          metadata: {},
        },
      ],
      [
        'customer.subscription.created',
        {
          id: 'sub_1',
          object: 'subscription',
          customer: 'cus_1',
          status: 'active',
          current_period_end: t + 30 * 86400,
          cancel_at_period_end: false,
          metadata: { user_id: String(user.id) },
        },
      ],
    ] as const) {
      const payload = JSON.stringify({ id: `evt_${type}`, object: 'event', type, created: t, data: { object } });
      const res = await fetch(`${base}/webhooks/billing`, {
        method: 'POST',
        body: payload,
        headers: {
          'content-type': 'application/json',
          'stripe-signature': stripe.webhooks.generateTestHeaderString({
            payload,
            secret: WEBHOOK_SECRET,
            timestamp: t,
          }),
        },
      });
      expect(res.status).toBe(200);
    }
    await page.goto(base + path);
    expect(await page.locator('.paywall').count()).toBe(0);
    expect(await page.content()).toContain(PARAS[9]);
    await page.goto(`${base}/account`);
    await expect(page.locator('main').textContent()).resolves.toContain('Member. Renews on');
    await page.close();
  });

  it('refuses a wrong password, throttles, and lets a reset link work once', async () => {
    const page = await browser.newPage();
    for (let i = 0; i < 5; i++) {
      await page.goto(`${base}/signin`);
      await page.fill('#email', 'reader@example.org');
      await page.fill('#password', `not it ${i}`);
      await page.click('button[type=submit]');
      await expect(page.locator('.notice').textContent()).resolves.toContain('do not match');
    }
    await page.goto(`${base}/signin`);
    await page.fill('#email', 'reader@example.org');
    await page.fill('#password', 'moonlit crossing 42');
    await page.click('button[type=submit]');
    await expect(page.locator('.notice').textContent()).resolves.toContain('Too many attempts');

    await page.goto(`${base}/reset`);
    await page.fill('#email', 'reader@example.org');
    await page.click('button[type=submit]');
    const mail = await smtp.waitFor((m) => m.to.includes('reader@example.org') && /Reset/.test(m.subject));
    const link = new URL(linkIn(mail, '/reset'));
    await page.goto(base + link.pathname + link.search);
    await page.fill('#password', 'a new moonlit secret');
    await page.click('button[type=submit]');
    await page.waitForURL(/\/account/);
    await page.goto(base + link.pathname + link.search);
    await expect(page.locator('.notice').textContent()).resolves.toContain('already been used');
    await page.close();
  });
});
