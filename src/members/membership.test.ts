import { describe, expect, it } from 'vitest';
import { DAY_MS, membershipAt, type MembershipFacts } from './membership.ts';

const t0 = Date.parse('2026-11-01T00:00:00Z');
const none: MembershipFacts = { trialStartedAt: null, trialEndsAt: null, subscription: null, grants: [] };
const trial: MembershipFacts = { ...none, trialStartedAt: t0, trialEndsAt: t0 + 14 * DAY_MS };

describe('membership state', () => {
  it('is none for a new account and lapsed once anything has ended', () => {
    expect(membershipAt(none, t0)).toEqual({ state: 'none', hasAccess: false, accessUntil: null, trialDaysLeft: null });
    expect(membershipAt(trial, t0 + 15 * DAY_MS).state).toBe('lapsed');
  });

  it('gives fourteen days of trial, counting down', () => {
    expect(membershipAt(trial, t0 + 1)).toMatchObject({ state: 'trial', hasAccess: true, trialDaysLeft: 14 });
    expect(membershipAt(trial, t0 + 13.5 * DAY_MS)).toMatchObject({ state: 'trial', trialDaysLeft: 1 });
    expect(membershipAt(trial, t0 + 14 * DAY_MS).hasAccess).toBe(false); // ends exactly at trialEndsAt
  });

  it('lets a paid subscription win over the trial, and keeps access to the end of a cancelled period', () => {
    const paid = {
      ...trial,
      subscription: { status: 'active' as const, currentPeriodEnd: t0 + 30 * DAY_MS, cancelAtPeriodEnd: false },
    };
    expect(membershipAt(paid, t0 + DAY_MS)).toMatchObject({ state: 'active', accessUntil: t0 + 30 * DAY_MS });
    const cancelling = { ...paid, subscription: { ...paid.subscription, cancelAtPeriodEnd: true } };
    expect(membershipAt(cancelling, t0 + 29 * DAY_MS)).toMatchObject({ state: 'cancelling', hasAccess: true });
    const cancelled = { ...paid, subscription: { ...paid.subscription, status: 'canceled' as const } };
    expect(membershipAt(cancelled, t0 + 29 * DAY_MS)).toMatchObject({ state: 'cancelling', hasAccess: true });
    expect(membershipAt(cancelled, t0 + 31 * DAY_MS)).toMatchObject({ state: 'lapsed', hasAccess: false });
  });

  it('grants a grace period after a failed payment, then ends access', () => {
    const pastDue = {
      ...none,
      subscription: { status: 'past_due' as const, currentPeriodEnd: t0, cancelAtPeriodEnd: false, pastDueSince: t0 },
    };
    expect(membershipAt(pastDue, t0 + 3 * DAY_MS, { graceDays: 7 })).toMatchObject({
      state: 'grace',
      hasAccess: true,
      accessUntil: t0 + 7 * DAY_MS,
    });
    expect(membershipAt(pastDue, t0 + 8 * DAY_MS, { graceDays: 7 })).toMatchObject({
      state: 'lapsed',
      hasAccess: false,
    });
  });

  it("honours an operator's grants, open-ended or dated, unless revoked", () => {
    const open = { ...none, grants: [{ startsAt: t0, endsAt: null, revokedAt: null }] };
    expect(membershipAt(open, t0 + 400 * DAY_MS)).toMatchObject({
      state: 'granted',
      hasAccess: true,
      accessUntil: null,
    });
    const revoked = { ...none, grants: [{ startsAt: t0, endsAt: null, revokedAt: t0 + DAY_MS }] };
    expect(membershipAt(revoked, t0 + 2 * DAY_MS).hasAccess).toBe(false);
    const future = { ...none, grants: [{ startsAt: t0 + 10 * DAY_MS, endsAt: t0 + 20 * DAY_MS, revokedAt: null }] };
    expect(membershipAt(future, t0).hasAccess).toBe(false);
    expect(membershipAt(future, t0 + 11 * DAY_MS).hasAccess).toBe(true);
  });
});
