// Membership state is one pure function of the stored facts and the clock.
// Nothing else decides whether someone is a member: the paywall, the account
// page and the mails all ask this.

export type SubscriptionStatus =
  'incomplete' | 'trialing' | 'active' | 'past_due' | 'unpaid' | 'canceled' | 'incomplete_expired' | 'paused';

export interface MembershipFacts {
  /** Free trial, if one was started (epoch ms). */
  trialStartedAt: number | null;
  trialEndsAt: number | null;
  /** Paid subscription as the billing provider last reported it. */
  subscription: {
    status: SubscriptionStatus;
    /** End of the period already paid for. */
    currentPeriodEnd: number;
    cancelAtPeriodEnd: boolean;
    /** When a payment first failed (past_due), for the grace period. */
    pastDueSince?: number | null;
  } | null;
  /** Memberships granted by an operator (manual provider, comps). */
  grants: { startsAt: number; endsAt: number | null; revokedAt: number | null }[];
}

export type MembershipState =
  | 'none' // registered, never a member
  | 'trial'
  | 'active'
  | 'cancelling' // cancelled, access to the end of the paid period
  | 'grace' // payment failed, access for the grace period
  | 'granted'
  | 'lapsed'; // was a member or trialist, no longer

export interface Membership {
  state: MembershipState;
  hasAccess: boolean;
  /** When access ends if nothing changes (null: open-ended or none). */
  accessUntil: number | null;
  /** Trial days left, rounded up, while on trial. */
  trialDaysLeft: number | null;
}

export const DAY_MS = 86_400_000;

export function membershipAt(
  facts: MembershipFacts,
  now: number,
  opts: { graceDays: number } = { graceDays: 7 },
): Membership {
  const sub = facts.subscription;

  // 1. A paid subscription that is in good standing wins.
  if (sub && (sub.status === 'active' || sub.status === 'trialing') && sub.currentPeriodEnd > now) {
    return {
      state: sub.cancelAtPeriodEnd ? 'cancelling' : 'active',
      hasAccess: true,
      accessUntil: sub.currentPeriodEnd,
      trialDaysLeft: null,
    };
  }
  // Cancelled subscriptions keep access to the end of what was paid for.
  if (sub && sub.status === 'canceled' && sub.currentPeriodEnd > now) {
    return { state: 'cancelling', hasAccess: true, accessUntil: sub.currentPeriodEnd, trialDaysLeft: null };
  }
  // 2. A failed payment gets a grace period from when it first failed.
  if (sub && (sub.status === 'past_due' || sub.status === 'unpaid')) {
    const since = sub.pastDueSince ?? sub.currentPeriodEnd;
    const graceEnd = Math.max(since, sub.currentPeriodEnd) + opts.graceDays * DAY_MS;
    if (graceEnd > now) return { state: 'grace', hasAccess: true, accessUntil: graceEnd, trialDaysLeft: null };
  }
  // 3. An operator's grant.
  const grant = facts.grants
    .filter((g) => g.revokedAt === null && g.startsAt <= now && (g.endsAt === null || g.endsAt > now))
    .sort((a, b) => (b.endsAt ?? Infinity) - (a.endsAt ?? Infinity))[0];
  if (grant) return { state: 'granted', hasAccess: true, accessUntil: grant.endsAt, trialDaysLeft: null };
  // 4. The free trial.
  if (
    facts.trialStartedAt !== null &&
    facts.trialEndsAt !== null &&
    facts.trialStartedAt <= now &&
    facts.trialEndsAt > now
  ) {
    return {
      state: 'trial',
      hasAccess: true,
      accessUntil: facts.trialEndsAt,
      trialDaysLeft: Math.ceil((facts.trialEndsAt - now) / DAY_MS),
    };
  }
  const everMember = facts.trialStartedAt !== null || sub !== null || facts.grants.length > 0;
  return { state: everMember ? 'lapsed' : 'none', hasAccess: false, accessUntil: null, trialDaysLeft: null };
}
