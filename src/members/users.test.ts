import { afterEach, describe, expect, it } from 'vitest';
import { createPublisher } from '../catalog/publishers.ts';
import { createTestDatabase, testDialects, type TestDatabase } from '../test-support/databases.ts';
import { createUser } from './accounts.ts';
import { auditLog } from './audit.ts';
import { changeRole, searchUsers, userById } from './users.ts';

const T = Date.parse('2026-11-24T09:00:00Z');

describe.each(testDialects)('accounts and roles on %s', (dialect) => {
  let database: TestDatabase;
  afterEach(async () => database?.dispose());

  async function setup() {
    database = await createTestDatabase(dialect);
    const db = database.db;
    const make = (email: string, role: 'member' | 'admin' | 'editor', displayName?: string) =>
      createUser(db, { email, password: 'a long enough secret', role, displayName }, T);
    const root = await make('root@example.org', 'admin');
    const ann = await make('ann.lee@example.org', 'member', 'Ann Lee');
    const bob = await make('bob@example.com', 'editor', '100% Bob');
    return { db, root, ann, bob };
  }

  it('changes a role with its audit line, gives a publisher account its publisher, and keeps one admin', async () => {
    const { db, root, ann } = await setup();
    const p = await createPublisher(db, { slug: 'harbour', name: 'Harbour' }, T);
    const who = { userId: root.id, ip: '192.0.2.1' };
    await changeRole(db, { userId: ann.id, role: 'publisher', publisherId: p.id }, who, T);
    expect(await userById(db, ann.id)).toMatchObject({ role: 'publisher', publisher_id: p.id });
    await expect(changeRole(db, { userId: ann.id, role: 'publisher', publisherId: null }, who, T)).rejects.toThrow(
      /Choose the publisher/,
    );
    await expect(changeRole(db, { userId: ann.id, role: 'publisher', publisherId: 999 }, who, T)).rejects.toThrow(
      /publisher no longer exists/,
    );
    // The last admin cannot demote themselves; once there is a second, they can.
    await expect(changeRole(db, { userId: root.id, role: 'member', publisherId: null }, who, T)).rejects.toThrow(
      /last admin/,
    );
    await changeRole(db, { userId: ann.id, role: 'admin', publisherId: p.id }, who, T + 1);
    expect(await userById(db, ann.id)).toMatchObject({ role: 'admin', publisher_id: null }); // only publishers have one
    await changeRole(db, { userId: root.id, role: 'member', publisherId: null }, who, T + 2);
    await expect(changeRole(db, { userId: ann.id, role: 'editor', publisherId: null }, who, T)).rejects.toThrow(
      /last admin/,
    );
    await expect(changeRole(db, { userId: 4242, role: 'editor', publisherId: null }, who, T)).rejects.toThrow(
      /no longer exists/,
    );
    const { lines } = await auditLog(db, { limit: 10 });
    expect(lines.map((l) => [l.action, l.target?.label, l.details])).toEqual([
      ['user.role', 'root@example.org', { from: 'admin', to: 'member', publisherId: null }],
      ['user.role', 'ann.lee@example.org', { from: 'publisher', to: 'admin', publisherId: null }],
      ['user.role', 'ann.lee@example.org', { from: 'member', to: 'publisher', publisherId: p.id }],
    ]);
  });

  it('finds accounts by part of the address or name, any case, by role, a page at a time', async () => {
    const { db, ann, bob, root } = await setup();
    const ids = async (q: Parameters<typeof searchUsers>[1]) => (await searchUsers(db, q)).users.map((u) => u.id);
    expect(await ids({ text: 'ANN', limit: 10, offset: 0 })).toEqual([ann.id]);
    expect(await ids({ text: 'lee', limit: 10, offset: 0 })).toEqual([ann.id]);
    expect(await ids({ text: 'example.org', limit: 10, offset: 0 })).toEqual([ann.id, root.id]);
    expect(await ids({ text: '100%', limit: 10, offset: 0 })).toEqual([bob.id]); // % is a character, not a wildcard
    expect(await ids({ text: '%', limit: 10, offset: 0 })).toEqual([bob.id]);
    expect(await ids({ text: '_', limit: 10, offset: 0 })).toEqual([]);
    expect(await ids({ role: 'editor', limit: 10, offset: 0 })).toEqual([bob.id]);
    expect(await searchUsers(db, { limit: 2, offset: 0 })).toMatchObject({ more: true });
    expect(await searchUsers(db, { limit: 2, offset: 2 })).toMatchObject({ more: false, users: [{ id: root.id }] });
  });
});
