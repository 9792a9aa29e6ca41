// The browser side of the hostile-content suite (e2e/hostile-content.test.ts):
// Debian's Chromium with every host but loopback unresolvable, one context per
// viewer (visitor, lapsed member, member, editor) with dialogs and CSP
// violations hooked in every frame, visits that let handlers fire and then
// scan the page (e2e/hostile/scan.ts), and scans of pages as served.
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { Database } from '../../src/db/connect.ts';
import { IFRAME_SANDBOX, VIDEO_HOSTS } from '../../src/ingest/process/sanitize.ts';
import { createUser } from '../../src/members/accounts.ts';
import { createSession } from '../../src/members/sessions.ts';
import { CHROMIUM } from '../browser.ts';
import { DAY } from './layout.ts';
import { hostileScan, type ScanArgument, type ScanFinding, type ScanResult } from './scan.ts';

export const SANDBOX_TOKENS = IFRAME_SANDBOX.split(/\s+/).filter(Boolean);

export type Viewer = 'visitor' | 'lapsed' | 'member' | 'editor';
export const VIEWERS: Viewer[] = ['visitor', 'lapsed', 'member', 'editor'];

/** Debian's Chromium, headless; every host but loopback fails to resolve at once: hostile URLs (evil.test, the video hosts) never leave the machine. */
export function launchHostileBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-quic',
      '--no-first-run',
      '--disable-sync',
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
      // Pages visited side by side are all "in the foreground": timers and frames run as they would for a reader.
      '--disable-renderer-backgrounding',
      '--disable-background-timer-throttling',
      '--disable-backgrounding-occluded-windows',
      // One renderer for our pages and the (unreachable) embeds in them: cheaper on a small machine.
      '--disable-site-isolation-trials',
      '--disable-features=IsolateOrigins,site-per-process,Translate,MediaRouter,OptimizationHints,BackForwardCache',
      '--disable-software-rasterizer',
      '--disable-gpu-compositing',
    ],
  });
}

/** The viewers' accounts (a lapsed trial, a member in trial, an editor) and session cookies (none for the visitor); the editor's id, for picks. */
export async function createViewers(
  db: Database['db'],
  now: number,
): Promise<{ cookies: Map<Viewer, string | null>; editorId: number }> {
  const lapsed = await createUser(
    db,
    { email: 'lapsed@example.org', password: 'a long enough secret', trialDays: 14, verified: true },
    now - 40 * DAY,
  );
  const member = await createUser(
    db,
    { email: 'member@example.org', password: 'a long enough secret', trialDays: 14, verified: true },
    now - DAY,
  );
  const editor = await createUser(
    db,
    { email: 'editor@example.org', password: 'a long enough secret', role: 'editor', verified: true },
    now,
  );
  const cookies = new Map<Viewer, string | null>();
  cookies.set('visitor', null);
  cookies.set('lapsed', await createSession(db, lapsed.id, now, {}));
  cookies.set('member', await createSession(db, member.id, now, {}));
  cookies.set('editor', await createSession(db, editor.id, now, {}));
  return { cookies, editorId: editor.id };
}

/** Records every dialog call and CSP violation, in every frame, before any page script runs. */
const INIT_SCRIPT = `(() => {
  const binding = window.__mhReport;
  const send = (kind, data) => { try { (binding || window.__mhReport)(kind, JSON.stringify(data)); } catch (e) { /* a frame without the binding: page.on('dialog') still sees real dialogs */ } };
  for (const name of ['alert', 'confirm', 'prompt', 'print']) {
    const hook = function (...args) { send('dialog', { fn: name, arg: String(args[0]), href: location.href }); return name === 'prompt' ? null : name === 'confirm' ? false : undefined; };
    try { Object.defineProperty(window, name, { value: hook, writable: true, configurable: true }); } catch (e) { /* keep the real one: page.on('dialog') sees it */ }
  }
  window.addEventListener('securitypolicyviolation', (e) => {
    const t = e.target;
    send('csp', { directive: e.effectiveDirective, blocked: e.blockedURI, sample: e.sample, disposition: e.disposition, source: e.sourceFile, line: e.lineNumber, href: location.href,
      target: t && t.outerHTML ? t.outerHTML.slice(0, 400) : String(t && t.nodeName) });
  }, true);
})();`;

export interface HookEvent {
  viewer: Viewer;
  kind: 'dialog' | 'csp' | 'native-dialog' | 'popup';
  href: string;
  data: Record<string, unknown>;
}

const scanExpression = (arg: ScanArgument) =>
  `((__name) => (${hostileScan.toString()})(${JSON.stringify(arg)}))((f) => f)`;
export const runScan = (page: Page, arg: ScanArgument) => page.evaluate(scanExpression(arg)) as Promise<ScanResult>;

export class Harness {
  readonly events: HookEvent[] = [];
  private contexts = new Map<Viewer, BrowserContext>();
  constructor(private browser: Browser) {}

  async context(viewer: Viewer, cookie: string | null, base: string): Promise<BrowserContext> {
    const ctx = await this.browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 1000 } });
    await ctx.exposeBinding('__mhReport', (source, kind: string, json: string) => {
      let data: Record<string, unknown> = {};
      try {
        data = JSON.parse(json) as Record<string, unknown>;
      } catch {
        data = { raw: String(json) };
      }
      this.events.push({
        viewer,
        kind: kind as HookEvent['kind'],
        href: String(data.href ?? source.frame.url()),
        data,
      });
    });
    await ctx.addInitScript(INIT_SCRIPT);
    if (cookie) await ctx.addCookies([{ name: 'mh_session', value: cookie, url: base }]);
    this.contexts.set(viewer, ctx);
    return ctx;
  }

  async newPage(viewer: Viewer): Promise<Page> {
    const page = await this.contexts.get(viewer)!.newPage();
    const watch = (p: Page) =>
      p.on('dialog', (d) => {
        this.events.push({ viewer, kind: 'native-dialog', href: p.url(), data: { type: d.type(), arg: d.message() } });
        void d.dismiss().catch(() => undefined);
      });
    watch(page);
    // A window a payload opens is a finding in itself; it is closed at once.
    page.on('popup', (popup) => {
      this.events.push({ viewer, kind: 'popup', href: page.url(), data: { url: popup.url() } });
      watch(popup);
      void popup.close().catch(() => undefined);
    });
    return page;
  }

  async close(): Promise<void> {
    for (const ctx of this.contexts.values()) await ctx.close().catch(() => undefined);
    this.contexts.clear();
  }
}

export interface VisitResult {
  viewer: Viewer;
  path: string;
  status: number;
  finalUrl: string;
  findings: ScanFinding[];
  /** The page's "older stories" / "more results" links. */
  next: string[];
  error?: string;
}

/** Visits every (viewer, path) with a few pages in parallel; each page: load, let handlers fire, scan. */
export async function visitAll(
  harness: Harness,
  base: string,
  jobs: { viewer: Viewer; path: string }[],
  workers = 3,
): Promise<VisitResult[]> {
  const results: VisitResult[] = [];
  const queue = [...jobs];
  const scanArg: ScanArgument = { mode: 'document', videoHosts: VIDEO_HOSTS, sandboxTokens: SANDBOX_TOKENS };
  await Promise.all(
    Array.from({ length: workers }, async () => {
      const pages = new Map<Viewer, Page>();
      for (;;) {
        const job = queue.shift();
        if (!job) break;
        let page = pages.get(job.viewer);
        if (!page || page.isClosed()) {
          page = await harness.newPage(job.viewer);
          pages.set(job.viewer, page);
        }
        const result: VisitResult = {
          viewer: job.viewer,
          path: job.path,
          status: 0,
          finalUrl: '',
          findings: [],
          next: [],
        };
        try {
          const res = await page.goto(base + job.path, { waitUntil: 'load', timeout: 30_000 });
          result.status = res?.status() ?? 0;
          // Let autofocus, toggle, animation and error handlers fire.
          await page.evaluate(
            () =>
              new Promise<void>((resolve) => {
                let done = false;
                const finish = () => {
                  if (!done) {
                    done = true;
                    resolve(undefined);
                  }
                };
                requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(finish, 0)));
                setTimeout(finish, 200);
              }),
          );
          result.finalUrl = page.url();
          result.findings = (await runScan(page, scanArg)).findings;
          result.next = await page.evaluate(() =>
            Array.from(document.querySelectorAll('nav.pager a')).map((a) => a.getAttribute('href') ?? ''),
          );
        } catch (err) {
          result.error = (err as Error).message.split('\n')[0]!;
          result.finalUrl = page.isClosed() ? '' : page.url();
        }
        results.push(result);
      }
      for (const p of pages.values()) await p.close().catch(() => undefined);
    }),
  );
  return results;
}

/** The same pages as served to a viewer, scanned without running them (parsed into an inert document). */
export async function scanServed(
  app: FastifyInstance,
  page: Page,
  viewer: Viewer,
  cookie: string | null,
  paths: string[],
): Promise<VisitResult[]> {
  const out: VisitResult[] = [];
  const headers = { accept: 'text/html', ...(cookie ? { cookie: `mh_session=${cookie}` } : {}) };
  for (let i = 0; i < paths.length; i += 40) {
    const pages: { key: string; html: string }[] = [];
    for (const p of paths.slice(i, i + 40)) {
      let res = await app.inject({ url: p, headers });
      if (res.statusCode === 301 || res.statusCode === 302)
        res = await app.inject({ url: String(res.headers.location), headers });
      out.push({ viewer, path: p, status: res.statusCode, finalUrl: '', findings: [], next: [] });
      pages.push({ key: p, html: res.body });
    }
    const result = await runScan(page, {
      mode: 'pages',
      videoHosts: VIDEO_HOSTS,
      sandboxTokens: SANDBOX_TOKENS,
      pages,
    });
    for (const r of out.slice(i)) r.findings = result.byKey?.[r.path] ?? [];
  }
  return out;
}
