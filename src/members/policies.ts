// Who may do what, written once: every route asks these, and they are tested
// with plain objects. (What a reader may *read* is the paywall's rule, in
// access.ts.)
import type { Role } from './access.ts';

/** The facts a policy needs about the one asking: none when signed out. */
export type Actor = { role: Role | string; publisherId: number | null } | null | undefined;

const isStaff = (a: Actor): boolean => !!a && (a.role === 'editor' || a.role === 'admin');

/** Editors and admins, or the publisher's own accounts, may change who may read its article (free or premium). */
export function canEditAccess(actor: Actor, article: { publisherId: number }): boolean {
  return isStaff(actor) || (!!actor && actor.role === 'publisher' && actor.publisherId === article.publisherId);
}

/** Editors and admins pick stories, feature them and rule on good news. */
export function canPick(actor: Actor): boolean {
  return isStaff(actor);
}

/** The editors' console (picks, good news, the log). */
export function canSeeEditorConsole(actor: Actor): boolean {
  return isStaff(actor);
}

/** A publisher's own figures (reads, statements): its accounts, and the operator's admins. */
export function canSeePublisherDashboard(actor: Actor, publisherId: number): boolean {
  return !!actor && (actor.role === 'admin' || (actor.role === 'publisher' && actor.publisherId === publisherId));
}

/** Publishers, feeds, users and keys: admins only. */
export function canManagePublishers(actor: Actor): boolean {
  return !!actor && actor.role === 'admin';
}

/** The admin console (publishers and feeds, users and roles, push-API keys, the audit log): admins only. */
export function canSeeAdminConsole(actor: Actor): boolean {
  return canManagePublishers(actor);
}

export const ROLES = ['member', 'editor', 'publisher', 'admin'] as const satisfies readonly Role[];

/**
 * Why a role change may not happen, or null when it may: a publisher account
 * needs its publisher, and the last admin can never stop being one (so the
 * console can never lock every admin out, the last admin themselves included).
 */
export function roleChangeRefusal(change: {
  target: { role: string };
  to: string;
  publisherId: number | null;
  admins: number;
}): string | null {
  if (!(ROLES as readonly string[]).includes(change.to)) return `"${change.to}" is not a role.`;
  if (change.to === 'publisher' && change.publisherId === null) return 'Choose the publisher this account works for.';
  if (change.target.role === 'admin' && change.to !== 'admin' && change.admins <= 1)
    return 'This is the last admin account: make another account an admin first.';
  return null;
}

/** Readers whose search may match whole bodies: staff, and members with access (the rest match what anyone may read). */
export function readsEverything(actor: Actor, hasAccess: boolean): boolean {
  return isStaff(actor) || (!!actor && actor.role === 'member' && hasAccess);
}
