// Passwords: argon2id at OWASP's recommended cost (19 MiB, 2 passes, 1 lane),
// with rules that block the worst choices without composition theatre.
import { hash, verify } from '@node-rs/argon2';

const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const MIN_PASSWORD_LENGTH = 10;
const COMMON = new Set([
  'password12',
  'password123',
  '1234567890',
  'qwertyuiop',
  '1q2w3e4r5t',
  'iloveyou12',
  'letmein123',
  'welcome123',
  'masthead12',
  'abcdefghij',
]);

/** Why a password is refused, or null when it is acceptable. */
export function passwordProblem(password: string, email?: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `Use at least ${MIN_PASSWORD_LENGTH} characters.`;
  if (password.length > 256) return 'Use at most 256 characters.';
  if (COMMON.has(password.toLowerCase()) || /^(.)\1+$/.test(password)) return 'That password is too easy to guess.';
  if (email && password.toLowerCase().includes(email.split('@')[0]!.toLowerCase()) && email.split('@')[0]!.length >= 4)
    return 'Your password should not contain your email address.';
  return null;
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

// Verifying against this when no account exists keeps sign-in timing the same
// whether or not an email is registered.
let dummy: Promise<string> | undefined;
export async function burnVerify(password: string): Promise<void> {
  dummy ??= hashPassword('not-a-real-password-at-all');
  await verifyPassword(await dummy, password);
}
