// Backups and restores on PostgreSQL with pg_dump and pg_restore, in a scratch schema of the test
// database: a dump taken while a writer writes is one consistent moment; a restore over a database
// changed since brings back exactly what was dumped, after keeping the current state aside; what is
// not a Masthead archive is refused and the database left as it was.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { insertArticle } from '../catalog/articles.ts';
import { createPublisher } from '../catalog/publishers.ts';
import { recordReads } from '../curation/reads.ts';
import { testArticle } from '../test-support/articles.ts';
import { createTestDatabase, testDialects, type TestDatabase } from '../test-support/databases.ts';
import { pgDump, pgRestore, pgToolVersions, type PgTarget } from './backup-pg.ts';
import { acquireLease, releaseLease } from './leases.ts';
import { migrations } from './migrations/index.ts';

const T = Date.parse('2026-11-24T09:00:00Z');

describe.runIf(testDialects.includes('postgres'))('PostgreSQL backup and restore', () => {
  let database: TestDatabase;
  let dir: string;
  afterEach(async () => {
    await database?.dispose();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  const contents = async () => ({
    articles: await database.db.selectFrom('articles').select(['id', 'title']).orderBy('id').execute(),
    readers: (await database.db.selectFrom('read_events').select('reader').execute())
      .map((r) => Number(r.reader.slice(2)))
      .sort((a, b) => a - b),
  });

  it('finds the tools', async () => {
    const [dump, restore] = await pgToolVersions();
    expect(dump).toMatch(/^pg_dump \(PostgreSQL\) \d+/);
    expect(restore).toMatch(/^pg_restore \(PostgreSQL\) \d+/);
    // Without them, a sentence saying what to install.
    const PATH = process.env.PATH;
    process.env.PATH = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-empty-'));
    try {
      await expect(pgToolVersions()).rejects.toThrow(/pg_dump is not installed.*postgresql-client/);
    } finally {
      fs.rmSync(process.env.PATH, { recursive: true, force: true });
      process.env.PATH = PATH;
    }
  });

  it('dumps while a writer writes, and restores exactly that over a database changed since', async () => {
    database = await createTestDatabase('postgres');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-pgdump-'));
    const target = database.target as PgTarget;
    const p = await createPublisher(database.db, { slug: 'daily', name: 'Daily', sections: ['news'] }, T);
    const ids: number[] = [];
    for (let i = 0; i < 40; i++) ids.push(await insertArticle(database.db, testArticle(p.id, i), [], []));
    let written = 0;
    let writing = true;
    const writes = (async () => {
      while (writing) {
        await recordReads(database.db, [{ articleId: ids[0]!, reader: `w:${written}`, kind: 'view', at: T }]);
        written++;
      }
    })();
    const file = path.join(dir, 'masthead.dump');
    const done = await pgDump(target, file);
    writing = false;
    await writes;
    expect(done.schema).toBe(migrations.at(-1)!.id);
    await expect(pgDump(target, file)).rejects.toThrow(/already exists; pass --force/);

    // Changed since: articles withdrawn and added, more reads.
    await database.db.deleteFrom('articles').where('id', 'in', ids.slice(0, 10)).execute();
    await insertArticle(database.db, testArticle(p.id, 'late'), [], []);
    const changed = await contents();
    await acquireLease(database.db, 'job:cleanup', 'another-process', T, 60_000);
    const keepDir = path.join(dir, 'data');
    await expect(pgRestore(database.db, target, file, { now: T, keepDir })).rejects.toThrow(/looks to be running/);
    await releaseLease(database.db, 'job:cleanup', 'another-process');

    const restored = await pgRestore(database.db, target, file, { now: T, keepDir });
    expect(restored.keptAs).toBe(path.join(keepDir, 'before-restore-2026-11-24T09-00-00Z.dump'));
    const after = await contents();
    expect(after.articles.map((a) => a.id)).toEqual(ids);
    const k = after.readers.length;
    expect(after.readers).toEqual([...Array(k).keys()]); // one moment: the first k reads, none missing
    expect(k).toBeLessThanOrEqual(written);
    // What it replaced was kept, and restores in its turn.
    await pgRestore(database.db, target, restored.keptAs, { now: T + 1000, keepDir });
    expect(await contents()).toEqual(changed);
  });

  it('refuses a file that is not a Masthead archive, and leaves the database as it was', async () => {
    database = await createTestDatabase('postgres');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-pgdump-'));
    const target = database.target as PgTarget;
    await createPublisher(database.db, { slug: 'daily', name: 'Daily', sections: ['news'] }, T);
    const text = path.join(dir, 'notes.dump');
    fs.writeFileSync(text, 'not an archive\n');
    const keepDir = path.join(dir, 'data');
    await expect(pgRestore(database.db, target, text, { now: T, keepDir })).rejects.toThrow(
      /notes\.dump is not a pg_dump archive/,
    );
    await expect(pgRestore(database.db, target, path.join(dir, 'nope.dump'), { now: T, keepDir })).rejects.toThrow(
      /there is no file/,
    );
    expect(fs.existsSync(keepDir)).toBe(false);
    const rows = await database.db.selectFrom('publishers').select('slug').execute();
    expect(rows).toEqual([{ slug: 'daily' }]);
  });
});
