// The change bus: a message published by one process reaches every subscriber of its topic (two
// notifiers over one database stand for two processes), never another install's (another schema),
// and after the LISTEN connection is cut, the bus reconnects and tells subscribers once.
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, testDialects, TEST_PG_URL, type TestDatabase } from '../test-support/databases.ts';
import { openDatabase } from './connect.ts';
import { createNotifier, type Notifier } from './notify.ts';

const until = async (cond: () => boolean, what: string) => {
  for (let i = 0; i < 500 && !cond(); i++) await new Promise((r) => setTimeout(r, 10));
  if (!cond()) throw new Error(`timed out waiting for ${what}`);
};

describe.each(testDialects)('the change bus on %s', (dialect) => {
  const open: { close(): Promise<void> }[] = [];
  let database: TestDatabase;
  afterEach(async () => {
    for (const o of open.splice(0).reverse()) await o.close();
    await database?.dispose();
  });
  const notifier = (d: Parameters<typeof createNotifier>[0]): Notifier => {
    const n = createNotifier(d);
    open.push(n);
    return n;
  };

  it('delivers a topic to its subscribers, not to others', async () => {
    database = await createTestDatabase(dialect, { migrate: false });
    const here = notifier(database);
    const got: string[] = [];
    here.subscribe('caches', () => got.push('caches'));
    const off = here.subscribe('other', () => got.push('other'));
    off();
    await new Promise((r) => setTimeout(r, 100)); // the LISTEN connection is up
    await here.publish('caches');
    await here.publish('other');
    await until(() => got.length >= 1, 'the message');
    await new Promise((r) => setTimeout(r, 50));
    expect(got).toEqual(['caches']);
  });

  it.runIf(dialect === 'postgres')('reaches another process, not another install', async () => {
    database = await createTestDatabase(dialect, { migrate: false });
    const second = openDatabase(database.target);
    open.push(second);
    const otherInstall = await createTestDatabase(dialect, { migrate: false });
    open.push({ close: () => otherInstall.dispose() });
    const got = { second: 0, other: 0 };
    notifier(second).subscribe('caches', () => got.second++);
    notifier(otherInstall).subscribe('caches', () => got.other++);
    await new Promise((r) => setTimeout(r, 200));
    await notifier(database).publish('caches');
    await until(() => got.second === 1, 'the other process');
    await new Promise((r) => setTimeout(r, 100));
    expect(got).toEqual({ second: 1, other: 0 });
  });

  it.runIf(dialect === 'postgres')('reconnects when its connection is cut, and tells subscribers once', async () => {
    database = await createTestDatabase(dialect, { migrate: false });
    const app = `listen-test-${Math.random().toString(36).slice(2)}`;
    const bus = createNotifier({ ...database, postgres: { url: `${TEST_PG_URL}?application_name=${app}` } });
    open.push(bus);
    let calls = 0;
    bus.subscribe('caches', () => calls++);
    const admin = new pg.Client({ connectionString: TEST_PG_URL });
    await admin.connect();
    open.push({ close: () => admin.end() });
    const listeners = async () =>
      (await admin.query('select pid from pg_stat_activity where application_name = $1', [app])).rows as {
        pid: number;
      }[];
    for (let i = 0; i < 100 && (await listeners()).length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    const [first] = await listeners();
    expect(first).toBeDefined();
    await admin.query('select pg_terminate_backend($1)', [first!.pid]);
    await until(() => calls === 1, 'the reconnect');
    await new Promise((r) => setTimeout(r, 100)); // the LISTEN is in place again
    await bus.publish('caches');
    await until(() => calls === 2, 'a message after the reconnect');
  });
});
