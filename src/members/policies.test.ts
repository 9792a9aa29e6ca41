import { describe, expect, it } from 'vitest';
import {
  canEditAccess,
  canManagePublishers,
  canPick,
  canSeeEditorConsole,
  canSeeAdminConsole,
  canSeePublisherDashboard,
  readsEverything,
  roleChangeRefusal,
} from './policies.ts';

const member = { role: 'member', publisherId: null };
const editor = { role: 'editor', publisherId: null };
const admin = { role: 'admin', publisherId: null };
const ownPublisher = { role: 'publisher', publisherId: 7 };
const otherPublisher = { role: 'publisher', publisherId: 8 };
const article = { publisherId: 7 };

describe('who may do what', () => {
  it('lets staff and the article’s own publisher change who may read it, and nobody else', () => {
    expect(
      [null, undefined, member, editor, admin, ownPublisher, otherPublisher].map((a) => canEditAccess(a, article)),
    ).toEqual([false, false, false, true, true, true, false]);
  });

  it('keeps picks and the console for editors and admins', () => {
    for (const f of [canPick, canSeeEditorConsole])
      expect([null, member, editor, admin, ownPublisher].map((a) => f(a))).toEqual([false, false, true, true, false]);
  });

  it('shows a publisher’s figures to its own accounts and admins only', () => {
    expect(
      [null, member, editor, admin, ownPublisher, otherPublisher].map((a) => canSeePublisherDashboard(a, 7)),
    ).toEqual([false, false, false, true, true, false]);
    expect([null, member, editor, admin, ownPublisher].map((a) => canManagePublishers(a))).toEqual([
      false,
      false,
      false,
      true,
      false,
    ]);
  });

  it('lets whole-body search to staff and members with access', () => {
    expect(readsEverything(member, true)).toBe(true);
    expect(readsEverything(member, false)).toBe(false);
    expect(readsEverything(editor, false)).toBe(true);
    expect(readsEverything(ownPublisher, true)).toBe(false); // a publisher reads its own articles, not everyone's
    expect(readsEverything(null, false)).toBe(false);
  });

  it('keeps the admin console for admins alone', () => {
    expect([null, undefined, member, editor, admin, ownPublisher].map((a) => canSeeAdminConsole(a))).toEqual([
      false,
      false,
      false,
      false,
      true,
      false,
    ]);
  });

  it('never lets the last admin stop being one, and gives a publisher account its publisher', () => {
    const change = (role: string, to: string, admins: number, publisherId: number | null = null) =>
      roleChangeRefusal({ target: { role }, to, admins, publisherId });
    expect(change('admin', 'member', 1)).toMatch(/last admin/);
    expect(change('admin', 'editor', 1)).toMatch(/last admin/);
    expect(change('admin', 'publisher', 1, 7)).toMatch(/last admin/);
    expect(change('admin', 'admin', 1)).toBeNull(); // staying an admin is no demotion
    expect(change('admin', 'member', 2)).toBeNull();
    expect(change('member', 'admin', 1)).toBeNull();
    expect(change('member', 'publisher', 1)).toMatch(/publisher/);
    expect(change('member', 'publisher', 1, 7)).toBeNull();
    expect(change('member', 'owner', 3)).toMatch(/not a role/);
  });
});
