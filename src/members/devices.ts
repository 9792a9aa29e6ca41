// Trusted devices (OWASP's "device cookies"): a browser that has signed in to
// an account before carries a signed cookie naming it. Guessing from unknown
// clients locks an account for a while, but not for its owner on a device it
// knows, so no one can lock a reader out by failing on purpose; a device's own
// failures lock only that device.
import crypto from 'node:crypto';

export const DEVICE_COOKIE = 'mh_device';
export const DEVICE_DAYS = 365;

const mac = (secret: Buffer, body: string) =>
  crypto.createHmac('sha256', secret).update(`device:${body}`).digest('base64url').slice(0, 32);

/** A new device token for this account: "userId.nonce.mac". */
export function deviceToken(secret: Buffer, userId: number): string {
  const body = `${userId}.${crypto.randomBytes(12).toString('base64url')}`;
  return `${body}.${mac(secret, body)}`;
}

/** The account and nonce a device token names, or null when it is not one of ours. */
export function readDevice(secret: Buffer, token: string | undefined): { userId: number; nonce: string } | null {
  const m = token ? /^(\d{1,15})\.([A-Za-z0-9_-]{16})\.([A-Za-z0-9_-]{32})$/.exec(token) : null;
  if (!m) return null;
  const expected = Buffer.from(mac(secret, `${m[1]}.${m[2]}`));
  const given = Buffer.from(m[3]!);
  if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) return null;
  return { userId: Number(m[1]), nonce: m[2]! };
}
