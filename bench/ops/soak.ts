// A soak of the compiled build: `masthead serve` on a seeded SQLite file, article pages requested at a
// steady rate (open loop: each request on its schedule, whatever the answers do) for SOAK_S seconds
// (default 600) at SOAK_RPS (default 2,000: twice the article page's 1,000 req/s target), half as
// visitors and half as a signed-in member, as browsers ask (brotli). Reports errors (any non-200 or
// failed request), the rate achieved, latency percentiles, and the server's resident memory after the
// first minute and at the end (growth should be about nothing).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { articlePath } from '../../src/catalog/article-pages.ts';
import { openDatabase } from '../../src/db/connect.ts';
import { migrate } from '../../src/db/migrate.ts';
import { createUser } from '../../src/members/accounts.ts';
import { createSession } from '../../src/members/sessions.ts';
import { generateArticles } from '../reader/generate.ts';

const SECONDS = Number(process.env.SOAK_S ?? 600);
const RATE = Number(process.env.SOAK_RPS ?? 2000);
const ARTICLES = Number(process.env.SOAK_ARTICLES ?? 20_000);

const rssMb = (pid: number) => {
  const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
};

export async function run(log: (line: string) => void): Promise<Record<string, number>> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-soak-'));
  const database = openDatabase({ kind: 'sqlite', file: path.join(dataDir, 'masthead.sqlite') });
  await migrate(database);
  const now = Date.now();
  const { ids } = await generateArticles(database, { articles: ARTICLES, publishers: 50, now });
  const member = await createUser(
    database.db,
    { email: 'soak@example.org', password: 'a long enough secret', trialDays: 14, verified: true },
    now,
  );
  const cookie = `mh_session=${await createSession(database.db, member.id, now, {})}`;
  const rows = await database.db
    .selectFrom('articles')
    .select(['id', 'title'])
    .where('id', 'in', ids.filter((_, i) => i % 97 === 0).slice(0, 200))
    .execute();
  const urls = rows.map(articlePath);
  await database.close();

  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const server = spawn(process.execPath, [path.resolve('bin/masthead.js'), 'serve', '--no-ingest'], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PUBLIC_URL: 'http://127.0.0.1',
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      DEMO: 'false',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (
      await fetch(`${base}/healthz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    if (i > 3000) throw new Error('the server did not start');
    await new Promise((r) => setTimeout(r, 10));
  }

  const agent = new http.Agent({ keepAlive: true, maxSockets: 128 });
  const latencies = new Float64Array(Math.ceil(SECONDS * RATE) + 1);
  let done = 0;
  let errors = 0;
  let sent = 0;
  const samples: [number, number][] = [];
  const start = performance.now();
  log(`  ${SECONDS} s at ${RATE} req/s over ${urls.length} article pages (${ARTICLES} articles), pid ${server.pid}`);
  await new Promise<void>((finished) => {
    const total = Math.floor(SECONDS * RATE);
    const tick = () => {
      const elapsed = performance.now() - start;
      const due = Math.min(total, Math.floor((elapsed / 1000) * RATE));
      for (; sent < due; sent++) {
        const at = start + (sent * 1000) / RATE;
        const i = sent;
        const headers: Record<string, string> = { 'accept-encoding': 'gzip, deflate, br' };
        if (i % 2) headers.cookie = cookie;
        const req = http.get(base + urls[i % urls.length]!, { agent, headers }, (res) => {
          res.resume();
          res.on('end', () => {
            if (res.statusCode !== 200) errors++;
            latencies[done++] = performance.now() - at;
            if (done >= total) finished();
          });
        });
        req.on('error', () => {
          errors++;
          latencies[done++] = performance.now() - at;
          if (done >= total) finished();
        });
      }
      if (sent < total) setTimeout(tick, 5);
    };
    const sampler = setInterval(() => {
      const s = (performance.now() - start) / 1000;
      samples.push([s, rssMb(server.pid!)]);
      if (Math.round(s) % 60 < 5)
        log(`  ${Math.round(s)} s: ${done} answered, ${errors} errors, RSS ${samples.at(-1)![1].toFixed(0)} MB`);
      if (sent >= total && done >= total) clearInterval(sampler);
    }, 5000);
    sampler.unref();
    tick();
  });
  const seconds = (performance.now() - start) / 1000;
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  agent.destroy();
  fs.rmSync(dataDir, { recursive: true, force: true });

  const sorted = Array.from(latencies.subarray(0, done)).sort((a, b) => a - b);
  const at = (p: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]! * 10) / 10;
  const warm = samples.find(([s]) => s >= Math.min(60, SECONDS / 3))?.[1] ?? samples[0]?.[1] ?? NaN;
  const end = samples.at(-1)?.[1] ?? NaN;
  return {
    'ops.soak.seconds': Math.round(seconds),
    'ops.soak.target_rps': RATE,
    'ops.soak.rps': Math.round(done / seconds),
    'ops.soak.errors': errors,
    'ops.soak.p50_ms': at(0.5),
    'ops.soak.p99_ms': at(0.99),
    'ops.soak.rss_after_warmup_mb': Math.round(warm),
    'ops.soak.rss_end_mb': Math.round(end),
    'ops.soak.rss_growth_mb': Math.round((end - warm) * 10) / 10,
  };
}
