// Curation speed with a realistic amount already stored: 100,000 generated
// articles (bench/reader/generate.ts) are curated first (their rate is printed
// as the seed figure), then the 2,225 BBC News articles arrive as new
// articles over the last week and go through the same pass: topics, names,
// tone, clustering and related stories. Reported: articles per second for the
// BBC pass, and the related-story lookup (candidates from the postings index,
// their stored profiles, ranking) in ms per article. The seeded database is
// kept in bench/.cache so later runs skip the seeding (delete it to redo it).
// CURATION_BATCH sets the pass's batch size (200 by default, as the job runs).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { insertArticle } from '../../src/catalog/articles.ts';
import { openDatabase } from '../../src/db/connect.ts';
import { migrate } from '../../src/db/migrate.ts';
import { runCuration } from '../../src/curation/job.ts';
import { generateArticles } from '../reader/generate.ts';
import { BBC_DIR, loadBbc } from './dedupe.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const CACHE = path.join(here, '..', '.cache');
const STORED = Number(process.env.CURATION_STORED ?? 100_000);
const NOW = Date.parse('2026-11-24T09:00:00Z');
/** Bump when the seed's shape or the curation rules change, so a stale cache is not reused. */
const SEED_VERSION = 6;

async function seededFile(log: (line: string) => void): Promise<string> {
  fs.mkdirSync(CACHE, { recursive: true });
  const file = path.join(CACHE, `curation-${STORED}-v${SEED_VERSION}.sqlite`);
  if (fs.existsSync(file)) return file;
  const tmp = `${file}.tmp`;
  fs.rmSync(tmp, { force: true });
  const db = openDatabase({ kind: 'sqlite', file: tmp });
  await migrate(db);
  log(`  seeding ${STORED.toLocaleString('en')} generated articles (once; kept in bench/.cache)…`);
  await generateArticles(db, { articles: STORED, publishers: 200, now: NOW - 7 * 86_400_000 });
  await sql`insert into curation_queue (article_id, queued_at) select id, 0 from articles`.execute(db.db); // generated rows bypass the catalog
  const t = await runCuration(db, { now: () => NOW, batch: 500 });
  log(`  seed curated at ${Math.round(t.articles / (t.elapsedMs / 1000))} articles/s (generated text: few names)`);
  await db.close();
  fs.renameSync(tmp, file);
  return file;
}

export async function run(log: (line: string) => void): Promise<Record<string, number>> {
  const seeded = await seededFile(log);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-curation-'));
  const file = path.join(dir, 'bench.sqlite');
  fs.copyFileSync(seeded, file);
  const db = openDatabase({ kind: 'sqlite', file });
  try {
    await migrate(db); // a seed kept from an earlier build gets this build's schema
    const { articles } = loadBbc();
    const publisher = await db.db.selectFrom('publishers').select('id').limit(1).executeTakeFirstOrThrow();
    await db.db.transaction().execute(async (trx) => {
      for (const [i, a] of articles.entries()) {
        const title = fs.readFileSync(path.join(BBC_DIR, a.id), 'latin1').split('\n')[0]!.trim();
        await insertArticle(
          trx,
          {
            publisher_id: publisher.id,
            guid: `bbc-${i}`,
            url: `https://bbc.example/${i}`,
            title: title ?? '',
            standfirst: '',
            body_html: '',
            body_text: a.text.trim(),
            body_source: 'feed',
            categories: '[]',
            word_count: a.text.split(/\s+/).length,
            reading_minutes: 2,
            published_at: NOW - Math.floor((i / articles.length) * 7 * 86_400_000),
            content_hash: `bbc-${i}`,
            status: 'published',
            is_free: 0,
            created_at: NOW,
            modified_at: NOW,
          },
          [],
          [],
        );
      }
    });
    const rss0 = process.memoryUsage().rss;
    const t = await runCuration(db, {
      now: () => NOW,
      batch: process.env.CURATION_BATCH ? Number(process.env.CURATION_BATCH) : undefined,
    });
    const perSecond = t.articles / (t.elapsedMs / 1000);
    const relatedMs = t.relatedMs / t.articles;
    log(
      `  ${t.articles} BBC articles into ${STORED.toLocaleString('en')} stored: ${perSecond.toFixed(0)} articles/s (target ≥ 200), related lookup ${relatedMs.toFixed(2)} ms/article (target ≤ 5); ${t.clustersCreated} new stories, ${t.joined} joined; rss +${Math.round((process.memoryUsage().rss - rss0) / 1e6)} MB`,
    );
    return { 'curation.articles_per_s': perSecond, 'related.ms_per_article': relatedMs, 'curation.stored': STORED };
  } finally {
    await db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  console.log(await run(console.log));
}
