// The refresh benchmark's publishers, in their own process (forked by
// refresh.ts) so that only the fetcher's process is measured: 20 loopback
// servers (127.0.0.1–127.0.0.20) serving 2,000 feeds, of which 60% answer 304,
// 30% carry new items and 10% fail (HTTP 500, or no answer at all).
import http from 'node:http';

const HOSTS = 20;
const ITEMS = 10;

const words =
  'harbour council budget ferry storm library museum league final comet rail strike energy tidal river bridge school orchestra market festival volunteers'.split(
    ' ',
  );

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

async function main(): Promise<void> {
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
    res
      .writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag })
      .end(feedXml(feed, 100 + version * 3));
  };
  const servers: http.Server[] = [];
  let port = 0;
  for (let h = 1; h <= HOSTS; h++) {
    const s = http.createServer(handler);
    await new Promise<void>((r) => s.listen(port, `127.0.0.${h}`, r));
    port = (s.address() as { port: number }).port;
    servers.push(s);
  }

  process.send?.({ port });
}

void main();
