// Tables for the running service rather than its content: throttles (sign-in,
// re-authentication, reset mail, read counting), the mail outbox, and the
// single-use nonces of qualified-read tokens.
import type { Generated } from 'kysely';

/** One fixed window per key ("address:…", "account:…", "device:…", "reauth:…"): hits reserved before the work they limit. */
export interface ThrottlesTable {
  key: string;
  window_start: number;
  hits: number;
}

/**
 * Mail waiting to go, and mail sent (kept without its body). A job is a
 * rendered message ('message') or an intent resolved when it is delivered
 * ('password-reset': the address asked for; whether it has an account is
 * decided by the worker, so the request that queued it cannot tell).
 */
export interface MailOutboxTable {
  id: Generated<number>;
  kind: string;
  /** JSON; null once sent (it may hold a one-time link) */
  payload: string | null;
  created_at: number;
  attempts: number;
  next_attempt_at: number;
  lease_owner: string | null;
  lease_until: number | null;
  sent_at: number | null;
  /** set when the job is given up after repeated failures */
  failed_at: number | null;
  last_error: string | null;
}

/** A qualified-read token's nonce, once spent; kept until the token would have expired anyway. */
export interface ReadNoncesTable {
  nonce: string;
  expires_at: number;
}
