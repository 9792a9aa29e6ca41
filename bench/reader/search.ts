// Search speed over 100,000 generated articles from 200 publishers (see
// generate.ts), on a temporary SQLite file and, unless BENCH_PG=0, a
// temporary PostgreSQL schema. 500 searches of 1–3 words, timed one by one
// after a short warm-up: topic words (rank 50–3,000 of the Zipf vocabulary, in
// 0.2–9% of articles) four times in five, rarer words mostly otherwise, and a
// function word ("the", "said", in most articles) one time in twenty; one search
// in ten ends in a type-ahead prefix, one in ten is filtered by publisher or section. Each search is the whole
// searchArticles call: ranking, count, rows and snippets.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Database } from '../../src/db/connect.ts';
import { migrate } from '../../src/db/migrate.ts';
import { createTestDatabase } from '../../src/test-support/databases.ts';
import { searchArticles, type SearchQuery } from '../../src/search/search.ts';
import { generateArticles, rng, SECTIONS } from './generate.ts';

const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 100_000);
const PUBLISHERS = 200;
const SEARCHES = Number(process.env.BENCH_SEARCHES ?? 500);
const NOW = Date.parse('2026-11-24T09:00:00Z');

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export function benchQueries(vocabulary: string[], publisherIds: number[], count: number, seed = 7): SearchQuery[] {
  const random = rng(seed);
  const between = (lo: number, hi: number) => lo + Math.floor(random() * (Math.min(hi, vocabulary.length) - lo));
  return Array.from({ length: count }, () => {
    const words = Array.from({ length: 1 + Math.floor(random() * 3) }, () => {
      const kind = random();
      return vocabulary[
        kind < 0.8 ? between(50, 3000) : kind < 0.95 ? between(3000, vocabulary.length) : between(0, 48)
      ]!;
    });
    if (random() < 0.1) words[words.length - 1] = `${words.at(-1)!.slice(0, Math.max(3, words.at(-1)!.length - 2))}*`;
    const q: SearchQuery = { text: words.join(' ') };
    const f = random();
    if (f < 0.05) q.publisherIds = [publisherIds[Math.floor(random() * publisherIds.length)]!];
    else if (f < 0.1) q.sections = [SECTIONS[Math.floor(random() * SECTIONS.length)]!];
    return q;
  });
}

async function measure(database: Database, name: string, log: (line: string) => void): Promise<Record<string, number>> {
  const started = performance.now();
  const { ids, publisherIds, vocabulary } = await generateArticles(database, {
    articles: ARTICLES,
    publishers: PUBLISHERS,
    seed: 42,
    now: NOW,
  });
  const generateS = (performance.now() - started) / 1000;
  log(
    `  ${name}: generated and indexed ${ids.length} articles from ${PUBLISHERS} publishers in ${generateS.toFixed(1)} s`,
  );
  const queries = benchQueries(vocabulary, publisherIds, SEARCHES);
  for (const q of queries.slice(0, 20)) await searchArticles(database.db, database.dialect, q, { now: NOW }); // warm-up
  const times: number[] = [];
  let hits = 0;
  let slowest = { ms: 0, text: '' };
  for (const q of queries) {
    const t = performance.now();
    const r = await searchArticles(database.db, database.dialect, q, { now: NOW });
    const ms = performance.now() - t;
    times.push(ms);
    hits += r.total;
    if (ms > slowest.ms) slowest = { ms, text: q.text };
  }
  times.sort((a, b) => a - b);
  const figures = {
    [`search.${name}.p50_ms`]: percentile(times, 50),
    [`search.${name}.p95_ms`]: percentile(times, 95),
    [`search.${name}.p99_ms`]: percentile(times, 99),
    [`search.${name}.max_ms`]: times.at(-1)!,
    [`search.${name}.generate_s`]: generateS,
  };
  log(
    `  ${name}: ${SEARCHES} searches, p50 ${figures[`search.${name}.p50_ms`]!.toFixed(1)} ms, p95 ${figures[`search.${name}.p95_ms`]!.toFixed(1)} ms, mean matches ${(hits / SEARCHES).toFixed(0)}; slowest "${slowest.text}" ${slowest.ms.toFixed(1)} ms`,
  );
  return figures;
}

export async function run(log: (line: string) => void): Promise<Record<string, number>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-search-'));
  const sqlite = openDatabase({ kind: 'sqlite', file: path.join(dir, 'bench.sqlite') });
  let figures: Record<string, number> = {};
  try {
    await migrate(sqlite);
    figures = await measure(sqlite, 'sqlite', log);
  } finally {
    await sqlite.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  if (process.env.BENCH_PG !== '0') {
    const pg = await createTestDatabase('postgres');
    try {
      Object.assign(figures, await measure(pg, 'postgres', log));
    } finally {
      await pg.dispose();
    }
  }
  return figures;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const figures = await run((line) => console.log(line));
  for (const [k, v] of Object.entries(figures)) console.log(`  ${k.padEnd(32)} ${v.toFixed(2)}`);
}
