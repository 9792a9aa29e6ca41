// Article bodies are stored as the sanitiser wrote them, with the publisher's
// picture URLs; at render each <img> is rewritten to our image endpoint with
// a srcset, and <source> elements (art direction inside <picture>, pointing at
// publishers' files) are dropped, leaving the <img> every <picture> holds.
// The input is sanitised HTML (ingest/process/sanitize.ts): attributes are
// double-quoted with quotes and angle brackets escaped, so a tag is
// `<img` up to the next `>`, and an attribute is name="value".
import { decodeHTMLAttribute, escapeAttribute } from 'entities';
import type { ImageLinks } from './links.ts';
import type { ImageWidth } from './signing.ts';

/** Pictures in the article column: up to its 680 CSS pixels, at twice the density. */
export const BODY_WIDTHS: readonly ImageWidth[] = [320, 480, 640, 960, 1280];
export const BODY_SIZES = '(max-width: 712px) calc(100vw - 2rem), 680px';

const TAG = /<source\b[^<>]*>(?:<\/source>)?|<img\b([^<>]*)>/gi;
const ATTR = /([a-zA-Z-]+)="([^"<>]*)"/g;
/** Attributes of the publisher's <img> kept as they are (alt and title text, the intrinsic size). */
const KEPT = new Set(['alt', 'title', 'width', 'height']);

/** Without links (no image endpoint) every picture is left out rather than hot-linked. */
export function rewriteBodyImages(html: string, links: ImageLinks | null): string {
  if (!html.includes('<img') && !html.includes('<source')) return html;
  return html.replace(TAG, (_whole, attrs: string | undefined) =>
    attrs === undefined || !links ? '' : rewriteImg(attrs, links),
  );
}

function rewriteImg(attrs: string, links: ImageLinks): string {
  let url: string | null = null;
  let kept = '';
  for (const [, rawName, value] of attrs.matchAll(ATTR)) {
    const name = rawName!.toLowerCase();
    if (name === 'src') url = decodeHTMLAttribute(value!);
    else if (KEPT.has(name) && ((name !== 'width' && name !== 'height') || /^\d{1,5}$/.test(value!)))
      kept += ` ${name}="${value}"`;
  }
  const src = url === null ? null : links.src(url, 640);
  if (url === null || src === null) return '';
  const srcset = links.srcset(url, BODY_WIDTHS);
  const set = srcset ? ` srcset="${escapeAttribute(srcset)}" sizes="${BODY_SIZES}"` : '';
  return `<img src="${escapeAttribute(src)}"${set}${kept} loading="lazy" decoding="async" />`;
}
