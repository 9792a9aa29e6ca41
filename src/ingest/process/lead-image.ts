// Choosing the lead image, best source first: the largest media:content
// image, a JSON Feed image, media:thumbnail, an image enclosure or
// attachment, itunes:image, the first real picture in the body (not a
// tracking pixel, not an icon under MIN_SIDE px), and finally the page's
// og:image. Caption and credit come from Media RSS (media:description,
// media:credit) or from the <figure>'s <figcaption>, with a trailing credit
// split off ("… (AFP via Getty Images)", "… Photo: X", "Credit: X", "© X").
// Everything returned is plain text and absolute http(s) URLs.
import { parseDocument } from 'htmlparser2';
import { findAll, findOne, getAttributeValue, textContent } from 'domutils';
import type { Element } from 'domhandler';
import type { ParsedMedia } from '../parse/types.ts';
import type { LeadImage } from './types.ts';
import { plainLine } from './text.ts';
import { isTrackingImage } from './tracking.ts';

/** Body images narrower or shorter than this (when stated) are icons, not lead images. */
export const MIN_SIDE = 50;
const IMAGE_EXT = /\.(jpe?g|png|gif|webp|avif)(\?|$)/i;
const SOURCE_ORDER: ParsedMedia['source'][] = ['media:content', 'image', 'media:thumbnail', 'enclosure', 'attachment', 'itunes:image'];
const CREDIT_WORDS = /photo|image|getty|afp|reuters|\bap\b|agency|wire|via|©|courtesy|credit|press|shutterstock|alamy|epa|pool|handout|\//i;

/** "Boats at dawn (AFP via Getty Images)" → caption + credit; also "Photo: X", "Credit: X", "Photograph: X", "Photo by X", "© X". */
export function splitCredit(text: string | undefined): { caption?: string; credit?: string } {
  const t = plainLine(text);
  if (!t) return {};
  const paren = /^(.*?)\s*\(([^()]{2,80})\)\s*\.?$/.exec(t);
  if (paren && CREDIT_WORDS.test(paren[2]!)) return parts(paren[1]!, paren[2]!);
  const labelled = /(^|[.;|)–—]\s*|\s)((?:photo(?:graph)?|picture|image|credit|illustration)s?(?:\s+by)?)\s*[:–—]\s*(.+)$/i.exec(t);
  // Mid-sentence ("the image: a view") only counts when the label is capitalised ("… Photo: X").
  if (labelled && (labelled[1]!.trim() || /^[A-Z]/.test(labelled[2]!))) return parts(t.slice(0, labelled.index) + labelled[1]!, labelled[3]!);
  const photoBy = /(^|[.;|)]\s*)Photo(?:graph)? by\s+(.+)$/i.exec(t);
  if (photoBy) return parts(t.slice(0, photoBy.index) + photoBy[1]!, photoBy[2]!);
  const copyright = /^(.*?)\s*©\s*(.+)$/.exec(t);
  if (copyright) return parts(copyright[1]!, `© ${copyright[2]!.trim()}`);
  return { caption: t };
}

function parts(caption: string, credit: string): { caption?: string; credit?: string } {
  const c = caption.replace(/[\s.;|–—:-]+$/, '').trim();
  return { caption: c || undefined, credit: credit.trim().replace(/\.$/, '') || undefined };
}

function httpUrl(raw: string | undefined, base?: string): string | undefined {
  if (!raw?.trim()) return undefined;
  try {
    const u = new URL(raw.trim(), base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

function isImage(m: ParsedMedia): boolean {
  if (m.medium) return m.medium === 'image';
  if (m.type) return m.type.startsWith('image/');
  return IMAGE_EXT.test(m.url) || m.source === 'itunes:image' || m.source === 'image' || m.source === 'media:thumbnail';
}

function fromMedia(media: ParsedMedia[], base?: string): LeadImage | null {
  for (const source of SOURCE_ORDER) {
    const candidates = media
      .filter((m) => m.source === source && isImage(m))
      .map((m) => ({ ...m, url: httpUrl(m.url, base) ?? '' }))
      .filter((m) => m.url && !isTrackingImage(m.url, m.width, m.height));
    if (!candidates.length) continue;
    const best = candidates.reduce((a, b) => ((b.width ?? 0) * (b.height ?? 0) > (a.width ?? 0) * (a.height ?? 0) ? b : a));
    const split = splitCredit(best.caption);
    return { url: best.url, caption: split.caption, credit: plainLine(best.credit) || split.credit, width: best.width, height: best.height };
  }
  return null;
}

interface BodyImage {
  url: string;
  el: Element;
}

function bodyImages(html: string, base?: string): BodyImage[] {
  if (!/<img/i.test(html)) return [];
  const doc = parseDocument(html);
  return findAll((el) => el.name === 'img', doc.children)
    .map((el) => ({ el, url: httpUrl(getAttributeValue(el, 'src') || getAttributeValue(el, 'data-src'), base) ?? '' }))
    .filter((i) => i.url);
}

function isPicture(i: BodyImage): boolean {
  const w = getAttributeValue(i.el, 'width');
  const h = getAttributeValue(i.el, 'height');
  const small = (v: string | undefined) => v !== undefined && /^\d+(px)?$/.test(v.trim()) && parseInt(v, 10) < MIN_SIDE;
  return !small(w) && !small(h) && !isTrackingImage(i.url, w, h);
}

/** Caption and credit from the <figure> around an image, else its alt text as caption. */
function figureText(img: Element, withAlt: boolean): { caption?: string; credit?: string } {
  let figure = img.parent as Element | null;
  while (figure && figure.name !== 'figure') figure = figure.parent as Element | null;
  const figcaption = figure ? findOne((el) => el.name === 'figcaption', figure.children, true) : null;
  if (figcaption) return splitCredit(textContent(figcaption));
  return withAlt ? { caption: plainLine(getAttributeValue(img, 'alt')) || undefined } : {};
}

function fromBody(images: BodyImage[]): LeadImage | null {
  const img = images.find(isPicture);
  if (!img) return null;
  const w = parseInt(getAttributeValue(img.el, 'width') ?? '', 10);
  const h = parseInt(getAttributeValue(img.el, 'height') ?? '', 10);
  return { url: img.url, ...figureText(img.el, true), width: w > 0 ? w : undefined, height: h > 0 ? h : undefined };
}

/** The same picture at another size or with another query ("photo-300x200.jpg?w=800" ~ "photo.jpg"). */
export function sameImage(a: string, b: string): boolean {
  const strip = (u: string) => u.replace(/[?#].*$/, '').replace(/-\d+x\d+(?=\.\w+$)/, '').replace(/^https?:/, '');
  return strip(a) === strip(b);
}

/**
 * The lead image of an article. `bodyHtml` is the raw body (relative URLs resolved
 * against `base`); `pageImage` is the fetched page's og:image, the last resort.
 */
export function chooseLeadImage(media: ParsedMedia[], bodyHtml: string, pageImage?: string, base?: string): LeadImage | null {
  const images = bodyImages(bodyHtml, base);
  const chosen = fromMedia(media, base) ?? fromBody(images) ?? (httpUrl(pageImage, base) ? { url: httpUrl(pageImage, base)! } : null);
  if (!chosen || chosen.caption || chosen.credit) return clean(chosen);
  // A feed image without words may appear in the body inside a <figure> that has them.
  const inBody = images.find((i) => sameImage(i.url, chosen.url));
  return clean(inBody ? { ...chosen, ...figureText(inBody.el, false) } : chosen);
}

function clean(image: LeadImage | null): LeadImage | null {
  if (!image) return null;
  const out: LeadImage = { url: image.url };
  if (image.caption) out.caption = image.caption;
  if (image.credit) out.credit = image.credit;
  if (image.width) out.width = image.width;
  if (image.height) out.height = image.height;
  return out;
}
