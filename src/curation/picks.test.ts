import { afterEach, describe, expect, it } from 'vitest';
import { createPublisher } from '../catalog/publishers.ts';
import { createTestDatabase, testDialects, type TestDatabase } from '../test-support/databases.ts';
import { createUser } from '../members/accounts.ts';
import { addPick, currentPicks, editorLog, movePick, PickError, removePick, setGoodNews, updatePick } from './picks.ts';

const T = Date.parse('2026-11-24T09:00:00Z');
const D = 86_400_000;

describe.each(testDialects)('editors’ picks on %s', (dialect) => {
  let database: TestDatabase;
  afterEach(async () => database?.dispose());

  async function setup() {
    database = await createTestDatabase(dialect);
    const db = database.db;
    const p = await createPublisher(db, { slug: 'daily', name: 'Daily', sections: ['news'] }, T);
    const ids: number[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await db
        .insertInto('articles')
        .values({
          publisher_id: p.id,
          guid: `g${i}`,
          url: `https://daily.example/${i}`,
          title: `Story ${i}`,
          standfirst: '',
          body_html: '',
          body_text: '',
          body_source: 'feed',
          categories: '[]',
          word_count: 1,
          reading_minutes: 1,
          published_at: T,
          content_hash: `h${i}`,
          status: i === 2 ? 'withdrawn' : 'published',
          is_free: 0,
          created_at: T,
          modified_at: T,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      ids.push(r.id);
    }
    const editor = await createUser(
      db,
      {
        email: 'ed@example.org',
        password: 'correct horse battery',
        role: 'editor',
        displayName: 'Eddie',
        verified: true,
      },
      T,
    );
    return { db, ids, editor: editor.id };
  }

  it('picks, orders, annotates, expires and removes, logging each change', async () => {
    const { db, ids, editor } = await setup();
    const first = await addPick(db, { articleId: ids[0]!, note: ' Worth  your time ', by: editor }, T);
    const second = await addPick(db, { articleId: ids[1]!, featured: true, expiresAt: T + D, by: editor }, T);
    expect((await currentPicks(db, T)).map((p) => [p.articleId, p.note, p.featured])).toEqual([
      [ids[0], 'Worth your time', false],
      [ids[1], null, true],
    ]);
    await movePick(db, second, 'up', editor, T + 1);
    expect((await currentPicks(db, T)).map((p) => p.id)).toEqual([second, first]);
    await updatePick(db, first, { note: 'Updated', featured: true, expiresAt: null }, editor, T + 2);
    expect((await currentPicks(db, T)).find((p) => p.id === first)).toMatchObject({ note: 'Updated', featured: true });
    // Expired picks drop out by themselves.
    expect((await currentPicks(db, T + 2 * D)).map((p) => p.id)).toEqual([first]);
    await removePick(db, first, editor, T + 3);
    expect(await currentPicks(db, T + 4)).toHaveLength(1);
    const log = await editorLog(db);
    expect(log.map((l) => l.action)).toEqual(['unpick', 'edit pick', 'move pick up', 'pick', 'pick']);
    expect(log.every((l) => l.who === 'Eddie')).toBe(true);
    expect(log[0]!.title).toBe('Story 0');
  });

  it('refuses what makes no sense, with a clear message, and changes nothing', async () => {
    const { db, ids, editor } = await setup();
    await addPick(db, { articleId: ids[0]!, by: editor }, T);
    await expect(addPick(db, { articleId: ids[0]!, by: editor }, T)).rejects.toThrow(/already picked/);
    await expect(addPick(db, { articleId: ids[2]!, by: editor }, T)).rejects.toThrow(PickError);
    await expect(addPick(db, { articleId: 424242, by: editor }, T)).rejects.toThrow(/No published article/);
    await expect(addPick(db, { articleId: ids[1]!, expiresAt: T - 1, by: editor }, T)).rejects.toThrow(/future/);
    await expect(addPick(db, { articleId: ids[1]!, note: 'x'.repeat(300), by: editor }, T)).rejects.toThrow(/280/);
    expect(await currentPicks(db, T)).toHaveLength(1);
    expect(await editorLog(db)).toHaveLength(1);
  });

  it('an editor’s good-news ruling sets the flag and is logged', async () => {
    const { db, ids, editor } = await setup();
    await setGoodNews(db, ids[0]!, true, editor, T);
    expect(
      (await db.selectFrom('articles').select('good_news').where('id', '=', ids[0]!).executeTakeFirstOrThrow())
        .good_news,
    ).toBe(1);
    await setGoodNews(db, ids[0]!, false, editor, T + 1);
    expect(
      (await db.selectFrom('articles').select('good_news').where('id', '=', ids[0]!).executeTakeFirstOrThrow())
        .good_news,
    ).toBe(0);
    expect(await db.selectFrom('good_news_overrides').selectAll().execute()).toHaveLength(1);
    expect((await editorLog(db)).map((l) => l.action)).toEqual(['remove from good news', 'add to good news']);
  });
});
