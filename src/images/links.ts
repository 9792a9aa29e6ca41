// The image URLs our pages write: every publisher picture becomes a signed
// path on our own origin (/img/SIG/WIDTH/URL), with a srcset of the widths a
// slot needs. Signing is memoised per URL, so a page of cards costs a map
// lookup per picture once its URLs have been seen.
import { encodeImageUrl, IMAGE_ROUTE_PREFIX, proxiableUrl, type ImageSigner, type ImageWidth } from './signing.ts';

export interface ImageLinks {
  /** The path for the picture at one width; null when the URL cannot be proxied (the picture is then left out). */
  src(url: string, width: ImageWidth): string | null;
  /** "PATH 320w, PATH 640w, …" for the given widths ('' when the URL cannot be proxied). */
  srcset(url: string, widths: readonly ImageWidth[]): string;
  /** An absolute URL (for og:image and JSON-LD, read by other sites). */
  absolute(url: string, width: ImageWidth): string | null;
}

export interface ImageLinkOptions {
  /** Absolute base of this site (PUBLIC_URL), for absolute(). */
  baseUrl: string;
  /** Pictures this server serves itself (the demo's), as a same-origin path; null for everything else. */
  ownPath?: (url: string) => string | null;
  /** How many URLs to remember (the memo is emptied when full). */
  memo?: number;
}

export function imageLinks(signer: ImageSigner, opts: ImageLinkOptions): ImageLinks {
  const limit = opts.memo ?? 20_000;
  // URL → "/img/SIG/" and "/URL-in-base64url", or null when it is not proxiable.
  const memo = new Map<string, readonly [string, string] | { own: string } | null>();
  const base = opts.baseUrl.replace(/\/+$/, '');

  function parts(url: string) {
    let hit = memo.get(url);
    if (hit !== undefined) return hit;
    const own = opts.ownPath?.(url);
    if (own) hit = { own };
    else if (!proxiableUrl(url)) hit = null;
    else hit = [`${IMAGE_ROUTE_PREFIX}${signer.sign(url)}/`, `/${encodeImageUrl(url)}`] as const;
    if (memo.size >= limit) memo.clear();
    memo.set(url, hit);
    return hit;
  }

  function src(url: string, width: ImageWidth): string | null {
    const p = parts(url);
    if (!p) return null;
    return 'own' in p ? p.own : `${p[0]}${width}${p[1]}`;
  }

  return {
    src,
    srcset(url, widths) {
      const p = parts(url);
      if (!p || 'own' in p) return '';
      return widths.map((w) => `${p[0]}${w}${p[1]} ${w}w`).join(', ');
    },
    absolute(url, width) {
      const path = src(url, width);
      return path ? `${base}${path}` : null;
    },
  };
}
