// Story clustering measured against two public sets (../shared/corpora/
// news-story-clustering): WikiRef220 (220 full-text articles, 5 events and 11
// small "noise" topics) and the UCI News Aggregator rows 1-999 (headlines
// only, 18 stories). Each set is loaded as articles into a fresh SQLite
// database and put through the real curation pass (analysis, clustering,
// related stories); the clusters it stores are scored with B-cubed
// precision/recall/F1 and the adjusted Rand index. The sets measure only:
// nothing is tuned on them, and none of their text leaves this process.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { scoreClustering } from '../../src/analysis/cluster-metrics.ts';
import { insertArticle } from '../../src/catalog/articles.ts';
import { createPublisher } from '../../src/catalog/publishers.ts';
import { openDatabase, type Database } from '../../src/db/connect.ts';
import { migrate } from '../../src/db/migrate.ts';
import { runCuration } from '../../src/curation/job.ts';
import type { ClusterRules } from '../../src/curation/cluster-rules.ts';

export const CLUSTER_DIR =
  process.env.CLUSTER_CORPUS_DIR ??
  path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../../shared/corpora/news-story-clustering');

export interface Doc {
  title: string;
  text: string;
  publisher: string;
  publishedAt: number;
  label: string;
}

function decode(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

const BASE = Date.UTC(2026, 0, 5, 8);

/**
 * A WikiRef file's first line is its headline where it reads as one (a short
 * line without a closing full stop; some files open straight with the body).
 * It becomes the article's title, as a feed gives it, and the rest the body.
 */
export function splitHeadline(text: string): { title: string; text: string } {
  const lines = text.replace(/^\s+/, '').split('\n');
  const first = lines[0]!.trim();
  const words = first.split(/\s+/).length;
  return first && words <= 30 && !/\.$/.test(first)
    ? { title: first, text: lines.slice(1).join('\n').trim() }
    : { title: '', text };
}

/** WikiRef220: no dates; the articles are given one publisher each of 20 and times a minute apart in file order. */
export function loadWikiRef(dir = path.join(CLUSTER_DIR, 'wikiref220')): Doc[] {
  const labels = fs
    .readFileSync(path.join(dir, 'labels.tsv'), 'utf8')
    .split('\n')
    .slice(1)
    .filter((l) => l.trim())
    .map((l) => l.split('\t'));
  return labels.map(([file, label], i) => {
    const { title, text } = splitHeadline(
      decode(fs.readFileSync(path.join(dir, file!))).replace(/\r\n?|\u0085/g, '\n'),
    );
    return { title, text, publisher: `p${i % 20}`, publishedAt: BASE + i * 60_000, label: label! };
  });
}

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

/** UCI rows 1-999: headlines only; the spreadsheet mangled their times, so they are spread a minute apart in row order. */
export function loadUci(
  file = path.join(CLUSTER_DIR, 'uci-news-aggregator', 'uci-news-aggregator.rows1-999.csv'),
): Doc[] {
  const [header, ...rows] = parseCsv(fs.readFileSync(file, 'utf8')).filter((r) => r.length > 5);
  const col = (name: string) => header!.indexOf(name);
  return rows.map((r, i) => ({
    title: r[col('TITLE')]!,
    text: '',
    publisher: r[col('PUBLISHER')]! || r[col('HOSTNAME')]!,
    publishedAt: BASE + i * 60_000,
    label: r[col('STORY')]!,
  }));
}

/** Loads documents as articles into a fresh database and runs the curation pass; returns each document's cluster id. */
export async function clusterDocs(
  docs: Doc[],
  database?: Database,
  rules?: ClusterRules,
): Promise<{
  clusters: number[];
  threads: number[];
  elapsedMs: number;
  relatedMs: number;
  cleanup: () => Promise<void>;
}> {
  const dir = database ? null : fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-cluster-'));
  const db = database ?? (await openDatabase({ kind: 'sqlite', file: path.join(dir!, 'bench.sqlite') }));
  await migrate(db);
  const publishers = new Map<string, number>();
  const ids: number[] = [];
  await db.db.transaction().execute(async (trx) => {
    for (const d of docs) {
      let pid = publishers.get(d.publisher);
      if (pid === undefined) {
        const p = await createPublisher(
          trx,
          { slug: `pub-${publishers.size + 1}`, name: `Publisher ${publishers.size + 1}`, sections: ['news'] },
          BASE,
        );
        pid = p.id;
        publishers.set(d.publisher, pid);
      }
      const id = await insertArticle(
        trx,
        {
          publisher_id: pid,
          guid: `doc-${ids.length}`,
          url: `https://example.org/${ids.length}`,
          title: d.title,
          standfirst: '',
          body_html: '',
          body_text: d.text,
          body_source: 'feed',
          categories: '[]',
          word_count: d.text.split(/\s+/).length,
          reading_minutes: 1,
          published_at: d.publishedAt,
          content_hash: String(ids.length),
          status: 'published',
          is_free: 0,
          created_at: BASE,
          modified_at: BASE,
        },
        [],
        [],
      );
      ids.push(id);
    }
  });
  const totals = await runCuration(db, { now: () => BASE + 86_400_000, clusterRules: rules });
  const rows = await db.db
    .selectFrom('articles as a')
    .leftJoin('clusters as c', 'c.id', 'a.cluster_id')
    .select(['a.id', 'a.cluster_id', 'c.thread_id'])
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r.cluster_id ?? -r.id]));
  const threadOf = new Map(rows.map((r) => [r.id, r.thread_id ?? r.cluster_id ?? -r.id]));
  return {
    clusters: ids.map((id) => byId.get(id)!),
    threads: ids.map((id) => threadOf.get(id)!),
    elapsedMs: totals.elapsedMs,
    relatedMs: totals.relatedMs,
    cleanup: async () => {
      await db.close();
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function run(log: (line: string) => void): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const [name, docs] of [
    ['wikiref220', loadWikiRef()],
    ['uci', loadUci()],
  ] as const) {
    const result = await clusterDocs(docs);
    const truth = docs.map((d) => d.label);
    const events = scoreClustering(result.clusters, truth);
    const threads = scoreClustering(result.threads, truth);
    const line = (what: string, s: typeof events, found: number) =>
      `  ${name} ${what}: ${found} groups (truth ${new Set(truth).size}); B-cubed P ${s.precision.toFixed(3)} R ${s.recall.toFixed(3)} F1 ${s.f1.toFixed(3)}, ARI ${s.ari.toFixed(3)}`;
    log(line('stories (events)', events, new Set(result.clusters).size));
    log(line('developing stories (threads)', threads, new Set(result.threads).size));
    log(
      `  ${name}: ${docs.length} docs through the whole curation pass at ${(docs.length / (result.elapsedMs / 1000)).toFixed(0)} articles/s`,
    );
    // The headline keys score developing stories, the level the sets' labels are at (an event followed for weeks, or a topic).
    Object.assign(out, {
      [`cluster.${name}.bcubed_precision`]: threads.precision,
      [`cluster.${name}.bcubed_recall`]: threads.recall,
      [`cluster.${name}.bcubed_f1`]: threads.f1,
      [`cluster.${name}.ari`]: threads.ari,
      [`cluster.${name}.event_bcubed_f1`]: events.f1,
      [`cluster.${name}.event_ari`]: events.ari,
    });
    await result.cleanup();
  }
  return out;
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  console.log(await run(console.log));
}
