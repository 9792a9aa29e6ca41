// The one error type account commands throw: a code for the caller to branch
// on, and a message a person can read (it is shown as it is).
export type AccountErrorCode =
  'invalid-email' | 'weak-password' | 'invalid-credentials' | 'throttled' | 'invalid-token' | 'not-found' | 'refused';

export class AccountError extends Error {
  constructor(
    public readonly code: AccountErrorCode,
    message: string,
    public readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'AccountError';
  }
}

export function throttledError(retryAfterMs: number, hint = ', or reset your password'): AccountError {
  const minutes = Math.max(1, Math.ceil(retryAfterMs / 60_000));
  return new AccountError(
    'throttled',
    `Too many attempts. Try again in ${minutes} minute${minutes > 1 ? 's' : ''}${hint}.`,
    retryAfterMs,
  );
}
