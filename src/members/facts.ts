// Loads the stored facts membership is computed from, for a page of users at once.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { membershipAt, type Membership, type MembershipFacts, type SubscriptionStatus } from './membership.ts';

export async function membershipFacts(db: Kysely<DB>, userIds: number[]): Promise<Map<number, MembershipFacts>> {
  const out = new Map<number, MembershipFacts>();
  if (!userIds.length) return out;
  const users = await db
    .selectFrom('users')
    .select(['id', 'trial_started_at', 'trial_ends_at'])
    .where('id', 'in', userIds)
    .execute();
  const subs = await db
    .selectFrom('subscriptions')
    .selectAll()
    .where('user_id', 'in', userIds)
    .orderBy('current_period_end', 'desc')
    .execute();
  const grants = await db.selectFrom('grants').selectAll().where('user_id', 'in', userIds).execute();
  for (const u of users) {
    // The subscription that grants the most: an active one first, else the latest.
    const mine = subs.filter((s) => s.user_id === u.id);
    const best = mine.find((s) => s.status === 'active' || s.status === 'trialing') ?? mine[0];
    out.set(u.id, {
      trialStartedAt: u.trial_started_at,
      trialEndsAt: u.trial_ends_at,
      subscription: best
        ? {
            status: best.status as SubscriptionStatus,
            currentPeriodEnd: best.current_period_end,
            cancelAtPeriodEnd: best.cancel_at_period_end === 1,
            pastDueSince: best.past_due_since,
          }
        : null,
      grants: grants
        .filter((g) => g.user_id === u.id)
        .map((g) => ({ startsAt: g.starts_at, endsAt: g.ends_at, revokedAt: g.revoked_at })),
    });
  }
  return out;
}

export async function membershipOf(
  db: Kysely<DB>,
  userId: number,
  now: number,
  graceDays: number,
): Promise<Membership> {
  const facts = (await membershipFacts(db, [userId])).get(userId);
  if (!facts) return { state: 'none', hasAccess: false, accessUntil: null, trialDaysLeft: null };
  return membershipAt(facts, now, { graceDays });
}
