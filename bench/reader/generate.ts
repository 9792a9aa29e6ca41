// A large catalogue for page and search benchmarks: N articles from P
// publishers, words drawn from a Zipf-like distribution over a vocabulary we
// generate (no corpus text), inserted in batches and indexed for search.
import { sql } from 'kysely';
import type { Database } from '../../src/db/connect.ts';
import { reindexArticles } from '../../src/search/index-article.ts';

function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = ['har', 'bour', 'coun', 'cil', 'fer', 'ry', 'light', 'house', 'mar', 'ket', 'ri', 'ver', 'bridge', 'stor', 'm', 'ton', 'vale', 'ford', 'mere', 'wick', 'dale', 'strand', 'gate', 'field'];

export async function generateArticles(database: Database, opts: { articles: number; publishers: number; seed?: number; now: number }): Promise<{ ids: number[] }> {
  const r = rng(opts.seed ?? 42);
  const vocab = Array.from({ length: 4000 }, (_, i) => SYLLABLES[i % 24]! + SYLLABLES[Math.floor(i / 24) % 24]! + (i >= 576 ? SYLLABLES[Math.floor(i / 576) % 24] : ''));
  const word = () => vocab[Math.min(vocab.length - 1, Math.floor(vocab.length * Math.pow(r(), 3)))]!;
  const sentence = (n: number) => {
    const w = Array.from({ length: n }, word);
    w[0] = w[0]!.charAt(0).toUpperCase() + w[0]!.slice(1);
    return `${w.join(' ')}.`;
  };
  const db = database.db;
  const sections = ['news', 'politics', 'business', 'culture', 'sport', 'science', 'good-news'];
  const publisherIds: number[] = [];
  for (let p = 0; p < opts.publishers; p++) {
    const row = await db
      .insertInto('publishers')
      .values({ slug: `bench-${p}`, name: `Bench Title ${p}`, homepage: null, logo_url: null, description: null, language: 'en', country: 'GB', sections: JSON.stringify([sections[p % 7]]), brand_color: '#1f4e79', api_key_hash: null, api_key_prefix: null, created_at: opts.now })
      .returning('id')
      .executeTakeFirstOrThrow();
    publisherIds.push(row.id);
  }
  const ids: number[] = [];
  const batch = 1000;
  for (let start = 0; start < opts.articles; start += batch) {
    await db.transaction().execute(async (trx) => {
      const rows = Array.from({ length: Math.min(batch, opts.articles - start) }, (_, k) => {
        const i = start + k;
        const paragraphs = Array.from({ length: 6 }, () => `${sentence(12)} ${sentence(16)} ${sentence(10)}`);
        const title = sentence(7).slice(0, -1);
        return {
          publisher_id: publisherIds[i % publisherIds.length]!,
          feed_id: null,
          guid: `bench-${i}`,
          external_id: null,
          url: `https://bench.example/${i}`,
          title,
          standfirst: sentence(18),
          body_html: paragraphs.map((p) => `<p>${p}</p>`).join(''),
          body_text: paragraphs.join('\n\n'),
          body_source: 'feed',
          section: sections[i % 7]!,
          categories: JSON.stringify([sections[i % 7]]),
          language: 'en',
          image_url: `https://bench.example/i/${i}.jpg`,
          image_caption: sentence(6),
          image_credit: 'Bench Agency',
          image_width: 1200,
          image_height: 675,
          word_count: 230,
          reading_minutes: 1,
          published_at: opts.now - i * 60_000,
          updated_at: null,
          content_hash: String(i),
          source_hash: String(i),
          minhash: null,
          duplicate_of: null,
          status: 'published' as const,
          is_free: 0,
          created_at: opts.now,
          modified_at: opts.now,
        };
      });
      const inserted = await trx.insertInto('articles').values(rows).returning('id').execute();
      const batchIds = inserted.map((x) => x.id);
      ids.push(...batchIds);
      await reindexArticles(trx, batchIds);
    });
  }
  if (database.dialect === 'sqlite') await sql`analyze`.execute(db);
  return { ids };
}
