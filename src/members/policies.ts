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

/** Readers whose search may match whole bodies: staff, and members with access (the rest match what anyone may read). */
export function readsEverything(actor: Actor, hasAccess: boolean): boolean {
  return isStaff(actor) || (!!actor && actor.role === 'member' && hasAccess);
}
