// A refresh cycle of 2,000 feeds served by local HTTP servers on loopback
// addresses (127.0.0.1–127.0.0.20, so per-host limits behave as with real
// publishers): 60% answer 304, 30% carry new items, 10% fail (HTTP 500 or a
// timeout). A cold pass stores every feed's items first; the measured pass is
// the steady state an ingest process lives in.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { addFeed } from '../../src/catalog/feeds.ts';
import { createPublisher } from '../../src/catalog/publishers.ts';
import { openDatabase } from '../../src/db/connect.ts';
import { migrate } from '../../src/db/migrate.ts';
import { runCycle } from '../../src/ingest/cycle.ts';
import { createFetcher } from '../../src/ingest/fetch/fetcher.ts';
import { silentLogger } from '../../src/log.ts';

const FEEDS = 2000;
const HOSTS = 20;
const ITEMS = 10;
const TIMEOUT_MS = 1500;

const words = 'harbour council budget ferry storm library museum league final comet rail strike energy tidal river bridge school orchestra market festival volunteers'.split(' ');

function paragraph(seed: number): string {
  let s = seed;
  const out: string[] = [];
  for (let i = 0; i < 45; i++) {
    s = (s * 1103515245 + 12345) >>> 0;
    out.push(words[s % words.length]!);
  }
  return `<p>${out.join(' ')}.</p>`;
}

function feedXml(feed: number, newest: number): string {
  const items: string[] = [];
  for (let n = newest; n > newest - ITEMS; n--) {
    items.push(`<item><guid isPermaLink="false">f${feed}-i${n}</guid><title>Story ${n} from feed ${feed}</title>
<link>http://f${feed}.bench.test/story/${n}?utm_source=rss</link><pubDate>${new Date(Date.UTC(2026, 10, 1) + n * 3600_000).toUTCString()}</pubDate>
<dc:creator>Reporter ${feed % 50}</dc:creator><description>Summary of story ${n}.</description>
<content:encoded><![CDATA[${paragraph(feed * 1000 + n)}${paragraph(feed * 1000 + n + 1)}${paragraph(feed * 7 + n)}<figure><img src="http://f${feed}.bench.test/i/${n}.jpg" width="800" height="450"><figcaption>Picture ${n} (Bench Agency)</figcaption></figure>]]></content:encoded></item>`);
  }
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Feed ${feed}</title><link>http://f${feed}.bench.test/</link>${items.join('')}</channel></rss>`;
}

export async function run(log: (line: string) => void): Promise<Record<string, number>> {
  const fetchCount = new Map<number, number>();
  const handler: http.RequestListener = (req, res) => {
    const m = /^\/feed\/(\d+)$/.exec(req.url ?? '');
    if (!m) return res.writeHead(404).end();
    const feed = Number(m[1]);
    const kind = (feed + Math.floor(feed / 20)) % 10; // every host gets its share of each kind, as in life
    const count = (fetchCount.get(feed) ?? 0) + 1;
    fetchCount.set(feed, count);
    if (kind === 9) {
      if (Math.floor(feed / 20) % 2 === 0) return res.writeHead(500).end('server error');
      return; // never answers: the fetcher's timeout ends it
    }
    const changing = kind >= 6;
    const version = changing ? count : 1;
    const etag = `"v${version}"`;
    if (req.headers['if-none-match'] === etag) return res.writeHead(304, { etag }).end();
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag }).end(feedXml(feed, 100 + version * 3));
  };
  const servers: http.Server[] = [];
  let port = 0;
  for (let h = 1; h <= HOSTS; h++) {
    const s = http.createServer(handler);
    await new Promise<void>((r) => s.listen(port, `127.0.0.${h}`, r));
    port = (s.address() as { port: number }).port;
    servers.push(s);
  }

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-bench-'));
  const database = openDatabase({ kind: 'sqlite', file: path.join(dir, 'bench.sqlite') });
  await migrate(database);
  const now = Date.now();
  const publisher = await createPublisher(database.db, { slug: 'bench', name: 'Bench', sections: ['news'] });
  for (let i = 0; i < FEEDS; i++) {
    // The feeds carry full text, as most publishers' do: no article page is fetched.
    await addFeed(database.db, { publisherId: publisher.id, url: `http://127.0.0.${(i % HOSTS) + 1}:${port}/feed/${i}`, intervalS: 300, allowPrivate: true, fullText: 'never' }, now);
  }
  const fetcher = createFetcher({ userAgent: 'masthead-bench', timeoutMs: TIMEOUT_MS, maxBytes: 5_000_000, perHost: 4, allowPrivate: true });
  const deps = { database, fetcher, log: silentLogger, now: Date.now, allowPrivate: true, bounds: { minS: 300, maxS: 86400, parkAfter: 100 } };

  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 25);
  try {
    const cold = await runCycle(deps, { concurrency: 64, all: true });
    log(`  cold pass: ${cold.feeds} feeds, ${cold.newArticles} articles in ${(cold.elapsedMs / 1000).toFixed(1)} s (${Math.round(cold.newArticles / (cold.elapsedMs / 1000))} articles/s)`);
    const coldPeak = peak;
    peak = 0;
    const warm = await runCycle(deps, { concurrency: 64, all: true });
    const s = warm.elapsedMs / 1000;
    log(`  steady pass: ${warm.feeds} feeds (${warm.notModified} 304, ${warm.updated} with items, ${warm.failed} failed) in ${s.toFixed(2)} s, ${warm.newArticles} new articles`);
    log(`  target: >= 150 feeds/s and <= 300 MB RSS on 2 cores (the ${Math.round((FEEDS / 10 / 2) * 1)} timeouts hold a worker ${TIMEOUT_MS} ms each)`);
    return {
      'refresh.feeds_per_s': warm.feeds / s,
      'refresh.articles_per_s': warm.newArticles / s,
      'refresh.peak_rss_mb': Math.max(peak, process.memoryUsage().rss) / 2 ** 20,
      'refresh.cold_articles_per_s': cold.newArticles / (cold.elapsedMs / 1000),
      'refresh.cold_peak_rss_mb': coldPeak / 2 ** 20,
    };
  } finally {
    clearInterval(sampler);
    fetcher.close();
    await database.close();
    for (const s of servers) {
      s.closeAllConnections();
      await new Promise((r) => s.close(r));
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
