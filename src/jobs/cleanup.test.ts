// The clean-up pass on real databases: every kind of expired row (and old mail file) goes, everything
// still in use stays; a dry run counts the same and deletes nothing; the background job runs it under
// its lease, in one process at a time.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createPublisher } from '../catalog/publishers.ts';
import { insertArticle } from '../catalog/articles.ts';
import { loadConfig } from '../config.ts';
import { recordReads, spendReadNonce } from '../curation/reads.ts';
import { silentLogger } from '../log.ts';
import { createOutbox } from '../mail/outbox.ts';
import { createUser } from '../members/accounts.ts';
import { createSession } from '../members/sessions.ts';
import { reserve } from '../members/throttle.ts';
import { issueToken, spendToken } from '../members/user-tokens.ts';
import { testArticle } from '../test-support/articles.ts';
import { createTestDatabase, testDialects, type TestDatabase } from '../test-support/databases.ts';
import { cleanupJob, runCleanup } from './cleanup.ts';
import { startScheduler, type Scheduler } from './scheduler.ts';

const DAY = 86_400_000;
const until = async (cond: () => boolean) => {
  for (let i = 0; i < 500 && !cond(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(cond()).toBe(true);
};
const T = Date.parse('2026-11-24T09:00:00Z');

describe.each(testDialects)('clean-up on %s', (dialect) => {
  let database: TestDatabase;
  let dataDir: string;
  const schedulers: Scheduler[] = [];
  afterEach(async () => {
    await Promise.all(schedulers.splice(0).map((s) => s.stop()));
    await database?.dispose();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  /** One row of each kind that has expired and one that has not; returns what must survive. */
  async function seed() {
    database = await createTestDatabase(dialect);
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-cleanup-'));
    const db = database.db;
    const user = await createUser(
      db,
      { email: 'reader@example.com', password: 'a long enough passphrase' },
      T - 60 * DAY,
    );
    await createSession(db, user.id, T - 31 * DAY, {}); // expired a day ago
    const live = await createSession(db, user.id, T - DAY, {});
    await issueToken(db, user.id, 'verify', DAY, T - 3 * DAY); // expired
    const spent = await issueToken(db, user.id, 'reset', DAY, T - 60_000);
    await spendToken(db, spent, 'reset', T - 30_000); // used
    await issueToken(db, user.id, 'email-change', DAY, T - 2 * DAY); // retired by the next one
    const liveToken = await issueToken(db, user.id, 'email-change', DAY, T - 60_000);
    await reserve(db, 'address:203.0.113.9', { max: 5, windowMs: 15 * 60_000 }, T - 3 * DAY);
    await reserve(db, 'reads:m:1', { max: 300, windowMs: DAY }, T - 20 * 3_600_000);
    await spendReadNonce(db, 'spent-nonce-old', T - 1);
    await spendReadNonce(db, 'spent-nonce-new', T + 3_600_000);
    const p = await createPublisher(db, { slug: 'daily', name: 'Daily', sections: ['news'] }, T);
    const article = await insertArticle(db, testArticle(p.id, 1), [], []);
    await recordReads(db, [
      { articleId: article, reader: 'm:1', kind: 'view', at: Date.parse('2025-10-31T23:00:00Z') }, // past 13 months
      { articleId: article, reader: 'm:2', kind: 'view', at: Date.parse('2025-10-02T10:00:00Z') },
      { articleId: article, reader: 'm:1', kind: 'view', at: Date.parse('2025-11-01T00:10:00Z') }, // kept
      { articleId: article, reader: 'm:1', kind: 'read', at: T - 3_600_000 },
    ]);
    let clock = T - 10 * DAY;
    const outbox = createOutbox(db, { now: () => clock });
    await outbox.enqueue({ kind: 'password-reset', email: 'a@example.com' }); // sent 10 days ago
    await outbox.enqueue({ kind: 'password-reset', email: 'b@example.com' }); // given up 10 days ago: kept
    clock = T - DAY;
    await outbox.enqueue({ kind: 'password-reset', email: 'c@example.com' }); // sent yesterday
    await outbox.enqueue({ kind: 'password-reset', email: 'd@example.com' }); // still waiting, for days
    const ids = (await db.selectFrom('mail_outbox').select('id').orderBy('id').execute()).map((r) => r.id);
    await db
      .updateTable('mail_outbox')
      .set({ sent_at: T - 10 * DAY, payload: null })
      .where('id', '=', ids[0]!)
      .execute();
    await db
      .updateTable('mail_outbox')
      .set({ failed_at: T - 10 * DAY })
      .where('id', '=', ids[1]!)
      .execute();
    await db
      .updateTable('mail_outbox')
      .set({ sent_at: T - DAY, payload: null })
      .where('id', '=', ids[2]!)
      .execute();
    const mail = path.join(dataDir, 'mail');
    fs.mkdirSync(mail);
    for (const [name, age] of [
      ['old.eml', 8 * DAY],
      ['new.eml', DAY],
      ['notes.txt', 30 * DAY],
    ] as const) {
      fs.writeFileSync(path.join(mail, name), 'x');
      fs.utimesSync(path.join(mail, name), (T - age) / 1000, (T - age) / 1000);
    }
    return { live, liveToken, outboxKept: [ids[1], ids[2], ids[3]] };
  }

  const remaining = async () => {
    const db = database.db;
    return {
      sessions: (await db.selectFrom('sessions').select('expires_at').execute()).length,
      tokens: (await db.selectFrom('user_tokens').select('purpose').execute()).map((r) => r.purpose),
      throttles: (await db.selectFrom('throttles').select('key').execute()).map((r) => r.key),
      nonces: (await db.selectFrom('read_nonces').select('nonce').execute()).map((r) => r.nonce),
      events: (await db.selectFrom('read_events').select(['day', 'kind']).orderBy('day').execute()).map(
        (r) => `${r.day} ${r.kind}`,
      ),
      counts: (await db.selectFrom('read_counts').select('day').execute()).length,
      outbox: (await db.selectFrom('mail_outbox').select('id').orderBy('id').execute()).map((r) => r.id),
      files: fs.readdirSync(path.join(dataDir, 'mail')).sort(),
    };
  };

  it('deletes exactly what has expired, in batches, and keeps the rest', async () => {
    const { outboxKept } = await seed();
    const dry = await runCleanup({ db: database.db, dataDir }, { now: T, dryRun: true });
    const before = await remaining();
    expect(before.sessions).toBe(2);
    expect(before.files).toHaveLength(3);
    const done = await runCleanup({ db: database.db, dataDir }, { now: T, batchSize: 1 });
    const expected = {
      sessions: 1,
      tokens: 3,
      throttles: 1,
      readNonces: 1,
      readEvents: 2,
      outboxMail: 1,
      mailFiles: 1,
      images: 0,
      readEventsBefore: '2025-11-01',
    };
    expect(done).toEqual(expected);
    expect(dry).toEqual(expected);
    expect(await remaining()).toEqual({
      sessions: 1,
      tokens: ['email-change'],
      throttles: ['reads:m:1'],
      nonces: ['spent-nonce-new'],
      events: ['2025-11-01 view', '2026-11-24 read'],
      counts: 4, // the roll-up keeps every day
      outbox: outboxKept,
      files: ['new.eml', 'notes.txt'],
    });
    // A second pass finds nothing left to do.
    const again = await runCleanup({ db: database.db, dataDir }, { now: T });
    expect(Object.values(again).filter((v) => typeof v === 'number' && v > 0)).toEqual([]);
  });

  it('runs as the `cleanup` job under its lease, in one process at a time', async () => {
    await seed();
    const config = { ...loadConfig({ DATA_DIR: dataDir }), demo: false };
    const job = () => cleanupJob({ config, database, log: silentLogger }, () => T);
    expect(job().exclusive).toBeDefined();
    // A scheduler runs each job as it starts: a first, then b, which finds the lease taken.
    const a = startScheduler({ db: database.db, log: silentLogger, owner: 'a', now: () => T }, [job()]);
    schedulers.push(a);
    await until(() => a.status()[0]!.runs === 1);
    expect(a.status()[0]!.lastResult).toMatchObject({ sessions: 1, tokens: 3, readEvents: 2, mailFiles: 1 });
    const b = startScheduler({ db: database.db, log: silentLogger, owner: 'b', now: () => T }, [job()]);
    schedulers.push(b);
    await until(() => b.status()[0]!.skipped === 1);
    await b.runNow('cleanup');
    expect(b.status()[0]).toMatchObject({ runs: 0, skipped: 2 });
    const lease = await database.db
      .selectFrom('job_leases')
      .select('owner')
      .where('name', '=', 'job:cleanup')
      .executeTakeFirst();
    expect(lease?.owner).toBe('a');
  });
});
