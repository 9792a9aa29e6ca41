// Feed parsing, measured: throughput (MB/s) on the feedparser corpus plus larger
// realistic feeds generated here, for our parser and three libraries, in
// interleaved rounds after a warm-up round; and correctness of each on the
// corpus's well-formed expectations, through the same harness (each library's
// output mapped onto ParsedFeed's core fields, below).
import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { parseFeed as rowanmanning } from '@rowanmanning/feed-parser';
import { parseFeed as feedsmith } from 'feedsmith';
import RssParser from 'rss-parser';
import {
  corpusOptions,
  judge,
  listCorpus,
  readExpectation,
  runFile,
} from '../../src/test-support/feedparser-corpus.ts';
import { parseFeed } from '../../src/ingest/parse/parse-feed.ts';
import type { ParsedFeed, ParsedItem, ParsedPerson } from '../../src/ingest/parse/types.ts';

// A full collection between timed passes, without needing node --expose-gc.
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

const CORPUS = path.resolve(import.meta.dirname, '../../../shared/corpora/feedparser-tests');

export function bigFeed(kind: 'rss' | 'atom', items: number, seed: number): string {
  const para = (n: number) =>
    `<p>Paragraph ${n} of a realistic article body, with <a href="https://example.org/${n}">a link</a>, <em>emphasis</em> and enough words to look like news copy about the harbour, the council and the weather on day ${seed}.</p>`;
  const body = (i: number) => Array.from({ length: 8 }, (_, n) => para(i * 10 + n)).join('');
  if (kind === 'rss') {
    return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>Big ${seed}</title><link>https://example.org/</link>${Array.from({ length: items }, (_, i) => `<item><title>Story ${i} &amp; more</title><link>https://example.org/s/${i}?utm_source=rss</link><guid>https://example.org/s/${i}</guid><pubDate>Mon, 23 Nov 2026 08:${String(i % 60).padStart(2, '0')}:00 GMT</pubDate><dc:creator>Reporter ${i % 7}</dc:creator><category>News</category><description>Summary of story ${i}.</description><content:encoded><![CDATA[${body(i)}]]></content:encoded><media:content url="https://example.org/i/${i}.jpg" medium="image" width="1200" height="675"><media:description>Caption ${i}</media:description><media:credit>Agency</media:credit></media:content></item>`).join('')}</channel></rss>`;
  }
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Big ${seed}</title><id>urn:big:${seed}</id><updated>2026-11-23T08:00:00Z</updated>${Array.from({ length: items }, (_, i) => `<entry><id>urn:big:${seed}:${i}</id><title>Story ${i}</title><link rel="alternate" href="https://example.org/a/${i}"/><published>2026-11-23T08:00:00Z</published><updated>2026-11-23T08:00:00Z</updated><author><name>Writer ${i % 5}</name></author><summary>Summary ${i}</summary><content type="html">${esc(body(i))}</content></entry>`).join('')}</feed>`;
}

// ---- Each library's output → ParsedFeed's core fields (what the harness can check). ----
type J = Record<string, any>;
const s = (v: unknown): string | undefined =>
  typeof v === 'string'
    ? v
    : v && typeof v === 'object' && typeof (v as J).value === 'string'
      ? (v as J).value
      : undefined;
/** The libraries that return date strings leave parsing to the caller; a caller would use Date. */
const date = (v: unknown) =>
  v instanceof Date ? v : typeof v === 'string' && Number.isFinite(Date.parse(v)) ? new Date(v) : undefined;
const person = (p: J | string): ParsedPerson =>
  typeof p === 'string'
    ? { name: p }
    : { name: p?.name ?? undefined, email: p?.email ?? undefined, url: p?.url ?? p?.uri ?? undefined };
const item = (x: Partial<ParsedItem>): ParsedItem => ({ links: [], authors: [], categories: [], media: [], ...x });
const feed = (format: ParsedFeed['format'], x: Partial<ParsedFeed>): ParsedFeed => ({
  format,
  version: '',
  links: [],
  authors: [],
  categories: [],
  skipHours: [],
  skipDays: [],
  items: [],
  bozo: false,
  bozoReasons: [],
  ...x,
});

export function fromRowanmanning(f: J): ParsedFeed {
  return feed(f.meta.type === 'atom' ? 'atom' : 'rss', {
    title: f.title ?? undefined,
    link: f.url ?? undefined,
    description: f.description ?? undefined,
    language: f.language ?? undefined,
    rights: f.copyright ?? undefined,
    generator: f.generator?.label ?? undefined,
    image: f.image?.url ? { url: f.image.url, title: f.image.title ?? undefined } : undefined,
    updated: date(f.updated),
    authors: (f.authors ?? []).map(person),
    categories: (f.categories ?? []).map((c: J) => ({ term: c.term, label: c.label })),
    items: (f.items ?? []).map((i: J) =>
      item({
        id: i.id ?? undefined,
        title: i.title ?? undefined,
        link: i.url ?? undefined,
        links: i.url ? [{ href: i.url, rel: 'alternate' }] : [],
        summary: i.description ?? undefined,
        content: i.content ?? undefined,
        published: date(i.published),
        updated: date(i.updated),
        authors: (i.authors ?? []).map(person),
        categories: (i.categories ?? []).map((c: J) => ({ term: c.term, label: c.label })),
        media: (i.media ?? []).map((m: J) => ({
          url: m.url,
          type: m.mimeType ?? undefined,
          length: m.length ?? undefined,
          source: 'enclosure' as const,
        })),
      }),
    ),
  });
}

export function fromFeedsmith(r: J): ParsedFeed {
  const f = r.feed;
  if (r.format === 'atom') {
    const alt = (links: J[] = []) => (links.find((l) => !l.rel || l.rel === 'alternate') ?? links[0])?.href;
    return feed('atom', {
      title: s(f.title),
      link: alt(f.links),
      links: (f.links ?? []).map((l: J) => ({ href: l.href, rel: l.rel ?? 'alternate', type: l.type })),
      description: s(f.subtitle),
      rights: s(f.rights),
      updated: date(f.updated),
      authors: (f.authors ?? []).map(person),
      items: (f.entries ?? []).map((e: J) =>
        item({
          id: e.id,
          title: s(e.title),
          link: alt(e.links),
          links: (e.links ?? []).map((l: J) => ({ href: l.href, rel: l.rel ?? 'alternate', type: l.type })),
          summary: s(e.summary),
          content: s(e.content),
          published: date(e.published ?? e.issued),
          updated: date(e.updated ?? e.modified),
          authors: (e.authors ?? f.authors ?? []).map(person),
          categories: (e.categories ?? []).map((c: J) => ({ term: c.term, scheme: c.scheme, label: c.label })),
        }),
      ),
    });
  }
  const json = r.format === 'json';
  return feed(json ? 'json' : r.format === 'rdf' ? 'rdf' : 'rss', {
    title: f.title ?? f.dc?.title,
    link: f.link ?? f.home_page_url,
    description: f.description ?? f.itunes?.summary ?? f.itunes?.subtitle,
    language: f.language ?? f.dc?.language,
    rights: f.copyright ?? f.dc?.rights,
    generator: f.generator,
    updated: date(f.lastBuildDate ?? f.pubDate ?? f.dc?.date),
    image: (f.image?.url ?? f.itunes?.image) ? { url: f.image?.url ?? f.itunes.image } : undefined,
    authors: [
      ...(f.authors ?? []),
      ...(f.managingEditor ? [f.managingEditor] : []),
      ...(f.dc?.creators ?? []),
      ...(f.itunes?.author ? [f.itunes.author] : []),
    ].map(person),
    categories: [
      ...(f.categories ?? []).map((c: J) => ({ term: c.name ?? c, scheme: c.domain })),
      ...(f.itunes?.keywords ?? []).map((k: string) => ({ term: k })),
    ],
    items: (f.items ?? []).map((i: J) =>
      item({
        id: i.guid?.value ?? i.id ?? i.rdf?.about,
        title: i.title ?? i.dc?.title,
        link: i.link ?? i.url,
        summary: i.description ?? i.summary ?? i.itunes?.summary,
        content: i.content?.encoded ?? i.content_html,
        published: date(i.pubDate ?? i.dc?.date ?? i.date_published),
        updated: date(i.date_modified),
        authors: [...(i.authors ?? []), ...(i.dc?.creators ?? [])].map(person),
        categories: [
          ...(i.categories ?? []).map((c: J) => ({ term: c.name ?? c, scheme: c.domain })),
          ...(i.dc?.subjects ?? []).map((t: string) => ({ term: t })),
        ],
        media: (i.enclosures ?? []).map((m: J) => ({
          url: m.url,
          type: m.type,
          length: m.length,
          source: 'enclosure' as const,
        })),
      }),
    ),
  });
}

export function fromRssParser(f: J): ParsedFeed {
  return feed('rss', {
    title: f.title,
    link: f.link,
    description: f.description,
    language: f.language,
    image: f.image?.url ? { url: f.image.url } : undefined,
    updated: date(f.lastBuildDate),
    items: (f.items ?? []).map((i: J) =>
      item({
        id: i.guid ?? i.id,
        title: i.title,
        link: i.link,
        summary: i.summary ?? i.content,
        content: i['content:encoded'] ?? (i.summary ? i.content : undefined),
        published: date(i.isoDate),
        authors: (i.creator ?? i.author) ? [person(i.creator ?? i.author)] : [],
        categories: (i.categories ?? []).map((c: J | string) => ({
          term: typeof c === 'string' ? c : (c._ ?? String(c)),
        })),
        media: i.enclosure?.url
          ? [
              {
                url: i.enclosure.url,
                type: i.enclosure.type,
                length: Number(i.enclosure.length) || undefined,
                source: 'enclosure' as const,
              },
            ]
          : [],
      }),
    ),
  });
}

export async function run(log: (line: string) => void): Promise<Record<string, number>> {
  const files = listCorpus(CORPUS);
  const corpus = files.map((f) => fs.readFileSync(f));
  const sizes = [40, 400, 2000, 8000]; // ≈ 100 KB … 5 MB
  const generated = sizes.flatMap((n, i) => [
    Buffer.from(bigFeed('rss', n, i)),
    Buffer.from(bigFeed('atom', n, i + 10)),
  ]);
  const docs = [...corpus, ...generated];
  const texts = docs.map((d) => d.toString('utf8')); // the libraries take strings; decoding is ours alone
  const totalMb = docs.reduce((a, d) => a + d.length, 0) / 2 ** 20;
  log(
    `  ${corpus.length} corpus files + ${generated.length} generated feeds (${(generated.reduce((a, d) => a + d.length, 0) / 2 ** 20).toFixed(1)} MB): ${totalMb.toFixed(1)} MB per round`,
  );

  const options = docs.map((d, i) => (i < corpus.length ? corpusOptions(d, path.relative(CORPUS, files[i]!)) : {}));
  const rss = new RssParser();
  const candidates: Record<string, { parse: (i: number) => unknown; view: (out: any) => ParsedFeed }> = {
    masthead: { parse: (i) => parseFeed(docs[i]!, options[i]), view: (f) => f },
    feedsmith: { parse: (i) => feedsmith(texts[i]!), view: fromFeedsmith },
    rss_parser: { parse: (i) => rss.parseString(texts[i]!), view: fromRssParser },
    rowanmanning: { parse: (i) => rowanmanning(texts[i]!), view: fromRowanmanning },
  };
  const names = Object.keys(candidates);
  const elapsed: Record<string, number> = Object.fromEntries(names.map((k) => [k, 0]));
  const threw: Record<string, number> = Object.fromEntries(names.map((k) => [k, 0]));
  const pass: Record<string, number> = Object.fromEntries(names.map((k) => [k, 0]));
  const fail: Record<string, number> = Object.fromEntries(names.map((k) => [k, 0]));

  // Round 0 warms up and judges correctness; rounds 1..n are timed, one whole pass per candidate, in an
  // order that rotates each round, with a full garbage collection before each pass so that no candidate
  // pays for another's garbage.
  const rounds = 4;
  for (let round = 0; round <= rounds; round++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(k + round) % names.length]!;
      const c = candidates[name]!;
      gc();
      const t = performance.now();
      for (let i = 0; i < docs.length; i++) {
        let out: unknown;
        let error: string | undefined;
        try {
          out = await c.parse(i);
        } catch (e) {
          error = (e as Error).message;
        }
        if (round > 0) continue;
        if (error !== undefined) threw[name]!++;
        const rel = i < corpus.length ? path.relative(CORPUS, files[i]!) : '';
        if (!rel.startsWith('wellformed')) continue;
        let view: ParsedFeed | null = null;
        try {
          view = out === undefined ? null : c.view(out);
        } catch (e) {
          error = `adapter: ${(e as Error).message}`;
        }
        const r = judge(rel, readExpectation(docs[i]!) ?? '', view, error, 0);
        if (r.outcome === 'pass') pass[name]!++;
        if (r.outcome === 'fail') fail[name]!++;
      }
      if (round > 0) elapsed[name]! += performance.now() - t;
    }
  }
  const mbps = Object.fromEntries(names.map((k) => [k, (totalMb * rounds) / (elapsed[k]! / 1000)]));
  const rate = (k: string) => pass[k]! / (pass[k]! + fail[k]!);

  log(
    `  ${'parser'.padEnd(14)} ${'MB/s'.padStart(7)}  ${'× ours'.padStart(7)}  ${'threw on'.padStart(9)}  well-formed expectations passed`,
  );
  for (const k of names) {
    log(
      `  ${k.padEnd(14)} ${mbps[k]!.toFixed(1).padStart(7)}  ${(mbps[k]! / mbps.masthead!).toFixed(2).padStart(7)}  ${String(threw[k]).padStart(9)}  ${(rate(k) * 100).toFixed(1)}% (${pass[k]} of ${pass[k]! + fail[k]!} applicable)`,
    );
  }

  // Our whole path for the generated feeds: parse + normalise + sanitise every item (no network).
  // process/ is another module's; if it cannot load, the figure is left out rather than failing the parse bench.
  let fullMbps: number | undefined;
  try {
    const { processItem } = await import('../../src/ingest/process/process-item.ts');
    const t = performance.now();
    let items = 0;
    for (const d of generated) {
      for (const it of parseFeed(d, { url: 'https://example.org/feed' }).items) {
        await processItem(it, { feedUrl: 'https://example.org/feed', fullText: 'never', now: Date.now() });
        items++;
      }
    }
    const seconds = (performance.now() - t) / 1000;
    fullMbps = generated.reduce((a, d) => a + d.length, 0) / 2 ** 20 / seconds;
    log(`  masthead parse+normalise+sanitise: ${fullMbps.toFixed(1)} MB/s, ${Math.round(items / seconds)} items/s`);
  } catch (e) {
    log(`  (parse+normalise+sanitise not measured: ${(e as Error).message})`);
  }

  // The harness's own figure for our parser (also asserted by feedparser-corpus.test.ts).
  const ours = files.map((f) => runFile(f, CORPUS)).filter((r) => r.folder.startsWith('wellformed'));
  const ok = ours.filter((r) => r.outcome === 'pass').length;
  const bad = ours.filter((r) => r.outcome === 'fail').length;
  return {
    'parse.mbps.masthead': mbps.masthead!,
    'parse.mbps.feedsmith': mbps.feedsmith!,
    'parse.mbps.rss_parser': mbps.rss_parser!,
    'parse.mbps.rowanmanning': mbps.rowanmanning!,
    ...(fullMbps === undefined ? {} : { 'parse.mbps.masthead_full_path': fullMbps }),
    'feedparser.wellformed.pass_rate': ok / (ok + bad),
    'feedparser.wellformed.pass_rate.feedsmith': rate('feedsmith'),
    'feedparser.wellformed.pass_rate.rss_parser': rate('rss_parser'),
    'feedparser.wellformed.pass_rate.rowanmanning': rate('rowanmanning'),
  };
}
