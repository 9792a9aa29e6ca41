// Takeover after a crash: two `masthead ingest` processes on one PostgreSQL share slow local feeds and a
// curation backlog; the one running the curation pass is killed with -9 (no chance to hand anything
// back). Measured: seconds until the other holds the curation lease, and until every feed the dead one
// held has been refreshed by the other. Bounded by the short leases (curation's, the feeds') plus the
// survivor's next turn.
import { queueForCuration } from '../../src/catalog/articles.ts';
import { addFeed } from '../../src/catalog/feeds.ts';
import { createPublisher } from '../../src/catalog/publishers.ts';
import { openDatabase } from '../../src/db/connect.ts';
import { migrate } from '../../src/db/migrate.ts';
import { freshPgDatabase, spawnMasthead, startFeedFarm } from '../../src/test-support/processes.ts';

const FEEDS = 32;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(cond: () => Promise<boolean>, what: string, limitMs = 180_000): Promise<void> {
  const end = performance.now() + limitMs;
  while (!(await cond())) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

export async function run(log: (line: string) => void): Promise<Record<string, number>> {
  const fresh = await freshPgDatabase();
  const database = openDatabase({ kind: 'postgres', url: fresh.url, poolSize: 2 });
  const farm = await startFeedFarm({ delayMs: 800 });
  const procs: ReturnType<typeof spawnMasthead>[] = [];
  try {
    await migrate(database);
    const db = database.db;
    farm.items = 10;
    const publisher = await createPublisher(db, { slug: 'bench', name: 'Bench', sections: ['news'] });
    for (let n = 0; n < FEEDS; n++)
      await addFeed(db, { publisherId: publisher.id, url: farm.url(n), intervalS: 3600, fullText: 'never' });
    const env = { ALLOW_PRIVATE_FEEDS: 'true', FETCH_CONCURRENCY: '4', FEED_MIN_INTERVAL_S: '3600', LOG_LEVEL: 'warn' };
    for (const name of ['ingest-a', 'ingest-b'])
      procs.push(spawnMasthead(name, ['ingest'], { ...env, DATABASE_URL: `${fresh.url}?application_name=${name}` }));
    const stored = async () =>
      Number((await db.selectFrom('articles').select(db.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    await until(async () => (await stored()) === FEEDS * farm.items, 'the first round');
    log(`  ${FEEDS * farm.items} articles stored by two processes`);

    // Work for both: every feed due with new items, and the whole archive queued for curation.
    farm.items = 15;
    await queueForCuration(
      db,
      (await db.selectFrom('articles').select('id').execute()).map((r) => r.id),
    );
    await db.updateTable('feeds').set({ next_fetch_at: 0 }).execute();
    const holder = async () =>
      (await db.selectFrom('job_leases').select('owner').where('name', '=', 'curation').executeTakeFirst())?.owner;
    await until(async () => (await holder()) !== undefined, 'a curation pass');
    const dead = (await holder())!;
    const pid = Number(dead.split(':')[1]);
    const victim = procs.find((p) => p.pid === pid)!;
    const leased = (await db.selectFrom('feeds').select('id').where('lease_owner', 'like', `%:${pid}:%`).execute()).map(
      (r) => r.id,
    );
    const killedAt = Date.now();
    victim.child.kill('SIGKILL');
    await victim.exited;
    const started = performance.now();

    await until(async () => {
      const now = await holder();
      return now !== undefined && now !== dead;
    }, 'the curation lease taken over');
    const curationS = (performance.now() - started) / 1000;
    await until(
      async () =>
        leased.length === 0 ||
        (
          await db
            .selectFrom('feeds')
            .select('id')
            .where('id', 'in', leased)
            .where((eb) => eb.or([eb('last_fetch_at', 'is', null), eb('last_fetch_at', '<', killedAt)]))
            .execute()
        ).length === 0,
      'the dead process’s feeds refreshed by the other',
    );
    const feedsS = (performance.now() - started) / 1000;
    log(`  killed the curation holder holding ${leased.length} feed leases`);
    log(`  curation taken over after ${curationS.toFixed(1)} s; its feeds refreshed after ${feedsS.toFixed(1)} s`);
    return { 'ops.takeover_after_kill_s': curationS, 'ops.takeover_feeds_after_kill_s': feedsS };
  } finally {
    for (const p of procs) p.child.kill('SIGKILL');
    await Promise.all(procs.map((p) => p.exited));
    await farm.close();
    await database.close();
    await fresh.drop();
  }
}
