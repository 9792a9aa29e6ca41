import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, testDialects, type TestDatabase } from '../test-support/databases.ts';
import { createUser } from './accounts.ts';
import { audited, auditFacets, auditLog, recordAudit } from './audit.ts';

const T = Date.parse('2026-11-24T09:00:00Z');

describe.each(testDialects)('the audit log on %s', (dialect) => {
  let database: TestDatabase;
  afterEach(async () => database?.dispose());

  it('writes a change and its line together, or neither', async () => {
    database = await createTestDatabase(dialect);
    const db = database.db;
    const u = await createUser(db, { email: 'ed@example.org', password: 'a long enough secret', role: 'editor' }, T);
    await expect(
      audited(db, { userId: u.id }, T, async (trx) => {
        await trx.updateTable('users').set({ display_name: 'Half done' }).where('id', '=', u.id).execute();
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect((await db.selectFrom('users').select('display_name').executeTakeFirstOrThrow()).display_name).toBeNull();
    expect((await auditLog(db, { limit: 10 })).lines).toEqual([]);
    const value = await audited(db, { userId: u.id, ip: '198.51.100.7' }, T, async (trx) => {
      await trx.updateTable('users').set({ display_name: 'Eddie' }).where('id', '=', u.id).execute();
      return {
        value: 42,
        entry: { action: 'user.rename', target: { kind: 'user', id: u.id }, details: { to: 'Eddie' } },
      };
    });
    expect(value).toBe(42);
    expect((await auditLog(db, { limit: 10 })).lines).toEqual([
      {
        id: expect.any(Number),
        at: T,
        actorId: u.id,
        actor: 'ed@example.org', // completed from the account, as it was at the time
        role: 'editor',
        action: 'user.rename',
        target: { kind: 'user', id: String(u.id), label: null },
        details: { to: 'Eddie' },
        ip: '198.51.100.7',
      },
    ]);
  });

  it('lists newest first, filters by actor and action, and pages without gaps or repeats', async () => {
    database = await createTestDatabase(dialect);
    const db = database.db;
    const a = await createUser(db, { email: 'a@example.org', password: 'a long enough secret', role: 'admin' }, T);
    const b = await createUser(db, { email: 'b@example.org', password: 'a long enough secret', role: 'editor' }, T);
    for (let i = 0; i < 7; i++)
      await recordAudit(db, i % 2 ? b.id : a.id, { action: i % 3 ? 'pick.add' : 'feed.pause' }, T + i);
    const all = await auditLog(db, { limit: 3 });
    expect(all.lines.map((l) => l.at)).toEqual([T + 6, T + 5, T + 4]);
    const second = await auditLog(db, { limit: 3, before: all.next! });
    const third = await auditLog(db, { limit: 3, before: second.next! });
    expect([...second.lines, ...third.lines].map((l) => l.at)).toEqual([T + 3, T + 2, T + 1, T]);
    expect(third.next).toBeNull();
    const bs = await auditLog(db, { limit: 10, actorId: b.id });
    expect(bs.lines.map((l) => l.at)).toEqual([T + 5, T + 3, T + 1]);
    const pauses = await auditLog(db, { limit: 10, action: 'feed.pause' });
    expect(pauses.lines.map((l) => l.at)).toEqual([T + 6, T + 3, T]);
    const both = await auditLog(db, { limit: 10, action: 'feed.pause', actorId: b.id });
    expect(both.lines.map((l) => l.at)).toEqual([T + 3]);
    expect(await auditFacets(db)).toEqual({
      actions: ['feed.pause', 'pick.add'],
      actors: [
        { id: a.id, label: 'a@example.org' },
        { id: b.id, label: 'b@example.org' },
      ],
    });
  });
});
