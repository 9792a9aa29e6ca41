// Serving speed with 100,000 articles from 200 publishers, measured with
// autocannon on this machine, beside a bare node:http "hello" server in the
// same run (the ratios are the figures that travel; these machines are noisy).
// Both servers run in processes of their own (serve-child.ts): autocannon
// here would otherwise share the server's event loop.
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import autocannon from 'autocannon';
import { articlePath } from '../../src/catalog/article-pages.ts';
import { openDatabase } from '../../src/db/connect.ts';
import { migrate } from '../../src/db/migrate.ts';
import { createUser } from '../../src/members/accounts.ts';
import { createSession } from '../../src/members/sessions.ts';
import { generateArticles } from './generate.ts';
import { benchQueries } from './search.ts';

const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 100_000);
const DURATION = Number(process.env.BENCH_SECONDS ?? 8);

interface Load {
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
}

async function load(
  url: string,
  opts: { headers?: Record<string, string>; rate?: number; urls?: string[] } = {},
): Promise<Load> {
  let i = 0;
  const result = await autocannon({
    url,
    connections: opts.rate ? 20 : 50,
    duration: DURATION,
    headers: opts.headers,
    ...(opts.rate ? { overallRate: opts.rate } : {}),
    ...(opts.urls
      ? {
          requests: [
            { setupRequest: (req: { path: string }) => ({ ...req, path: opts.urls![i++ % opts.urls!.length]! }) },
          ],
        }
      : {}),
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p95: (result.latency as unknown as Record<string, number>).p97_5 ?? result.latency.p99,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

/**
 * Latency at a steady rate, open loop: one request every 1/rate s on its schedule whatever the
 * answers do (autocannon's rate limit sends each connection's share in bursts, which measures the
 * burst, not the rate). Latency counts from the scheduled time, so a stall is not hidden.
 */
async function paced(base: string, urls: string[], rate: number, seconds: number): Promise<Load> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const latencies: number[] = [];
  let errors = 0;
  const start = performance.now() + 50;
  const total = Math.round(rate * seconds);
  const one = (i: number) =>
    new Promise<void>((resolve) => {
      const due = start + (i * 1000) / rate;
      setTimeout(
        () => {
          const req = http.get(base + urls[i % urls.length]!, { agent }, (res) => {
            res.resume();
            res.on('end', () => {
              if (res.statusCode !== 200) errors++;
              latencies.push(performance.now() - due);
              resolve();
            });
          });
          req.on('error', () => {
            errors++;
            resolve();
          });
        },
        Math.max(0, due - performance.now()),
      );
    });
  await Promise.all(Array.from({ length: total }, (_, i) => one(i)));
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (p: number) =>
    Math.round(latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]! * 10) / 10;
  return { rps: latencies.length / seconds, p50: at(0.5), p95: at(0.95), p99: at(0.99), errors };
}

/** Starts a server process; resolves with it and its port. */
function serverProcess(args: string[]): Promise<{ child: ChildProcess; port: number }> {
  const child = fork(new URL('./serve-child.ts', import.meta.url), args, {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', (m) => resolve({ child, port: (m as { port: number }).port }));
    child.once('exit', (code) => reject(new Error(`server process ${args[0]} exited (${code})`)));
  });
}

export async function run(log: (line: string) => void): Promise<Record<string, number>> {
  const hello = await serverProcess(['hello']);
  const helloUrl = `http://127.0.0.1:${hello.port}/`;

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-serve-'));
  const database = openDatabase({ kind: 'sqlite', file: path.join(dir, 'bench.sqlite') });
  await migrate(database);
  const now = Date.now();
  const t = performance.now();
  const { ids, vocabulary, publisherIds } = await generateArticles(database, {
    articles: ARTICLES,
    publishers: 200,
    now,
  });
  log(`  generated ${ids.length} articles from 200 publishers in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  const member = await createUser(
    database.db,
    { email: 'bench@example.org', password: 'a long enough secret', trialDays: 14, verified: true },
    now,
  );
  const cookie = `mh_session=${await createSession(database.db, member.id, now, {})}`;

  const app = await serverProcess(['app', path.join(dir, 'bench.sqlite')]);
  const base = `http://127.0.0.1:${app.port}`;
  const rows = await database.db
    .selectFrom('articles')
    .select(['id', 'title'])
    .where('id', 'in', ids.filter((_, i) => i % 997 === 0).slice(0, 100))
    .execute();
  const articleUrls = rows.map(articlePath);
  // Popular searches (ten, repeated: result pages are kept for the interval) and, apart, searches that
  // are all different (the search bench's mix of 1–3 words, prefixes and filters), which are never kept.
  const slugs = new Map(
    (await database.db.selectFrom('publishers').select(['id', 'slug']).execute()).map((p) => [p.id, p.slug]),
  );
  const distinct = benchQueries(vocabulary, publisherIds, 5000, 11).map((q) => {
    const params = new URLSearchParams({ q: q.text });
    if (q.publisherIds?.length) params.set('publisher', slugs.get(q.publisherIds[0]!)!);
    if (q.sections?.length) params.set('section', q.sections[0]!);
    return `/search?${params}`;
  });
  const searches = [
    'harbour',
    'lightmar council',
    'ferryriver',
    'bridgegate market',
    'fieldstrand',
    'coun* ',
    'house vale',
    'dalemere',
    'tonwick',
    'gatefield ferry',
  ].map((q) => `/search?q=${encodeURIComponent(q)}`);

  // Page weight: HTML (CSS inline) + JS, compressed as a browser would fetch them.
  const html = await (await fetch(base + articleUrls[0])).text();
  const js = Buffer.from(await (await fetch(base + /<script src="([^"]+)"/.exec(html)![1]!)).arrayBuffer());
  const pageKb = (zlib.gzipSync(html).length + zlib.gzipSync(js).length) / 1024;
  const jsKb = zlib.gzipSync(js).length / 1024;
  const frontKb = (zlib.gzipSync(await (await fetch(base + '/')).text()).length + zlib.gzipSync(js).length) / 1024;
  // List pages: a publisher's newest page and a deep page by cursor, and a section.
  const publisherSlugs = (await database.db.selectFrom('publishers').select('slug').limit(20).execute()).map(
    (p) => `/p/${p.slug}`,
  );
  const deep = await database.db
    .selectFrom('articles')
    .select(['published_at', 'id'])
    .where('section', '=', 'news')
    .orderBy('published_at', 'asc')
    .limit(1)
    .offset(200)
    .executeTakeFirst();
  const listUrls = [
    ...publisherSlugs,
    '/s/news',
    '/s/sport',
    deep ? `/s/news?before=${deep.published_at}.${deep.id}` : '/s/culture',
  ];

  const results: Record<string, Load> = {};
  results.hello = await load(helloUrl);
  results.front = await load(base + '/');
  results.article = await load(base, { urls: articleUrls });
  results.article_member = await load(base, { urls: articleUrls, headers: { cookie } });
  // As browsers ask: compressed (brotli). A visitor's page is compressed once and kept; a member's each time.
  results.article_br = await load(base, { urls: articleUrls, headers: { 'accept-encoding': 'gzip, deflate, br' } });
  results.article_member_br = await load(base, {
    urls: articleUrls,
    headers: { cookie, 'accept-encoding': 'gzip, deflate, br' },
  });
  results.article_1000 = await paced(base, articleUrls, 1000, DURATION);
  results.article_1000_autocannon = await load(base, { urls: articleUrls, rate: 1000 });
  results.lists = await load(base, { urls: listUrls });
  results.search = await load(base, { urls: searches });
  results.search_distinct = await load(base, { urls: distinct });
  // The same never-repeated searches at a steady 100 req/s: latency of a search page under load, not queueing at saturation.
  results.search_distinct_100 = await paced(base, distinct.slice(2500), 100, DURATION);

  for (const [k, v] of Object.entries(results)) {
    log(
      `  ${k.padEnd(16)} ${v.rps.toFixed(0).padStart(7)} req/s  p50 ${v.p50} ms  p99 ${v.p99} ms  ×${(v.rps / results.hello!.rps).toFixed(3)} of hello${v.errors ? `  (${v.errors} errors)` : ''}`,
    );
  }
  log(
    `  article page: ${pageKb.toFixed(1)} KB compressed (JS ${jsKb.toFixed(1)} KB); front page ${frontKb.toFixed(1)} KB`,
  );

  app.child.send('close');
  await new Promise((r) => app.child.once('exit', r));
  await database.close();
  hello.child.kill();
  fs.rmSync(dir, { recursive: true, force: true });
  return {
    'serve.hello.rps': results.hello.rps,
    'serve.front.rps': results.front!.rps,
    'serve.front.p95_ms': results.front!.p95,
    'serve.article.rps': results.article!.rps,
    'serve.article.p99_ms': results.article_1000!.p99,
    'serve.article.p99_ms_autocannon_rate': results.article_1000_autocannon!.p99,
    'serve.article_member.rps': results.article_member!.rps,
    'serve.article_br.rps': results.article_br!.rps,
    'serve.article_member_br.rps': results.article_member_br!.rps,
    'serve.search.rps': results.search!.rps,
    'serve.search.p95_ms': results.search!.p95,
    'serve.search_distinct.rps': results.search_distinct!.rps,
    'serve.search_distinct.p95_ms': results.search_distinct!.p95,
    'serve.search_distinct.p95_ms_at_100rps': results.search_distinct_100!.p95,
    'serve.article.ratio_to_hello': results.article!.rps / results.hello.rps,
    'serve.lists.rps': results.lists!.rps,
    'serve.lists.p95_ms': results.lists!.p95,
    'page.article.kb': pageKb,
    'page.front.kb': frontKb,
    'page.article.js_kb': jsKb,
  };
}
