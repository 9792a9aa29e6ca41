// The proof that Masthead runs as several processes on one PostgreSQL: two web processes and two ingest
// processes (real `masthead` processes) against slow local feeds. No feed is fetched by two processes at
// once; every article is stored once; a takedown made through one web process is gone from the other
// within a second; page views buffered in a web process survive its SIGTERM; an ingest process killed
// with -9 mid-batch loses nothing it committed and the other carries on; and when the process running the
// curation pass gets SIGTERM, another takes curation over (how soon is printed, bounded in polls).
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queueForCuration } from '../src/catalog/articles.ts';
import { addFeed } from '../src/catalog/feeds.ts';
import { createPublisher, issueApiKey } from '../src/catalog/publishers.ts';
import { openDatabase, type Database } from '../src/db/connect.ts';
import { migrate } from '../src/db/migrate.ts';
import { testDialects } from '../src/test-support/databases.ts';
import {
  freshPgDatabase,
  spawnMasthead,
  startFeedFarm,
  type FeedFarm,
  type MastheadProcess,
} from '../src/test-support/processes.ts';

const FEEDS = 48;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls until cond holds; returns how many polls it took (throws past `max`). */
async function polls(cond: () => Promise<boolean>, what: string, opts: { everyMs: number; max: number }) {
  for (let n = 0; n <= opts.max; n++) {
    if (await cond()) return n;
    await sleep(opts.everyMs);
  }
  throw new Error(`${what}: not after ${opts.max} polls`);
}

describe.skipIf(!testDialects.includes('postgres'))('several processes on one PostgreSQL', { timeout: 240_000 }, () => {
  let fresh: Awaited<ReturnType<typeof freshPgDatabase>>;
  let database: Database;
  let farm: FeedFarm;
  let apiKey: string;
  const procs: MastheadProcess[] = [];
  let env: Record<string, string>;

  const count = async (q: string) => Number((await sql.raw<{ n: string }>(q).execute(database.db)).rows[0]!.n);
  /** Each process names its connections, so the test can see when it is up. */
  const start = (name: string, args: string[], extra: Record<string, string> = {}) => {
    const p = spawnMasthead(name, args, { ...env, DATABASE_URL: `${fresh.url}?application_name=${name}`, ...extra });
    procs.push(p);
    return p;
  };

  beforeAll(async () => {
    fresh = await freshPgDatabase();
    database = openDatabase({ kind: 'postgres', url: fresh.url, poolSize: 2 });
    await migrate(database);
    farm = await startFeedFarm({ delayMs: 300 });
    farm.items = 4;
    for (let p = 0; p < 4; p++) {
      const publisher = await createPublisher(database.db, {
        slug: `paper-${p}`,
        name: `Paper ${p}`,
        sections: ['news'],
      });
      for (let n = p; n < FEEDS; n += 4)
        await addFeed(database.db, { publisherId: publisher.id, url: farm.url(n), intervalS: 3600, fullText: 'never' });
    }
    const wire = await createPublisher(database.db, { slug: 'wire', name: 'Wire', sections: ['news'] });
    apiKey = await issueApiKey(database.db, wire.id);
    await database.db.updateTable('feeds').set({ next_fetch_at: Number.MAX_SAFE_INTEGER }).execute(); // until all are up
    env = {
      ALLOW_PRIVATE_FEEDS: 'true',
      PUBLIC_URL: 'http://localhost',
      FETCH_CONCURRENCY: '4',
      FEED_MIN_INTERVAL_S: '3600',
      DB_POOL_SIZE: '4',
      DB_INGEST_POOL_SIZE: '3',
      SHUTDOWN_TIMEOUT_MS: '10000',
    };
  }, 60_000);

  afterAll(async () => {
    for (const p of procs) p.child.kill('SIGKILL');
    await Promise.all(procs.map((p) => p.exited));
    await farm?.close();
    await database?.close();
    await fresh?.drop();
  });

  it('shares the work, keeps pages in step, and survives losing processes', async () => {
    const began = performance.now();
    const phase = (what: string) => console.log(`${((performance.now() - began) / 1000).toFixed(1)} s: ${what}`);
    const web = [start('web-1', ['serve', '--no-ingest']), start('web-2', ['serve', '--no-ingest'])];
    const ingest = [start('ingest-1', ['ingest'], { USER_AGENT: 'ingest-1' })];
    ingest.push(start('ingest-2', ['ingest'], { USER_AGENT: 'ingest-2' }));
    const [port1, port2] = (await Promise.all(web.map((w) => w.port()))) as [number, number];
    const site = (port: number) => `http://127.0.0.1:${port}`;
    const up = (name: string) =>
      polls(
        async () => (await count(`select count(*) as n from pg_stat_activity where application_name = '${name}'`)) > 0,
        `${name} up`,
        { everyMs: 100, max: 900 },
      );
    await Promise.all(ingest.map((p) => up(p.name)));
    phase('all processes up');
    await database.db.updateTable('feeds').set({ next_fetch_at: 0 }).execute();

    // 1. The feeds are shared: every article stored once, both ingest processes at work, no feed fetched twice at once.
    await polls(async () => (await count('select count(*) as n from articles')) === FEEDS * 4, 'first round stored', {
      everyMs: 250,
      max: 400,
    });
    const agents = new Set([...farm.fetches.values()].flat());
    expect(agents).toEqual(new Set(['ingest-1', 'ingest-2']));

    phase('first round stored');
    // 2. A takedown through web-1 is gone from web-2 within a second (its page was cached there).
    const pushed = await fetch(`${site(port1)}/api/v1/publisher/articles`, {
      method: 'POST',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        id: 'wire-1',
        url: 'https://wire.example/1',
        title: 'Harbour ferry returns to service',
        body_html: `<p>${'The harbour ferry returned to service on Monday after repairs to its engine. '.repeat(12)}</p>`,
        published_at: new Date().toISOString(),
      }),
    });
    expect(pushed.status).toBe(201);
    const { masthead_id: takenDown } = (await pushed.json()) as { masthead_id: number };
    const status = async (port: number, id: number, ua = 'reader', redirect: RequestRedirect = 'manual') =>
      (await fetch(`${site(port)}/a/${id}`, { redirect, headers: { 'user-agent': ua } })).status;
    expect([await status(port1, takenDown), await status(port2, takenDown)]).toEqual([301, 301]);
    const gone = await fetch(`${site(port1)}/api/v1/publisher/articles/wire-1`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${apiKey}` },
    });
    expect(gone.status).toBe(200);
    expect(await status(port1, takenDown)).toBe(404);
    const takedownPolls = await polls(async () => (await status(port2, takenDown)) === 404, 'takedown on web-2', {
      everyMs: 50,
      max: 20,
    });
    console.log(`takedown gone from the other web process after ${takedownPolls} polls of 50 ms`);

    phase('takedown checked');
    // 3. kill -9 of an ingest process mid-batch: what it committed stays, the other fetches the rest.
    farm.items = 8;
    await database.db.updateTable('feeds').set({ next_fetch_at: 0 }).execute();
    await polls(async () => (farm.inFlight.get('ingest-1') ?? 0) > 0, 'ingest-1 at work', { everyMs: 20, max: 1500 });
    ingest[0]!.child.kill('SIGKILL');
    await ingest[0]!.exited;
    const committed = (await database.db.selectFrom('articles').select('id').execute()).map((r) => r.id);
    const fetchesBy = (agent: string) => [...farm.fetches.values()].flat().filter((a) => a === agent).length;
    const survivorBefore = fetchesBy('ingest-2');
    // A replacement starts meanwhile (it is needed for step 4, and starting takes a while).
    ingest.push(start('ingest-3', ['ingest'], { USER_AGENT: 'ingest-3' }));
    await polls(
      async () => (await count('select count(*) as n from articles where external_id is null')) === FEEDS * 8,
      'second round stored by the survivor',
      { everyMs: 250, max: 400 },
    );
    const kept = await database.db.selectFrom('articles').select('id').where('id', 'in', committed).execute();
    expect(kept.length).toBe(committed.length);
    expect(fetchesBy('ingest-2')).toBeGreaterThan(survivorBefore);
    expect(
      await count(
        'select count(*) as n from (select publisher_id, guid from articles group by 1, 2 having count(*) > 1) d',
      ),
    ).toBe(0);
    for (let n = 0; n < FEEDS; n++) {
      const stored = await database.db
        .selectFrom('articles')
        .select('guid')
        .where('guid', 'like', `feed${n}-item%`)
        .execute();
      expect(stored.map((r) => r.guid).sort()).toEqual(farm.guids(n).sort());
    }

    phase('second round stored');
    // 4. SIGTERM to the process running the curation pass: how soon does another take curation over?
    await up('ingest-3');
    const all = (await database.db.selectFrom('articles').select('id').execute()).map((r) => r.id);
    await queueForCuration(database.db, all);
    const holder = async () =>
      (await database.db.selectFrom('job_leases').select('owner').where('name', '=', 'curation').executeTakeFirst())
        ?.owner;
    await polls(async () => (await holder()) !== undefined, 'a curation pass', { everyMs: 20, max: 1500 });
    const first = (await holder())!;
    const pid = Number(first.split(':')[1]);
    const stopping = ingest.find((p) => p.pid === pid)!;
    expect(stopping).toBeDefined();
    const sentAt = performance.now();
    stopping.child.kill('SIGTERM');
    const takeoverPolls = await polls(
      async () => {
        const now = await holder();
        return now !== undefined && now !== first;
      },
      'curation taken over',
      { everyMs: 100, max: 300 },
    );
    console.log(
      `curation taken over ${((performance.now() - sentAt) / 1000).toFixed(1)} s after SIGTERM (${takeoverPolls} polls of 100 ms)`,
    );
    const exit = await stopping.exited;
    expect(exit.code).toBe(0);
    expect(stopping.output()).toMatch(/curation pass stopped early/); // it was mid-pass
    expect(stopping.output()).toMatch(/"msg":"stopped"/);
    expect(await count(`select count(*) as n from feeds where lease_owner like '%:${pid}:%'`)).toBe(0);
    const left = await count('select count(*) as n from curation_queue');
    await polls(async () => (await count('select count(*) as n from curation_queue')) < left, 'curation carried on', {
      everyMs: 100,
      max: 300,
    });

    phase('curation handed over');
    // 5. Page views are buffered in each web process; SIGTERM right after them writes them all. Everyone stops cleanly.
    const feedArticles = (
      await database.db.selectFrom('articles').select('id').where('external_id', 'is', null).limit(20).execute()
    ).map((r) => r.id);
    for (const [i, id] of feedArticles.entries())
      expect(await status(i % 2 ? port2 : port1, id, `reader-${i}`, 'follow')).toBe(200);
    const rest = procs.filter((p) => p.child.exitCode === null && p.child.signalCode === null);
    for (const p of rest) p.child.kill('SIGTERM');
    for (const p of rest) expect((await p.exited).code).toBe(0);
    expect(
      await count(
        `select count(*) as n from read_events where kind = 'view' and article_id in (${feedArticles.join(',')})`,
      ),
    ).toBe(feedArticles.length);
    expect(farm.overlaps).toEqual([]);
    phase('all stopped');
  });
});
