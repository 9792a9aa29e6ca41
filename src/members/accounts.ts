// Account commands: one function per thing a person does. Answers never reveal
// whether an email has an account (sign-up and reset behave the same either way).
import type { Kysely } from 'kysely';
import type { DB, UserRow } from '../db/schema.ts';
import type { Outbox } from '../mail/outbox.ts';
import { templates } from '../mail/templates.ts';
import { AccountError, throttledError } from './account-error.ts';
import { DAY_MS } from './membership.ts';
import { burnVerify, hashPassword, passwordProblem, verifyPassword } from './passwords.ts';
import { revokeAllSessions } from './sessions.ts';
import { clearThrottle, REAUTH_RULE, reserve } from './throttle.ts';
import { emailKey, isPlausibleEmail, normaliseEmail } from './tokens.ts';
import { issueToken, retireTokens, spendToken } from './user-tokens.ts';
import type { Role } from './access.ts';

export { AccountError } from './account-error.ts';

export interface AccountDeps {
  db: Kysely<DB>;
  /** Mail goes through the outbox: queued by the request, sent by the worker. */
  mailer: Outbox;
  now: () => number;
  /** Absolute base for links in mail, e.g. https://news.example.org */
  baseUrl: string;
  trialDays: number;
}

export const HOUR = 3_600_000;

export async function createUser(
  db: Kysely<DB>,
  input: {
    email: string;
    password: string;
    role?: Role;
    publisherId?: number | null;
    displayName?: string | null;
    verified?: boolean;
    trialDays?: number | null;
  },
  now: number,
): Promise<UserRow> {
  const email = normaliseEmail(input.email);
  if (!isPlausibleEmail(email))
    throw new AccountError('invalid-email', 'Enter a valid email address, like name@example.com.');
  const problem = passwordProblem(input.password, email);
  if (problem) throw new AccountError('weak-password', problem);
  const key = emailKey(email);
  const trialUsed = await db
    .selectFrom('trials_used')
    .select('email_key')
    .where('email_key', '=', key)
    .executeTakeFirst();
  const trial =
    input.trialDays && !trialUsed
      ? { trial_started_at: now, trial_ends_at: now + input.trialDays * DAY_MS }
      : { trial_started_at: null, trial_ends_at: null };
  const user = await db
    .insertInto('users')
    .values({
      email,
      email_key: key,
      display_name: input.displayName ?? null,
      password_hash: await hashPassword(input.password),
      role: input.role ?? 'member',
      publisher_id: input.publisherId ?? null,
      email_verified_at: input.verified ? now : null,
      ...trial,
      trial_warned_at: null,
      trial_ended_mailed_at: null,
      billing_customer_id: null,
      created_at: now,
      password_changed_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  if (trial.trial_started_at) {
    await db
      .insertInto('trials_used')
      .values({ email_key: key, used_at: now })
      .onConflict((oc) => oc.column('email_key').doNothing())
      .execute();
  }
  return user;
}

/**
 * Sign-up: the account, its trial and a mail with a link that confirms the
 * address and signs the reader in. An address that already has an account gets
 * a mail saying so instead. Either way the caller answers "check your inbox",
 * so the answer never reveals whether an email is registered.
 */
export async function signUp(
  deps: AccountDeps,
  input: { email: string; password: string; displayName?: string; next?: string },
): Promise<void> {
  const now = deps.now();
  const email = normaliseEmail(input.email);
  if (!isPlausibleEmail(email))
    throw new AccountError('invalid-email', 'Enter a valid email address, like name@example.com.');
  const problem = passwordProblem(input.password, email);
  if (problem) throw new AccountError('weak-password', problem);
  const existing = await deps.db
    .selectFrom('users')
    .select('id')
    .where((eb) => eb.or([eb('email', '=', email), eb('email_key', '=', emailKey(email))]))
    .executeTakeFirst();
  if (existing) {
    await burnVerify(input.password); // the same cost as creating one
    await deps.mailer.send({
      to: email,
      ...templates.alreadyRegistered(`${deps.baseUrl}/signin`, `${deps.baseUrl}/reset`),
    });
    return;
  }
  const user = await createUser(deps.db, { ...input, trialDays: deps.trialDays }, now);
  const token = await issueToken(deps.db, user.id, 'verify', 24 * HOUR, now);
  const next = input.next && /^\/(?!\/)/.test(input.next) ? `&next=${encodeURIComponent(input.next)}` : '';
  await deps.mailer.send({
    to: email,
    ...templates.verify(`${deps.baseUrl}/verify?token=${token}${next}`, user.trial_started_at ? deps.trialDays : null),
  });
}

/** Confirms the address a verification link was sent to; returns its account. */
export async function verifyEmail(deps: AccountDeps, token: string): Promise<UserRow> {
  const now = deps.now();
  const t = await spendToken(deps.db, token, 'verify', now);
  await deps.db
    .updateTable('users')
    .set({ email_verified_at: now })
    .where('id', '=', t.user_id)
    .where('email_verified_at', 'is', null)
    .execute();
  return deps.db.selectFrom('users').selectAll().where('id', '=', t.user_id).executeTakeFirstOrThrow();
}

export async function resendVerification(deps: AccountDeps, user: UserRow): Promise<void> {
  if (user.email_verified_at) return;
  const token = await issueToken(deps.db, user.id, 'verify', 24 * HOUR, deps.now());
  await deps.mailer.send({ to: user.email, ...templates.verify(`${deps.baseUrl}/verify?token=${token}`, null) });
}

/**
 * The current password, asked again before a change made while signed in. Checks are throttled per
 * account (a stolen session must not become a way to guess the password) and reserved before the check.
 */
async function confirmPassword(deps: AccountDeps, user: UserRow, password: string, wrong: string): Promise<void> {
  const key = `reauth:${user.id}`;
  const r = await reserve(deps.db, key, REAUTH_RULE, deps.now());
  if (!r.allowed) throw throttledError(r.retryAfterMs, '');
  if (!(await verifyPassword(user.password_hash, password))) throw new AccountError('invalid-credentials', wrong);
  await clearThrottle(deps.db, key);
}

export async function changePassword(
  deps: AccountDeps,
  user: UserRow,
  current: string,
  next: string,
  keepToken: string,
): Promise<void> {
  await confirmPassword(deps, user, current, 'Your current password is not right.');
  const problem = passwordProblem(next, user.email);
  if (problem) throw new AccountError('weak-password', problem);
  await deps.db
    .updateTable('users')
    .set({ password_hash: await hashPassword(next), password_changed_at: deps.now() })
    .where('id', '=', user.id)
    .execute();
  await retireTokens(deps.db, user.id, ['reset', 'email-change'], deps.now()); // links mailed before the change stop working
  await revokeAllSessions(deps.db, user.id, keepToken); // everyone else is signed out
}

export async function requestEmailChange(
  deps: AccountDeps,
  user: UserRow,
  password: string,
  newEmailInput: string,
): Promise<void> {
  await confirmPassword(deps, user, password, 'Your password is not right.');
  const email = normaliseEmail(newEmailInput);
  if (!isPlausibleEmail(email)) throw new AccountError('invalid-email', 'Enter a valid email address.');
  const taken = await deps.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
  if (taken) return; // do not reveal; no mail either
  const token = await issueToken(deps.db, user.id, 'email-change', 24 * HOUR, deps.now(), email);
  await deps.mailer.send({
    to: email,
    ...templates.emailChange(`${deps.baseUrl}/account/email/confirm?token=${token}`),
  });
}

export async function confirmEmailChange(deps: AccountDeps, token: string): Promise<UserRow> {
  const now = deps.now();
  const t = await spendToken(deps.db, token, 'email-change', now);
  const email = t.data!;
  const taken = await deps.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
  if (taken) throw new AccountError('invalid-token', 'That address now belongs to another account.');
  await deps.db
    .updateTable('users')
    .set({ email, email_key: emailKey(email), email_verified_at: now })
    .where('id', '=', t.user_id)
    .execute();
  return deps.db.selectFrom('users').selectAll().where('id', '=', t.user_id).executeTakeFirstOrThrow();
}

/** Everything we hold about a person, as they would want to take it with them. */
export async function exportAccount(db: Kysely<DB>, userId: number) {
  const user = await db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirstOrThrow();
  const { password_hash: _p, ...profile } = user;
  const iso = (ms: number | null) => (ms == null ? null : new Date(ms).toISOString());
  return {
    exported_at: new Date().toISOString(),
    profile: {
      email: profile.email,
      display_name: profile.display_name,
      role: profile.role,
      created_at: iso(profile.created_at),
      email_verified_at: iso(profile.email_verified_at),
      trial_started_at: iso(profile.trial_started_at),
      trial_ends_at: iso(profile.trial_ends_at),
    },
    subscriptions: await db
      .selectFrom('subscriptions')
      .select(['provider', 'status', 'current_period_end', 'cancel_at_period_end', 'created_at'])
      .where('user_id', '=', userId)
      .execute(),
    grants: await db
      .selectFrom('grants')
      .select(['starts_at', 'ends_at', 'revoked_at', 'note'])
      .where('user_id', '=', userId)
      .execute(),
    saved: await db
      .selectFrom('saved_articles')
      .innerJoin('articles', 'articles.id', 'saved_articles.article_id')
      .select(['articles.title', 'articles.url', 'saved_articles.saved_at'])
      .where('user_id', '=', userId)
      .execute(),
    history: await db
      .selectFrom('reading_history')
      .innerJoin('articles', 'articles.id', 'reading_history.article_id')
      .select(['articles.title', 'articles.url', 'reading_history.read_at'])
      .where('user_id', '=', userId)
      .execute(),
    sessions: await db
      .selectFrom('sessions')
      .select(['created_at', 'last_seen_at', 'user_agent', 'ip'])
      .where('user_id', '=', userId)
      .execute(),
  };
}

export async function deleteAccount(deps: AccountDeps, user: UserRow, password: string): Promise<void> {
  await confirmPassword(deps, user, password, 'Your password is not right.');
  // trials_used keeps the normalised email, so a deleted account cannot start a second trial.
  await deps.db.deleteFrom('users').where('id', '=', user.id).execute();
}
