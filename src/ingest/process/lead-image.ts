// Choosing the lead image: the largest media:content image, then a
// thumbnail, an image enclosure, itunes:image, the first real image in the
// body, and finally the page's og:image. Captions and credits come with it,
// from Media RSS or the <figure> around the image.
import { parseDocument } from 'htmlparser2';
import { findOne, getAttributeValue, textContent } from 'domutils';
import type { AnyNode, Element } from 'domhandler';
import type { ParsedMedia } from '../parse/types.ts';
import type { LeadImage } from './types.ts';
import { plainLine } from './text.ts';

const IMAGE_EXT = /\.(jpe?g|png|gif|webp|avif)(\?|$)/i;

function isImage(m: ParsedMedia): boolean {
  return m.medium === 'image' || (m.type?.startsWith('image/') ?? false) || (!m.type && !m.medium && IMAGE_EXT.test(m.url)) || m.source === 'itunes:image' || m.source === 'image';
}

/** "Boats at dawn (AFP via Getty Images)" → caption + credit; also "Photo: X", "Credit: X", "Photograph: X". */
export function splitCredit(text: string): { caption?: string; credit?: string } {
  const t = plainLine(text);
  if (!t) return {};
  const paren = /^(.*?)\s*\(([^()]{2,80})\)\s*$/.exec(t);
  if (paren && /photo|image|getty|afp|reuters|ap\b|agency|wire|via|©|courtesy|credit|press|shutterstock|alamy/i.test(paren[2]!)) {
    return { caption: paren[1]!.trim() || undefined, credit: paren[2]!.trim() };
  }
  const labelled = /^(.*?)[\s.;,|–—-]*\b(?:photo(?:graph)?|picture|image|credit|illustration)s?\s*(?:by)?\s*[:\-–—]\s*(.+)$/i.exec(t);
  if (labelled) return { caption: labelled[1]!.trim() || undefined, credit: labelled[2]!.trim() };
  const copyright = /^(.*?)\s*©\s*(.+)$/.exec(t);
  if (copyright) return { caption: copyright[1]!.trim() || undefined, credit: `© ${copyright[2]!.trim()}` };
  return { caption: t };
}

function fromMedia(media: ParsedMedia[]): LeadImage | null {
  const order: ParsedMedia['source'][] = ['media:content', 'image', 'media:thumbnail', 'enclosure', 'attachment', 'itunes:image'];
  for (const source of order) {
    const candidates = media.filter((m) => m.source === source && isImage(m));
    if (!candidates.length) continue;
    const best = candidates.reduce((a, b) => ((b.width ?? 0) * (b.height ?? 0) > (a.width ?? 0) * (a.height ?? 0) ? b : a));
    const split = best.caption ? splitCredit(best.caption) : {};
    return {
      url: best.url,
      caption: split.caption,
      credit: best.credit ? plainLine(best.credit) : split.credit,
      width: best.width,
      height: best.height,
    };
  }
  return null;
}

function fromBody(html: string): LeadImage | null {
  if (!/<img/i.test(html)) return null;
  const doc = parseDocument(html);
  const img = findOne((el) => {
    if (el.name !== 'img') return false;
    const w = Number(getAttributeValue(el, 'width'));
    const h = Number(getAttributeValue(el, 'height'));
    return !!getAttributeValue(el, 'src') && !(w && w < 120) && !(h && h < 80);
  }, doc.children as AnyNode[] as Element[], true);
  if (!img) return null;
  let figure: Element | null = img.parent as Element | null;
  while (figure && figure.name !== 'figure') figure = figure.parent as Element | null;
  const figcaption = figure ? findOne((el) => el.name === 'figcaption', figure.children as Element[], true) : null;
  const split = figcaption ? splitCredit(textContent(figcaption)) : { caption: getAttributeValue(img, 'alt') || undefined };
  const w = Number(getAttributeValue(img, 'width'));
  const h = Number(getAttributeValue(img, 'height'));
  return { url: getAttributeValue(img, 'src')!, caption: split.caption, credit: split.credit, width: w || undefined, height: h || undefined };
}

export function chooseLeadImage(media: ParsedMedia[], bodyHtml: string, pageImage?: string): LeadImage | null {
  return fromMedia(media) ?? fromBody(bodyHtml) ?? (pageImage ? { url: pageImage } : null);
}
