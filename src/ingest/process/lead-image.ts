// Choosing the lead image, best source first: the largest media:content
// image, a JSON Feed image, media:thumbnail, an image enclosure or
// attachment, itunes:image, the first real picture in the body (not a
// tracking pixel, not an icon under MIN_SIDE px), and finally the page's
// og:image. Caption and credit come from Media RSS (media:description,
// media:credit) or from the <figure>'s <figcaption>, with a trailing credit
// split off ("… (AFP via Getty Images)", "… Photo: X", "Credit: X", "© X").
// Everything returned is plain text (within ARTICLE_CAPS) and absolute http(s) URLs.
//
// The body is someone else's markup: it is unwrapped past MAX_HTML_DEPTH (and MAX_HTML_ELEMENTS) before
// parsing, and every walk of it is iterative and stops when it has enough text
// (domutils' textContent recurses, and 20,000 nested <b> in a caption overflowed the stack).
import { parseDocument } from 'htmlparser2';
import { getAttributeValue } from 'domutils';
import { isTag, type AnyNode, type Element } from 'domhandler';
import { ARTICLE_CAPS, clip, FIELD_CAPS } from '../parse/limits.ts';
import type { ParsedMedia } from '../parse/types.ts';
import { limitMarkup } from './html-limits.ts';
import type { LeadImage } from './types.ts';
import { plainLine } from './text.ts';
import { isTrackingImage } from './tracking.ts';

/** Body images narrower or shorter than this (when stated) are icons, not lead images. */
export const MIN_SIDE = 50;
const IMAGE_EXT = /\.(jpe?g|png|gif|webp|avif)(\?|$)/i;
const SOURCE_ORDER: ParsedMedia['source'][] = [
  'media:content',
  'image',
  'media:thumbnail',
  'enclosure',
  'attachment',
  'itunes:image',
];
const CREDIT_WORDS =
  /photo|image|getty|afp|reuters|\bap\b|agency|wire|via|©|courtesy|credit|press|shutterstock|alamy|epa|pool|handout|\//i;

/** "Boats at dawn (AFP via Getty Images)" → caption + credit; also "Photo: X", "Credit: X", "Photograph: X", "Photo by X", "© X". */
export function splitCredit(text: string | undefined): { caption?: string; credit?: string } {
  const t = plainLine(text);
  if (!t) return {};
  const paren = trailingParens(t);
  if (paren && CREDIT_WORDS.test(paren.inner)) return parts(paren.before, paren.inner);
  // plainLine folded every run of whitespace to one space, so " ?" is all the optional space
  // there can be (and, unlike "\s*", it cannot be rescanned from every space of a long run).
  const labelled =
    /(^|[.;|)–—] ?| )((?:photo(?:graph)?|picture|image|credit|illustration)s?(?: by)?) ?[:–—] ?(.+)/i.exec(t);
  // Mid-sentence ("the image: a view") only counts when the label is capitalised ("… Photo: X").
  if (labelled && (labelled[1]!.trim() || /^[A-Z]/.test(labelled[2]!)))
    return parts(t.slice(0, labelled.index) + labelled[1]!, labelled[3]!);
  const photoBy = /(^|[.;|)] ?)Photo(?:graph)? by (.+)/i.exec(t);
  if (photoBy) return parts(t.slice(0, photoBy.index) + photoBy[1]!, photoBy[2]!);
  const mark = t.indexOf('©');
  const owner = mark < 0 ? '' : t.slice(mark + 1).trim();
  if (owner) return parts(t.slice(0, mark), `© ${owner}`);
  return { caption: t };
}

/** "… (Credit)" or "… (Credit)." at the end: the text before and the 2–80 characters inside (found with indexOf, not a lazy pattern). */
function trailingParens(t: string): { before: string; inner: string } | undefined {
  let end = t.length;
  if (t[end - 1] === '.') end--;
  while (end > 0 && t[end - 1] === ' ') end--;
  if (t[end - 1] !== ')') return undefined;
  const open = t.lastIndexOf('(', end - 2);
  const inner = t.slice(open + 1, end - 1);
  if (open < 0 || inner.length < 2 || inner.length > 80 || inner.includes(')')) return undefined;
  return { before: t.slice(0, open), inner };
}

const TRAILING_PUNCTUATION = new Set(['.', ';', '|', '–', '—', ':', '-']);

function parts(caption: string, credit: string): { caption?: string; credit?: string } {
  // A loop, not /[\s.;|–—:-]+$/, which rescans a long run of dots from each of them.
  let end = caption.length;
  while (end > 0 && (TRAILING_PUNCTUATION.has(caption[end - 1]!) || caption[end - 1]!.trim() === '')) end--;
  const c = caption.slice(0, end).trim();
  return { caption: c || undefined, credit: credit.trim().replace(/\.$/, '') || undefined };
}

function httpUrl(raw: string | undefined, base?: string): string | undefined {
  if (!raw?.trim()) return undefined;
  try {
    const u = new URL(raw.trim(), base);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.href.length <= ARTICLE_CAPS.url
      ? u.href
      : undefined;
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
    const best = candidates.reduce((a, b) =>
      (b.width ?? 0) * (b.height ?? 0) > (a.width ?? 0) * (a.height ?? 0) ? b : a,
    );
    const split = splitCredit(best.caption);
    return {
      url: best.url,
      caption: split.caption,
      credit: plainLine(best.credit) || split.credit,
      width: best.width,
      height: best.height,
    };
  }
  return null;
}

interface BodyImage {
  url: string;
  el: Element;
}

/** Elements under `nodes` that pass `test`, in document order, at most `limit`: an explicit stack, no recursion. */
function findElements(nodes: AnyNode[], test: (el: Element) => boolean, limit = Infinity): Element[] {
  const found: Element[] = [];
  const todo = [...nodes].reverse();
  while (todo.length && found.length < limit) {
    const node = todo.pop()!;
    if (!isTag(node)) continue;
    if (test(node)) found.push(node);
    for (let i = node.children.length - 1; i >= 0; i--) todo.push(node.children[i]!);
  }
  return found;
}

/** The text under `node`, at most `max` characters of it: an explicit stack, and it stops once it has enough. */
export function textWithin(node: AnyNode, max: number): string {
  let out = '';
  const todo: AnyNode[] = [node];
  while (todo.length && out.length < max) {
    const n = todo.pop()!;
    if (n.type === 'text') out += (n as unknown as { data: string }).data;
    else if (isTag(n) || n.type === 'root') {
      const kids = (n as Element).children;
      for (let i = kids.length - 1; i >= 0; i--) todo.push(kids[i]!);
    }
  }
  return out.slice(0, max);
}

function bodyImages(html: string, base?: string): BodyImage[] {
  if (!/<img/i.test(html)) return [];
  const doc = parseDocument(limitMarkup(html).html);
  return findElements(doc.children, (el) => el.name === 'img')
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
  const figcaption = figure ? findElements(figure.children, (el) => el.name === 'figcaption', 1)[0] : undefined;
  if (figcaption) return splitCredit(textWithin(figcaption, FIELD_CAPS.caption));
  return withAlt
    ? { caption: plainLine(getAttributeValue(img, 'alt')?.slice(0, FIELD_CAPS.caption)) || undefined }
    : {};
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
  const strip = (u: string) => {
    const end = u.search(/[?#]/); // not /[?#].*$/, which retries from every "?" when a line break follows
    return (end < 0 ? u : u.slice(0, end)).replace(/-\d+x\d+(?=\.\w+$)/, '').replace(/^https?:/, '');
  };
  return strip(a) === strip(b);
}

/**
 * The lead image of an article. `bodyHtml` is the raw body (relative URLs resolved
 * against `base`); `pageImage` is the fetched page's og:image, the last resort.
 */
export function chooseLeadImage(
  media: ParsedMedia[],
  bodyHtml: string,
  pageImage?: string,
  base?: string,
): LeadImage | null {
  const images = bodyImages(bodyHtml, base);
  const chosen =
    fromMedia(media, base) ??
    fromBody(images) ??
    (httpUrl(pageImage, base) ? { url: httpUrl(pageImage, base)! } : null);
  if (!chosen || chosen.caption || chosen.credit) return clean(chosen);
  // A feed image without words may appear in the body inside a <figure> that has them.
  const inBody = images.find((i) => sameImage(i.url, chosen.url));
  return clean(inBody ? { ...chosen, ...figureText(inBody.el, false) } : chosen);
}

function clean(image: LeadImage | null): LeadImage | null {
  if (!image) return null;
  const out: LeadImage = { url: image.url };
  if (image.caption) out.caption = clip(image.caption, ARTICLE_CAPS.caption);
  if (image.credit) out.credit = clip(image.credit, ARTICLE_CAPS.credit);
  if (image.width) out.width = image.width;
  if (image.height) out.height = image.height;
  return out;
}
