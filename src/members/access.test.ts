import { describe, expect, it } from 'vitest';
import { canRead, type Viewer } from './access.ts';
import type { Membership } from './membership.ts';

const premium = { publisherId: 1, isFree: false, status: 'published' };
const none: Membership = { state: 'none', hasAccess: false, accessUntil: null, trialDaysLeft: null };
const member: Membership = { state: 'active', hasAccess: true, accessUntil: null, trialDaysLeft: null };
const account = (over: Partial<Extract<Viewer, { kind: 'account' }>> = {}): Viewer => ({
  kind: 'account',
  role: 'member',
  publisherId: null,
  membership: none,
  allowanceUsed: 0,
  unlockedThisArticle: false,
  ...over,
});
const policy = { monthlyAllowance: 0 };

describe('canRead', () => {
  it('shows visitors a preview of premium articles and free articles in full', () => {
    expect(canRead(premium, { kind: 'anonymous' }, policy)).toEqual({ full: false, reason: 'sign-up' });
    expect(canRead({ ...premium, isFree: true }, { kind: 'anonymous' }, policy)).toEqual({
      full: true,
      reason: 'free',
    });
  });

  it('lets members, staff and the owning publisher read in full', () => {
    expect(canRead(premium, account({ membership: member }), policy).full).toBe(true);
    expect(canRead(premium, account({ role: 'editor' }), policy)).toMatchObject({ full: true, reason: 'staff' });
    expect(canRead(premium, account({ role: 'publisher', publisherId: 1 }), policy)).toMatchObject({
      full: true,
      reason: 'own-publisher',
    });
    expect(canRead(premium, account({ role: 'publisher', publisherId: 2 }), policy).full).toBe(false);
  });

  it('tells a lapsed member apart from a new sign-up', () => {
    expect(canRead(premium, account({ membership: { ...none, state: 'lapsed' } }), policy)).toEqual({
      full: false,
      reason: 'lapsed',
    });
  });

  it('spends a monthly allowance only when one is set', () => {
    const allow = { monthlyAllowance: 3 };
    expect(canRead(premium, account(), allow)).toEqual({ full: true, reason: 'allowance', consumesAllowance: true });
    expect(canRead(premium, account({ allowanceUsed: 3 }), allow)).toEqual({ full: false, reason: 'allowance-used' });
    expect(canRead(premium, account({ allowanceUsed: 3, unlockedThisArticle: true }), allow)).toEqual({
      full: true,
      reason: 'allowance',
    });
  });

  it('never shows withdrawn or hidden articles, to anyone', () => {
    for (const status of ['withdrawn', 'hidden']) {
      expect(canRead({ ...premium, status, isFree: true }, account({ role: 'admin' }), policy).full).toBe(false);
    }
  });
});
