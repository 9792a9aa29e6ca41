// Trial mails: three days before the trial ends, and on the day it ends.
// Each is sent once (the user row records it); members who have paid or been
// granted access since are not nagged.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Mailer } from '../mail/mailer.ts';
import { templates } from '../mail/templates.ts';
import { membershipFacts } from './facts.ts';
import { DAY_MS, membershipAt } from './membership.ts';

export async function sendTrialReminders(deps: {
  db: Kysely<DB>;
  mailer: Mailer;
  now: number;
  baseUrl: string;
  graceDays: number;
  /** Stopping: no further mail is sent (those not reached are sent by the next run). */
  signal?: AbortSignal;
}): Promise<{ warned: number; ended: number }> {
  const { db, now } = deps;
  const plansUrl = `${deps.baseUrl}/plans`;
  let warned = 0;
  let ended = 0;
  const soon = await db
    .selectFrom('users')
    .select(['id', 'email', 'trial_ends_at'])
    .where('trial_ends_at', '>', now)
    .where('trial_ends_at', '<=', now + 3 * DAY_MS)
    .where('trial_warned_at', 'is', null)
    .execute();
  const over = await db
    .selectFrom('users')
    .select(['id', 'email', 'trial_ends_at'])
    .where('trial_ends_at', '<=', now)
    .where('trial_ends_at', '>', now - 2 * DAY_MS)
    .where('trial_ended_mailed_at', 'is', null)
    .execute();
  const facts = await membershipFacts(
    db,
    [...soon, ...over].map((u) => u.id),
  );
  const stillTrial = (id: number) => {
    const f = facts.get(id);
    // Paid or granted meanwhile: no reminder.
    return (
      !!f && !f.subscription && !f.grants.some((g) => g.revokedAt === null && (g.endsAt === null || g.endsAt > now))
    );
  };
  for (const u of soon) {
    if (deps.signal?.aborted) break;
    if (!stillTrial(u.id)) continue;
    const daysLeft = Math.max(1, Math.ceil((u.trial_ends_at! - now) / DAY_MS));
    // Mark first: a crash after sending must not send twice on the next run.
    const res = await db
      .updateTable('users')
      .set({ trial_warned_at: now })
      .where('id', '=', u.id)
      .where('trial_warned_at', 'is', null)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) continue;
    await deps.mailer.send({ to: u.email, ...templates.trialEndingSoon(daysLeft, plansUrl) });
    warned++;
  }
  for (const u of over) {
    if (deps.signal?.aborted) break;
    const m = membershipAt(facts.get(u.id)!, now, { graceDays: deps.graceDays });
    if (m.hasAccess) continue;
    const res = await db
      .updateTable('users')
      .set({ trial_ended_mailed_at: now })
      .where('id', '=', u.id)
      .where('trial_ended_mailed_at', 'is', null)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) continue;
    await deps.mailer.send({ to: u.email, ...templates.trialEnded(plansUrl) });
    ended++;
  }
  return { warned, ended };
}
