// A large catalogue for page and search benchmarks: N articles from P
// publishers. Text is drawn word by word from a Zipf distribution (s = 1) over
// a vocabulary of English function words followed by pseudo-words made from
// syllables (no corpus text), so a few words are everywhere and most are rare,
// as in news. Rows go in by batches of 1,000 inside transactions, each batch
// indexed for search by indexArticles after it is written. Deterministic for a seed.
import { sql } from 'kysely';
import type { Database } from '../../src/db/connect.ts';
import type { NewArticle } from '../../src/db/schema.ts';
import { indexArticles } from '../../src/search/index-article.ts';

export interface GenerateOptions {
  articles: number;
  publishers: number;
  /** default 42 */
  seed?: number;
  /** the newest article's time; one a minute before it, and so on back. Default 2026-11-24T09:00Z */
  now?: number;
}

export interface Generated {
  /** article ids, newest first */
  ids: number[];
  publisherIds: number[];
  /** the vocabulary, most frequent word first (ranks for choosing benchmark queries) */
  vocabulary: string[];
}

export const SECTIONS = ['news', 'politics', 'business', 'culture', 'sport', 'science', 'good-news'];
const FUNCTION_WORDS =
  'the of and to a in that is for on it with as was he be by at said his from are have this an not which has they but were or had its their after been who will more we one new than also'.split(
    ' ',
  );
const ONSETS = [
  'b',
  'br',
  'c',
  'ch',
  'd',
  'dr',
  'f',
  'g',
  'gr',
  'h',
  'j',
  'k',
  'l',
  'm',
  'n',
  'p',
  'pl',
  'r',
  's',
  'sh',
  'st',
  't',
  'tr',
  'v',
  'w',
  'z',
];
const NUCLEI = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'ou', 'oo', 'ie'];
const CODAS = ['', '', 'n', 'r', 's', 'l', 'm', 'nd', 'st', 'rk', 'ng', 't'];
const VOCABULARY_SIZE = 30_000;
const BATCH = 1000;

/** mulberry32: small, fast, good enough for test data. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function makeVocabulary(size: number, random: () => number): string[] {
  const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)]!;
  const seen = new Set(FUNCTION_WORDS);
  const out = [...FUNCTION_WORDS];
  while (out.length < size) {
    const syllables = 1 + Math.floor(random() * 3);
    let w = '';
    for (let s = 0; s < syllables; s++) w += pick(ONSETS) + pick(NUCLEI) + pick(CODAS);
    if (w.length >= 3 && !seen.has(w)) {
      seen.add(w);
      out.push(w);
    }
  }
  return out;
}

/** Draws ranks 0..n-1 with probability ∝ 1 / (rank + 1)^s, by binary search over the cumulative weights. */
export function zipfSampler(n: number, s: number, random: () => number): () => number {
  const cdf = new Float64Array(n);
  let sum = 0;
  for (let k = 0; k < n; k++) cdf[k] = sum += 1 / Math.pow(k + 1, s);
  return () => {
    const x = random() * sum;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cdf[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

export async function generateArticles(database: Database, opts: GenerateOptions): Promise<Generated> {
  const now = opts.now ?? Date.parse('2026-11-24T09:00:00Z');
  const random = rng(opts.seed ?? 42);
  const vocabulary = makeVocabulary(VOCABULARY_SIZE, random);
  const rank = zipfSampler(vocabulary.length, 1, random);
  const word = () => vocabulary[rank()]!;
  const sentence = (n: number) => {
    const w = Array.from({ length: n }, word);
    w[0] = w[0]!.charAt(0).toUpperCase() + w[0]!.slice(1);
    return `${w.join(' ')}.`;
  };
  const db = database.db;
  const publisherRows = Array.from({ length: opts.publishers }, (_, p) => ({
    slug: `bench-${p}`,
    name: `Bench Title ${p}`,
    homepage: null,
    logo_url: null,
    description: null,
    language: 'en',
    country: 'GB',
    sections: JSON.stringify([SECTIONS[p % SECTIONS.length]]),
    brand_color: '#1f4e79',
    api_key_hash: null,
    api_key_prefix: null,
    created_at: now,
  }));
  const publisherIds: number[] = [];
  for (let i = 0; i < publisherRows.length; i += 200) {
    publisherIds.push(
      ...(
        await db
          .insertInto('publishers')
          .values(publisherRows.slice(i, i + 200))
          .returning('id')
          .execute()
      ).map((r) => r.id),
    );
  }
  const ids: number[] = [];
  for (let start = 0; start < opts.articles; start += BATCH) {
    const rows = Array.from({ length: Math.min(BATCH, opts.articles - start) }, (_, k): NewArticle => {
      const i = start + k;
      const paragraphs = Array.from({ length: 6 }, () => `${sentence(12)} ${sentence(16)} ${sentence(10)}`);
      const section = SECTIONS[i % SECTIONS.length]!;
      return {
        publisher_id: publisherIds[i % publisherIds.length]!,
        feed_id: null,
        guid: `bench-${i}`,
        external_id: null,
        url: `https://bench.example/${i}`,
        title: sentence(7).slice(0, -1),
        standfirst: sentence(18),
        body_html: paragraphs.map((p) => `<p>${p}</p>`).join(''),
        body_text: paragraphs.join('\n\n'),
        body_source: 'feed',
        section,
        categories: JSON.stringify([section]),
        language: 'en',
        image_url: `https://bench.example/i/${i}.jpg`,
        image_caption: sentence(6),
        image_credit: 'Bench Agency',
        image_width: 1200,
        image_height: 675,
        word_count: 230,
        reading_minutes: 1,
        published_at: now - i * 60_000,
        updated_at: null,
        content_hash: String(i),
        source_hash: String(i),
        minhash: null,
        duplicate_of: null,
        status: 'published',
        is_free: 0,
        created_at: now,
        modified_at: now,
      };
    });
    await db.transaction().execute(async (trx) => {
      const batchIds: number[] = [];
      // 500 rows of 30 columns stay under SQLite's 32,766 bound parameters.
      for (let i = 0; i < rows.length; i += 500)
        batchIds.push(
          ...(
            await trx
              .insertInto('articles')
              .values(rows.slice(i, i + 500))
              .returning('id')
              .execute()
          ).map((x) => x.id),
        );
      await indexArticles(trx, database.dialect, batchIds);
      ids.push(...batchIds);
    });
  }
  if (database.dialect === 'sqlite') await sql`analyze`.execute(db);
  else await sql`analyze articles`.execute(db);
  return { ids, publisherIds, vocabulary };
}
