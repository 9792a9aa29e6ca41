// Backups and restores of the SQLite database, on real files: a backup taken while another connection
// keeps writing is one consistent moment of the database (every row written before it, none half-way)
// and restores into a fresh DATA_DIR with the same contents; a file that is not an intact Masthead
// database of a known schema is refused and the current database left as it was.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { insertArticle } from '../catalog/articles.ts';
import { createPublisher } from '../catalog/publishers.ts';
import { recordReads } from '../curation/reads.ts';
import { testArticle } from '../test-support/articles.ts';
import { createTestDatabase, type TestDatabase } from '../test-support/databases.ts';
import { backupSqlite, restoreSqlite } from './backup.ts';
import { openDatabase, type Database } from './connect.ts';
import { acquireLease } from './leases.ts';
import { migrate } from './migrate.ts';
import { migrations } from './migrations/index.ts';

const T = Date.parse('2026-11-24T09:00:00Z');
const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('SQLite backup and restore', () => {
  let database: TestDatabase;
  const dirs: string[] = [];
  const opened: Database[] = [];
  const tmpDir = () => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-backup-'));
    dirs.push(d);
    return d;
  };
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((d) => d.close()));
    await database?.dispose();
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });

  /** A database with 150 articles of some length; returns its file and the first article's id. */
  async function seeded(): Promise<{ file: string; article: number }> {
    database = await createTestDatabase('sqlite');
    const p = await createPublisher(database.db, { slug: 'daily', name: 'Daily', sections: ['news'] }, T);
    let article = 0;
    for (let i = 0; i < 150; i++) {
      const id = await insertArticle(
        database.db,
        testArticle(p.id, i, { body_text: `Paragraph ${i}. `.repeat(200) }),
        [],
        [],
      );
      article ||= id;
    }
    return { file: (database.target as { file: string }).file, article };
  }

  const contents = async (db: Database) => ({
    articles: await db.db.selectFrom('articles').select(['id', 'title', 'body_text']).orderBy('id').execute(),
    readers: (await db.db.selectFrom('read_events').select('reader').execute()).map((r) => Number(r.reader.slice(2))),
  });

  it('backs up while another connection writes, and restores the same contents into a fresh DATA_DIR', async () => {
    const { file, article } = await seeded();
    // Another connection (as a running server would be) records a read after every turn of the loop.
    const writer = openDatabase({ kind: 'sqlite', file });
    opened.push(writer);
    let written = 0;
    let writing = true;
    const writes = (async () => {
      while (writing) {
        await recordReads(writer.db, [{ articleId: article, reader: `w:${written}`, kind: 'view', at: T }]);
        written++;
        await new Promise((r) => setImmediate(r));
      }
    })();
    const dest = path.join(tmpDir(), 'masthead.backup');
    let steps = 0;
    const done = await backupSqlite(file, dest, { stepPages: 4, onProgress: () => steps++ });
    writing = false;
    await writes;
    expect(done.restarts).toBeGreaterThan(0); // the writer did restart the copy, and it still finished
    expect(steps).toBeGreaterThan(1);
    expect(done.schema).toBe(migrations.at(-1)!.id);
    expect(fs.existsSync(`${dest}-wal`)).toBe(false);

    const fresh = path.join(tmpDir(), 'data', 'masthead.sqlite');
    const restored = await restoreSqlite(fresh, dest, { now: T });
    expect(restored).toEqual({ schema: done.schema, latest: done.schema, keptAs: null });
    const copy = openDatabase({ kind: 'sqlite', file: fresh });
    opened.push(copy);
    const [before, after] = [await contents(database), await contents(copy)];
    expect(after.articles).toEqual(before.articles);
    // One moment of the database: the first k reads the writer made, none missing in between.
    const k = after.readers.length;
    expect(after.readers.sort((a, b) => a - b)).toEqual([...Array(k).keys()]);
    expect(k).toBeLessThanOrEqual(written);
  });

  it('refuses to overwrite a file unless forced', async () => {
    const { file } = await seeded();
    const dest = path.join(tmpDir(), 'taken.sqlite');
    fs.writeFileSync(dest, 'mine');
    await expect(backupSqlite(file, dest)).rejects.toThrow(/already exists; pass --force/);
    expect(fs.readFileSync(dest, 'utf8')).toBe('mine');
    await backupSqlite(file, dest, { force: true });
    expect(fs.statSync(dest).size).toBeGreaterThan(100_000);
  });

  it('refuses what is not an intact Masthead database it knows, and leaves the current one untouched', async () => {
    const { file } = await seeded();
    const dir = tmpDir();
    const target = path.join(dir, 'masthead.sqlite');
    await backupSqlite(file, target);
    const before = sha(target);

    const text = path.join(dir, 'notes.txt');
    fs.writeFileSync(text, 'these are not the rows you are looking for\n'.repeat(200));
    const other = path.join(dir, 'other.sqlite');
    const o = openDatabase({ kind: 'sqlite', file: other });
    await o.db.schema.createTable('things').addColumn('id', 'integer').execute();
    await o.close();
    const damaged = path.join(dir, 'damaged.sqlite');
    fs.copyFileSync(target, damaged);
    const fd = fs.openSync(damaged, 'r+');
    fs.writeSync(fd, Buffer.alloc(8192, 0x5a), 0, 8192, 4096 * 3); // pages of tables overwritten
    fs.closeSync(fd);
    const newer = path.join(dir, 'newer.sqlite');
    await backupSqlite(file, newer);
    const n = openDatabase({ kind: 'sqlite', file: newer });
    await n.db.insertInto('schema_migrations').values({ id: 999, name: 'from-the-future', applied_at: T }).execute();
    await n.close();

    const refuse = (from: string) => restoreSqlite(target, from, { now: T });
    await expect(refuse(text)).rejects.toThrow(/notes\.txt is not a usable SQLite database/);
    await expect(refuse(other)).rejects.toThrow(/not a Masthead one/);
    await expect(refuse(damaged)).rejects.toThrow(/damaged\.sqlite is (damaged|not a usable SQLite database)/);
    await expect(refuse(newer)).rejects.toThrow(/schema 999, newer than this version of Masthead/);
    await expect(refuse(path.join(dir, 'missing.sqlite'))).rejects.toThrow(/there is no file/);
    expect(sha(target)).toBe(before);
    expect(fs.readdirSync(dir).sort()).toEqual(
      ['damaged.sqlite', 'masthead.sqlite', 'newer.sqlite', 'notes.txt', 'other.sqlite'].sort(),
    );
  });

  it('keeps the current database aside, and will not restore under a running process unless forced', async () => {
    const { file } = await seeded();
    const dir = tmpDir();
    const target = path.join(dir, 'masthead.sqlite');
    const backup = path.join(dir, 'b.sqlite');
    await backupSqlite(file, backup);
    await backupSqlite(file, target);
    const live = openDatabase({ kind: 'sqlite', file: target });
    await live.db.deleteFrom('articles').execute();
    await acquireLease(live.db, 'job:curation', 'another-process', T, 60_000);
    await live.close();

    await expect(restoreSqlite(target, backup, { now: T })).rejects.toThrow(/looks to be running.*job:curation/);
    const done = await restoreSqlite(target, backup, { now: T, force: true });
    expect(done.keptAs).toBe(`${target}.before-restore-2026-11-24T09-00-00Z`);
    const [restored, kept] = [target, done.keptAs!].map((f) => openDatabase({ kind: 'sqlite', file: f }));
    opened.push(restored!, kept!);
    const count = (d: Database) => d.db.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n'));
    expect(Number((await count(restored!).executeTakeFirstOrThrow()).n)).toBe(150);
    expect(Number((await count(kept!).executeTakeFirstOrThrow()).n)).toBe(0);
  });

  it('restores a backup of an older schema, which then migrates', async () => {
    const dir = tmpDir();
    const old = openDatabase({ kind: 'sqlite', file: path.join(dir, 'old.sqlite') });
    await migrate(old, migrations.slice(0, 7));
    await old.close();
    const target = path.join(dir, 'data', 'masthead.sqlite');
    const done = await restoreSqlite(target, path.join(dir, 'old.sqlite'), { now: T });
    expect(done).toMatchObject({ schema: 7, latest: migrations.at(-1)!.id });
    const restored = openDatabase({ kind: 'sqlite', file: target });
    opened.push(restored);
    expect((await migrate(restored)).map((m) => m.id)).toEqual(migrations.slice(7).map((m) => m.id));
  });
});
