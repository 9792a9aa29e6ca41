// Our image endpoint fetches only the pictures our own pages point at: each
// image URL carries an HMAC of the publisher's URL under a per-install secret
// kept in the database (so every web process signs alike). The width is not
// signed: it must be one of a few fixed widths, so a signed URL costs us at
// most that many resizes. See docs/decisions/0007-image-proxy.md.
import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { installSecret } from '../members/secrets.ts';

/** The widths pages ask for; anything else is refused. */
export const IMAGE_WIDTHS = [160, 320, 480, 640, 960, 1280] as const;
export type ImageWidth = (typeof IMAGE_WIDTHS)[number];

export const IMAGE_ROUTE_PREFIX = '/img/';
/** Longer publisher URLs are not proxied (they are not shown either). */
export const MAX_IMAGE_URL = 2048;
const SIG_BYTES = 16;

export const isImageWidth = (n: number): n is ImageWidth => (IMAGE_WIDTHS as readonly number[]).includes(n);

export class ImageSigner {
  constructor(private readonly secret: Buffer) {
    if (secret.length < 16) throw new Error('the image signing secret must be at least 16 bytes');
  }

  /** base64url of the first 16 bytes of HMAC-SHA256("img1:" + url). */
  sign(url: string): string {
    return crypto
      .createHmac('sha256', this.secret)
      .update(`img1:${url}`)
      .digest()
      .subarray(0, SIG_BYTES)
      .toString('base64url');
  }

  verify(url: string, sig: string): boolean {
    const given = Buffer.from(sig, 'base64url');
    if (given.length !== SIG_BYTES || given.toString('base64url') !== sig) return false;
    return crypto.timingSafeEqual(given, Buffer.from(this.sign(url), 'base64url'));
  }
}

/** The publisher URL a path segment carries, or null when it is not a usable http(s) URL. */
export function decodeImageUrl(segment: string): string | null {
  if (!/^[A-Za-z0-9_-]{1,3000}$/.test(segment)) return null;
  const url = Buffer.from(segment, 'base64url').toString('utf8');
  return proxiableUrl(url) ? url : null;
}

export const encodeImageUrl = (url: string): string => Buffer.from(url, 'utf8').toString('base64url');

/** Only absolute http(s) URLs of a sane length, without credentials, go through the proxy. */
export function proxiableUrl(url: string): boolean {
  if (url.length > MAX_IMAGE_URL || !/^https?:\/\//i.test(url)) return false;
  try {
    const u = new URL(url);
    return (u.protocol === 'http:' || u.protocol === 'https:') && !u.username && !u.password && !!u.hostname;
  } catch {
    return false;
  }
}

/** The install's signer, its secret made on first use (members/secrets.ts). */
export async function loadImageSigner(db: Kysely<DB>): Promise<ImageSigner> {
  return new ImageSigner(await installSecret(db, 'image_proxy_secret'));
}
