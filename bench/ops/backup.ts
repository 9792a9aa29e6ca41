// Backups and the clean-up pass on a SQLite database of a realistic shape (articles with bodies, a
// year and more of read events): how fast `masthead backup` copies it, idle and while another
// connection writes all the time; how fast the clean-up deletes old read events, and the longest the
// event loop (and so SQLite's one writer) is held by any one batch.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import SqliteDatabase from 'better-sqlite3';
import { backupSqlite } from '../../src/db/backup.ts';
import { openDatabase } from '../../src/db/connect.ts';
import { migrate } from '../../src/db/migrate.ts';
import { runCleanup } from '../../src/jobs/cleanup.ts';

const ARTICLES = Number(process.env.BENCH_BACKUP_ARTICLES ?? 5_000);
const OLD_EVENTS = Number(process.env.BENCH_CLEANUP_EVENTS ?? 200_000);
const NOW = Date.parse('2026-11-24T09:00:00Z');
const DAY = 86_400_000;

function seed(file: string): void {
  const db = new SqliteDatabase(file);
  db.pragma('journal_mode = WAL');
  const pub = db
    .prepare(
      "insert into publishers (slug, name, sections, created_at) values ('bench', 'Bench', '[]', ?) returning id",
    )
    .get(NOW) as { id: number };
  const article = db.prepare(
    `insert into articles (publisher_id, guid, url, title, standfirst, body_html, body_text, body_source, categories,
      word_count, reading_minutes, published_at, content_hash, status, is_free, created_at, modified_at)
     values (?, ?, ?, ?, '', ?, ?, 'feed', '[]', 600, 3, ?, ?, 'published', 0, ?, ?)`,
  );
  const event = db.prepare('insert into read_events (day, article_id, reader, kind, at) values (?, ?, ?, ?, ?)');
  db.transaction(() => {
    const body = 'A paragraph of a news story, long enough to look like one. '.repeat(60);
    for (let i = 1; i <= ARTICLES; i++)
      article.run(
        pub.id,
        `g${i}`,
        `https://bench.example/${i}`,
        `Story ${i}`,
        `<p>${body}</p>`,
        body,
        NOW,
        `h${i}`,
        NOW,
        NOW,
      );
    // As they arrive: day by day, oldest first. Old events: 14 to 20 months back; recent ones: the last 30 days (kept).
    const days = (n: number, fromDaysAgo: number, spanDays: number, tag: string) => {
      for (let i = 0; i < n; i++) {
        const at = NOW - fromDaysAgo * DAY + Math.floor((i * spanDays * DAY) / n);
        const day = new Date(at).toISOString().slice(0, 10);
        event.run(day, 1 + ((i * 7919) % ARTICLES), `m:${tag}${(i * 104_729) % 50_000}`, 'view', at);
      }
    };
    days(OLD_EVENTS, 605, 180, 'o');
    days(OLD_EVENTS / 4, 30, 30, 'r');
  })();
  db.close();
}

export async function run(log: (line: string) => void): Promise<Record<string, number>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-bench-backup-'));
  try {
    const file = path.join(dir, 'masthead.sqlite');
    const database = openDatabase({ kind: 'sqlite', file });
    await migrate(database);
    seed(file);
    const mb = fs.statSync(file).size / 1024 / 1024;
    log(`  database: ${ARTICLES} articles, ${OLD_EVENTS * 1.25} read events, ${mb.toFixed(1)} MB`);

    let t = performance.now();
    await backupSqlite(file, path.join(dir, 'idle.backup'));
    const idleMs = performance.now() - t;

    // Another connection writes a row at every turn of the event loop while the copy runs.
    let writing = true;
    let writes = 0;
    const writer = (async () => {
      while (writing) {
        await database.db
          .insertInto('read_events')
          .values({ day: '2026-11-24', article_id: 1, reader: `w:${writes++}`, kind: 'view', at: NOW })
          .execute();
        await new Promise((r) => setImmediate(r));
      }
    })();
    t = performance.now();
    const busy = await backupSqlite(file, path.join(dir, 'busy.backup'));
    const busyMs = performance.now() - t;
    writing = false;
    await writer;

    const delay = monitorEventLoopDelay({ resolution: 1 });
    delay.enable();
    t = performance.now();
    const done = await runCleanup({ db: database.db, dataDir: dir }, { now: NOW });
    const cleanupMs = performance.now() - t;
    delay.disable();
    await database.close();
    log(
      `  backup idle ${idleMs.toFixed(0)} ms; under writes ${busyMs.toFixed(0)} ms, ${busy.restarts} restarts, ${writes} rows written meanwhile`,
    );
    log(`  clean-up: ${done.readEvents} read events in ${cleanupMs.toFixed(0)} ms`);
    return {
      'ops.backup.db_mb': +mb.toFixed(1),
      'ops.backup.idle_mb_per_s': +(mb / (idleMs / 1000)).toFixed(1),
      'ops.backup.busy_mb_per_s': +(mb / (busyMs / 1000)).toFixed(1),
      'ops.backup.busy_restarts': busy.restarts,
      'ops.cleanup.read_events_per_s': Math.round(done.readEvents / (cleanupMs / 1000)),
      'ops.cleanup.longest_pause_ms': +(delay.max / 1e6).toFixed(1),
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
