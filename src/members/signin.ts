// Signing in, throttled before the password is checked: every attempt first
// reserves a slot for its client address and for the account (or, on a device
// the account has signed in on before, for that device), in one atomic
// statement each, so a burst of concurrent guesses is cut off at the limit
// however it interleaves. Unknown and known addresses take the same path and
// the same time (a dummy argon2 check), and get the same answer.
import type { UserRow } from '../db/schema.ts';
import { AccountError, throttledError } from './account-error.ts';
import type { AccountDeps } from './accounts.ts';
import { deviceToken, readDevice } from './devices.ts';
import { burnVerify, verifyPassword } from './passwords.ts';
import { installSecret } from './secrets.ts';
import { createSession } from './sessions.ts';
import { clearThrottle, release, reserveAll, SIGNIN_RULES } from './throttle.ts';
import { emailKey, normaliseEmail } from './tokens.ts';

export interface SignInMeta {
  /** The client address (the socket's, or the trusted proxy's word for it). */
  ip?: string;
  userAgent?: string;
  /** The session token this browser had, replaced by the new one. */
  replacing?: string | null;
  /** The browser's device cookie, if it has one. */
  device?: string;
}

export interface SignedIn {
  sessionToken: string;
  user: UserRow;
  /** A fresh device cookie for this browser and account. */
  device: string;
}

export async function signIn(
  deps: AccountDeps,
  input: { email: string; password: string },
  meta: SignInMeta,
): Promise<SignedIn> {
  const now = deps.now();
  const email = normaliseEmail(input.email);
  const secret = await installSecret(deps.db, 'device_secret');
  const user = await deps.db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
  const device = readDevice(secret, meta.device);
  const trusted = !!user && device?.userId === user.id;
  const accountKey = trusted ? `device:${device!.nonce}` : `account:${emailKey(email)}`;
  const addressKey = `address:${meta.ip ?? 'unknown'}`;
  const slot = await reserveAll(
    deps.db,
    [
      [addressKey, SIGNIN_RULES.address],
      [accountKey, trusted ? SIGNIN_RULES.device : SIGNIN_RULES.account],
    ],
    now,
  );
  if (!slot.allowed) throw throttledError(slot.retryAfterMs);
  const ok = user
    ? await verifyPassword(user.password_hash, input.password)
    : (await burnVerify(input.password), false);
  if (!ok || !user) throw new AccountError('invalid-credentials', 'That email and password do not match an account.');
  await clearThrottle(deps.db, accountKey);
  await release(deps.db, addressKey);
  return { sessionToken: await createSession(deps.db, user.id, now, meta), user, device: deviceToken(secret, user.id) };
}

/** After a completed password reset: the account's throttles start afresh (the reset link proved the owner). */
export async function clearSignInThrottle(deps: Pick<AccountDeps, 'db'>, email: string): Promise<void> {
  await clearThrottle(deps.db, `account:${emailKey(email)}`);
}

/** A device cookie for a browser that has just proved it is the account's (a mailed link). */
export async function trustDevice(db: AccountDeps['db'], userId: number): Promise<string> {
  return deviceToken(await installSecret(db, 'device_secret'), userId);
}
