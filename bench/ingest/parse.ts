// Parse throughput (MB/s) on the feedparser corpus plus larger realistic feeds
// generated here, for our parser and three libraries, in interleaved rounds of
// one run; also our whole parse + normalise + sanitise path.
import fs from 'node:fs';
import path from 'node:path';
import { parseFeed as rowanmanning } from '@rowanmanning/feed-parser';
import { parseFeed as feedsmith } from 'feedsmith';
import RssParser from 'rss-parser';
import { listCorpus, runFile } from '../../src/ingest/parse/feedparser-corpus.ts';
import { parseFeed } from '../../src/ingest/parse/parse-feed.ts';
import { processItem } from '../../src/ingest/process/process-item.ts';

const CORPUS = path.resolve(import.meta.dirname, '../../../shared/corpora/feedparser-tests');

function bigFeed(kind: 'rss' | 'atom', items: number, seed: number): string {
  const para = (n: number) => `<p>Paragraph ${n} of a realistic article body, with <a href="https://example.org/${n}">a link</a>, <em>emphasis</em> and enough words to look like news copy about the harbour, the council and the weather on day ${seed}.</p>`;
  const body = (i: number) => Array.from({ length: 8 }, (_, n) => para(i * 10 + n)).join('');
  if (kind === 'rss') {
    return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>Big ${seed}</title><link>https://example.org/</link>${Array.from({ length: items }, (_, i) => `<item><title>Story ${i} &amp; more</title><link>https://example.org/s/${i}?utm_source=rss</link><guid>https://example.org/s/${i}</guid><pubDate>Mon, 23 Nov 2026 08:${String(i % 60).padStart(2, '0')}:00 GMT</pubDate><dc:creator>Reporter ${i % 7}</dc:creator><category>News</category><description>Summary of story ${i}.</description><content:encoded><![CDATA[${body(i)}]]></content:encoded><media:content url="https://example.org/i/${i}.jpg" medium="image" width="1200" height="675"><media:description>Caption ${i}</media:description><media:credit>Agency</media:credit></media:content></item>`).join('')}</channel></rss>`;
  }
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Big ${seed}</title><id>urn:big:${seed}</id><updated>2026-11-23T08:00:00Z</updated>${Array.from({ length: items }, (_, i) => `<entry><id>urn:big:${seed}:${i}</id><title>Story ${i}</title><link rel="alternate" href="https://example.org/a/${i}"/><published>2026-11-23T08:00:00Z</published><updated>2026-11-23T08:00:00Z</updated><author><name>Writer ${i % 5}</name></author><summary>Summary ${i}</summary><content type="html">${esc(body(i))}</content></entry>`).join('')}</feed>`;
}

export async function run(log: (line: string) => void): Promise<Record<string, number>> {
  const corpus = listCorpus(CORPUS).filter((f) => f.endsWith('.xml')).map((f) => fs.readFileSync(f));
  const sizes = [40, 400, 2000, 8000]; // ≈ 100 KB … 5 MB
  const generated = sizes.flatMap((n, i) => [Buffer.from(bigFeed('rss', n, i)), Buffer.from(bigFeed('atom', n, i + 10))]);
  const docs = [...corpus, ...generated];
  const texts = docs.map((d) => d.toString('utf8'));
  const totalMb = docs.reduce((a, d) => a + d.length, 0) / 2 ** 20;
  log(`  ${corpus.length} corpus files + ${generated.length} generated feeds (${(generated.reduce((a, d) => a + d.length, 0) / 2 ** 20).toFixed(1)} MB): ${totalMb.toFixed(1)} MB per round`);

  const rss = new RssParser();
  const candidates: Record<string, (i: number) => unknown> = {
    masthead: (i) => parseFeed(docs[i]!),
    feedsmith: (i) => feedsmith(texts[i]!),
    rss_parser: (i) => rss.parseString(texts[i]!),
    rowanmanning: (i) => rowanmanning(texts[i]!),
  };
  const elapsed: Record<string, number> = Object.fromEntries(Object.keys(candidates).map((k) => [k, 0]));
  const failures: Record<string, number> = Object.fromEntries(Object.keys(candidates).map((k) => [k, 0]));
  const rounds = 3;
  for (let round = 0; round <= rounds; round++) {
    for (const [name, fn] of Object.entries(candidates)) {
      const t = performance.now();
      for (let i = 0; i < docs.length; i++) {
        try {
          await fn(i);
        } catch {
          if (round === 0) failures[name]!++;
        }
      }
      if (round > 0) elapsed[name]! += performance.now() - t; // round 0 warms up
    }
  }
  const mbps = Object.fromEntries(Object.entries(elapsed).map(([k, ms]) => [k, (totalMb * rounds) / (ms / 1000)]));

  // Our whole path: parse + normalise + sanitise every item (no network).
  const t = performance.now();
  let items = 0;
  for (const d of generated) {
    const feed = parseFeed(d, { url: 'https://example.org/feed' });
    for (const item of feed.items) {
      await processItem(item, { feedUrl: 'https://example.org/feed', fullText: 'never', now: Date.now() });
      items++;
    }
  }
  const fullMb = generated.reduce((a, d) => a + d.length, 0) / 2 ** 20;
  const fullMbps = fullMb / ((performance.now() - t) / 1000);

  for (const [k, v] of Object.entries(mbps)) log(`  ${k.padEnd(14)} ${v.toFixed(1).padStart(7)} MB/s   ×${(v / mbps.masthead!).toFixed(2)} of masthead   (threw on ${failures[k]} of ${docs.length} documents)`);
  log(`  masthead parse+normalise+sanitise: ${fullMbps.toFixed(1)} MB/s, ${Math.round(items / (fullMb / fullMbps))} items/s`);

  const results = listCorpus(CORPUS).map((f) => runFile(f, CORPUS)).filter((r) => r.folder.startsWith('wellformed'));
  const pass = results.filter((r) => r.outcome === 'pass').length;
  const fail = results.filter((r) => r.outcome === 'fail').length;
  return {
    'parse.mbps.masthead': mbps.masthead!,
    'parse.mbps.feedsmith': mbps.feedsmith!,
    'parse.mbps.rss_parser': mbps.rss_parser!,
    'parse.mbps.rowanmanning': mbps.rowanmanning!,
    'parse.mbps.masthead_full_path': fullMbps,
    'feedparser.wellformed.pass_rate': pass / (pass + fail),
  };
}
