// Password reset. A request only queues "send a link to this address" (the
// same single insert whether or not the address has an account); the mail
// worker resolves it (deliverPasswordReset): no account, nothing is sent; an
// account, a one-hour single-use link, at most RESET_MAIL_RULE.max an hour,
// and every older link stops working. Completing a reset voids every other
// link, signs the account out everywhere and clears its sign-in throttle.
import type { UserRow } from '../db/schema.ts';
import { templates } from '../mail/templates.ts';
import { AccountError } from './account-error.ts';
import { HOUR, type AccountDeps } from './accounts.ts';
import { hashPassword, passwordProblem } from './passwords.ts';
import { revokeAllSessions } from './sessions.ts';
import { clearSignInThrottle } from './signin.ts';
import { reserve, type ThrottleRule } from './throttle.ts';
import { isPlausibleEmail, normaliseEmail } from './tokens.ts';
import { issueToken, liveToken, retireTokens, spendToken } from './user-tokens.ts';

export const RESET_MAIL_RULE: ThrottleRule = { max: 3, windowMs: HOUR };

/** Queues a reset link for this address; the caller answers "check your inbox" whatever happens. */
export async function requestPasswordReset(deps: AccountDeps, emailInput: string): Promise<void> {
  const email = normaliseEmail(emailInput);
  if (isPlausibleEmail(email)) await deps.mailer.enqueue({ kind: 'password-reset', email });
}

/** The mail worker's half of a reset request. Returns what it did, for logs and tests. */
export async function deliverPasswordReset(
  deps: AccountDeps,
  email: string,
): Promise<'sent' | 'no-account' | 'throttled'> {
  const user = await deps.db
    .selectFrom('users')
    .select(['id', 'email'])
    .where('email', '=', normaliseEmail(email))
    .executeTakeFirst();
  if (!user) return 'no-account';
  if (!(await reserve(deps.db, `reset-mail:${user.id}`, RESET_MAIL_RULE, deps.now())).allowed) return 'throttled';
  const token = await issueToken(deps.db, user.id, 'reset', HOUR, deps.now());
  await deps.mailer.send({ to: user.email, ...templates.reset(`${deps.baseUrl}/reset?token=${token}`) });
  return 'sent';
}

/** Checks a reset link without spending it (to show the form). */
export async function resetTokenValid(deps: AccountDeps, token: string): Promise<boolean> {
  return !!(await liveToken(deps.db, token, 'reset', deps.now()));
}

/** Sets the new password from a reset link; the caller signs the owner in (the link proved it is them). */
export async function resetPassword(deps: AccountDeps, token: string, password: string): Promise<UserRow> {
  const now = deps.now();
  const live = await liveToken(deps.db, token, 'reset', now);
  const owner = live
    ? await deps.db.selectFrom('users').select('email').where('id', '=', live.user_id).executeTakeFirst()
    : undefined;
  const problem = passwordProblem(password, owner?.email);
  if (problem) throw new AccountError('weak-password', problem);
  const t = await spendToken(deps.db, token, 'reset', now);
  await deps.db
    .updateTable('users')
    .set({ password_hash: await hashPassword(password), password_changed_at: now, email_verified_at: now })
    .where('id', '=', t.user_id)
    .execute();
  await retireTokens(deps.db, t.user_id, ['reset', 'email-change'], now);
  await revokeAllSessions(deps.db, t.user_id);
  const user = await deps.db.selectFrom('users').selectAll().where('id', '=', t.user_id).executeTakeFirstOrThrow();
  await clearSignInThrottle(deps, user.email);
  return user;
}
