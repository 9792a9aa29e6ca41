// The reader in Chromium, on the real first-run path (demo feeds ingested by
// the normal pipeline): browse, open, search, follow a publisher, keyboard,
// no JavaScript, accessibility (axe), screenshots, and offline saved reading.
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../src/test-support/databases.ts';
import { createUser } from '../src/members/accounts.ts';
import { launchBrowser } from './browser.ts';
import { demoSite } from './demo-site.ts';

const ARTIFACTS = path.resolve('test-artifacts');
const AXE = fs.readFileSync(path.resolve('node_modules/axe-core/axe.min.js'), 'utf8');

async function axe(page: Page): Promise<{ id: string; impact: string; nodes: number }[]> {
  await page.evaluate(AXE); // evaluated by the driver: our CSP (rightly) refuses an injected inline script
  const result = await page.evaluate(async () => {
    const r = await (
      window as unknown as {
        axe: {
          run: (
            ctx: Document,
            opts: object,
          ) => Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }>;
        };
      }
    ).axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
  });
  return result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Scrolls through the page so lazy images load before a full-page screenshot. */
async function loadLazyImages(page: Page): Promise<void> {
  await page.evaluate(async () => {
    for (let y = 0; y < document.body.scrollHeight; y += 600) {
      window.scrollTo(0, y);
      await new Promise((r) => setTimeout(r, 30));
    }
    window.scrollTo(0, 0);
  });
  await page.waitForLoadState('networkidle');
}

describe('the reader in a browser', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    database = await createTestDatabase('sqlite');
    ({ app, base } = await demoSite(database, { epoch: Date.now() }));
    await createUser(
      database.db,
      { email: 'reader@example.org', password: 'a long enough secret', trialDays: 14, verified: true },
      Date.now(),
    );
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await database?.dispose();
  });

  it('lets a visitor browse, open an article, search and follow a publisher', async () => {
    const page = await browser.newPage();
    await page.goto(base);
    expect(await page.locator('.cards .card').count()).toBeGreaterThan(10);
    const first = page.locator('.card h3 a').first();
    const title = (await first.textContent())!;
    await first.click();
    await expect(page.locator('h1').textContent()).resolves.toBe(title);
    await expect(page.locator('.paywall h2').textContent()).resolves.toBe('Sign up to read this article');
    await page.locator('.article .masthead a').click();
    await page.waitForURL(/\/p\//);
    expect(await page.locator('.card').count()).toBeGreaterThan(3);

    await page.goto(`${base}/search?q=lighthouse`);
    expect(await page.locator('.results .card').count()).toBeGreaterThan(0);
    expect(await page.locator('.results mark').count()).toBeGreaterThan(0);
    await page.close();
  });

  it('answers the keyboard: j/k move, o opens, / searches, ? shows the shortcuts', async () => {
    const page = await browser.newPage();
    await page.goto(base);
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await page.keyboard.press('k');
    const current = page.locator('.card.kb-current h3 a');
    const title = (await current.textContent())!;
    await page.keyboard.press('o');
    await page.waitForURL(/\/a\//);
    await expect(page.locator('h1').textContent()).resolves.toBe(title);
    await page.keyboard.press('?');
    expect(await page.locator('#shortcuts').evaluate((d) => (d as HTMLDialogElement).open)).toBe(true);
    await page.keyboard.press('Escape');
    await page.keyboard.press('/');
    await page.waitForURL(/\/search/);
    await page.close();
  });

  it('works without JavaScript', async () => {
    const ctx = await browser.newContext({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto(base);
    const href = await page.locator('.card h3 a').first().getAttribute('href');
    await page.goto(base + href);
    expect(await page.locator('.article h1').count()).toBe(1);
    await page.goto(`${base}/search?q=harbour&section=politics`);
    expect(await page.locator('.results .card').count()).toBeGreaterThan(0);
    // The theme switch is a form: it works without JavaScript and comes back to the same page.
    await page.goto(base + href);
    await page.click('footer button[value=dark]');
    await page.waitForURL(base + href);
    expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
    await page.click('footer button[value=system]');
    expect(await page.locator('html').getAttribute('data-theme')).toBeNull();
    // Saving as a visitor leads to signing in, and back.
    await page.click('form[data-save] button');
    await page.waitForURL(/\/signin\?next=/);
    await ctx.close();
  });

  it('has no serious or critical accessibility problems, light and dark, and is screenshotted at 375 and 1280 px', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      for (const width of [375, 1280]) {
        const ctx = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme });
        const page = await ctx.newPage();
        await page.goto(base);
        expect(await axe(page), `front ${scheme} ${width}`).toEqual([]);
        await page.screenshot({ path: path.join(ARTIFACTS, `front-${scheme}-${width}.png`) });
        const href = await page.locator('.card h3 a').first().getAttribute('href');
        await page.goto(base + href);
        expect(await axe(page), `article ${scheme} ${width}`).toEqual([]);
        if (width === 1280) await loadLazyImages(page);
        await page.screenshot({
          path: path.join(ARTIFACTS, `article-${scheme}-${width}.png`),
          fullPage: width === 1280,
        });
        if (width === 375) {
          await page.goto(`${base}/no/such/page`);
          expect(await axe(page), `404 ${scheme}`).toEqual([]);
          await page.goto(`${base}/search?q=harbour`);
          expect(await axe(page), `search ${scheme}`).toEqual([]);
        }
        await ctx.close();
      }
    }
  }, 60_000);

  it('shows the offline page when the network is gone and nothing was saved', async () => {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await page.goto(base);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await page.reload();
    expect(await page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
    const href = (await page.locator('.card h3 a').first().getAttribute('href'))!;
    await ctx.setOffline(true);
    await page.goto(base + href);
    await expect(page.locator('h1').textContent()).resolves.toBe('You are offline');
    // The shell's script and icons come from the worker's cache.
    expect(await page.evaluate(() => document.querySelectorAll('script[src^="/static/"]').length)).toBe(1);
    expect(
      await page.evaluate(
        async () => (await fetch(document.querySelector<HTMLScriptElement>('script[src^="/static/"]')!.src)).ok,
      ),
    ).toBe(true);
    await ctx.close();
  });

  it('keeps the signed-in header apart at 375 px: the name never runs into the links', async () => {
    const ctx = await browser.newContext({ viewport: { width: 375, height: 800 } });
    const page = await ctx.newPage();
    await page.goto(`${base}/signin`);
    await page.fill('#email', 'reader@example.org');
    await page.fill('#password', 'a long enough secret');
    await page.click('button[type=submit]');
    await page.waitForURL(base + '/');
    const brand = (await page.locator('header.top .brand').boundingBox())!;
    const links = (await page.locator('header.top nav').boundingBox())!;
    // Side by side with a gap, or wrapped below: never overlapping or touching.
    expect(links.x >= brand.x + brand.width + 8 || links.y >= brand.y + brand.height).toBe(true);
    expect(links.x + links.width).toBeLessThanOrEqual(375);
    await ctx.close();
  });

  it('lets a member save an article and read it offline', async () => {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await page.goto(`${base}/signin`);
    await page.fill('#email', 'reader@example.org');
    await page.fill('#password', 'a long enough secret');
    await page.click('button[type=submit]');
    await page.waitForURL(base + '/');
    const href = (await page.locator('.card h3 a').nth(2).getAttribute('href'))!;
    await page.goto(base + href);
    const title = (await page.locator('h1').textContent())!;
    await page.click('form[action$="/save"] button');
    await page.waitForURL(new RegExp(href));
    await page.goto(`${base}/saved`);
    expect(await page.locator('.card h3 a').first().textContent()).toBe(title);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    // Visit again so the now-controlling service worker keeps the saved page.
    await page.goto(base + href);
    await page.waitForTimeout(300);
    await ctx.setOffline(true);
    await page.goto(base + href);
    await expect(page.locator('h1').textContent()).resolves.toBe(title);
    expect(await page.locator('.paywall').count()).toBe(0);
    await page.goto(`${base}/search?q=anything`);
    await expect(page.locator('h1').textContent()).resolves.toBe('You are offline');
    // Signing out takes the saved text with it: offline, the article is no longer there.
    await ctx.setOffline(false);
    await page.goto(`${base}/account`);
    await page.click('form[action="/signout"] button');
    await page.waitForURL(base + '/');
    const kept = () =>
      page.evaluate(async (path) => {
        const hits = await Promise.all(
          (await caches.keys()).map(async (k) => !!(await (await caches.open(k)).match(path, { ignoreSearch: true }))),
        );
        return hits.some(Boolean);
      }, href);
    // (A page mid-navigation cannot answer: ask again.)
    await expect.poll(() => kept().catch(() => true), { timeout: 5000 }).toBe(false);
    await ctx.setOffline(true);
    await page.goto(base + href).catch(() => null); // the offline page, or the browser's own error page
    // What the page shows once it has settled (a navigation still under way cannot answer).
    const shown = async () => {
      for (let i = 0; i < 50; i++) {
        const text = await page.evaluate(() => document.body?.innerText ?? '').catch(() => null);
        if (text !== null) return text;
        await page.waitForTimeout(100);
      }
      throw new Error('the page never settled');
    };
    expect(await shown()).not.toContain(title);
    await ctx.close();
  }, 60_000);
});
