// The allowlist every piece of publisher HTML passes through before it is
// stored: structure and images stay; scripts, styles, event handlers,
// dangerous URLs (javascript:, data:, vbscript:), forms, objects, embeds and
// tracking pixels go; iframes only from known video hosts, sandboxed. Links
// become absolute (against the article URL) and external ones open safely.
//
// A small tidy pass follows on the already-safe output: empty paragraphs go,
// and the lead image is removed from the top of the body so it is not shown twice.
import sanitizeHtml from 'sanitize-html';
import { parseDocument } from 'htmlparser2';
import render from 'dom-serializer';
import { getAttributeValue, removeElement } from 'domutils';
import { isTag, type AnyNode, type Element } from 'domhandler';
import { sameImage } from './lead-image.ts';
import { isTrackingImage } from './tracking.ts';

export const VIDEO_HOSTS = ['www.youtube.com', 'youtube.com', 'm.youtube.com', 'www.youtube-nocookie.com', 'youtube-nocookie.com', 'player.vimeo.com', 'www.dailymotion.com', 'dailymotion.com', 'geo.dailymotion.com'];
export const IFRAME_SANDBOX = 'allow-scripts allow-same-origin allow-presentation';

const ALLOWED_TAGS = [
  'p', 'a', 'em', 'strong', 'b', 'i', 'u', 's', 'small', 'mark', 'del', 'ins', 'span', 'div', 'aside',
  'blockquote', 'q', 'cite', 'ul', 'ol', 'li', 'h2', 'h3', 'h4', 'h5', 'h6',
  'figure', 'figcaption', 'img', 'picture', 'source', 'br', 'hr', 'pre', 'code',
  'table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'caption', 'colgroup', 'col',
  'sup', 'sub', 'abbr', 'time', 'dl', 'dt', 'dd', 'iframe',
];
/** Dropped with everything inside them (not just the tag). */
const DROP_WITH_CONTENT = ['script', 'style', 'textarea', 'option', 'noscript', 'template', 'title', 'head', 'form', 'button', 'select', 'object', 'embed', 'svg', 'math', 'canvas', 'audio', 'video', 'map', 'frameset', 'noembed', 'noframes', 'xmp', 'plaintext'];
/** Kept although empty of text. */
const MEDIA = new Set(['img', 'picture', 'iframe', 'hr', 'td', 'th']);

export interface SanitizeOptions {
  /** The chosen lead image: removed from the body when the body starts with it. */
  leadImageUrl?: string;
}

function absolute(url: string | undefined, base: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url.trim(), base);
    return u.protocol === 'http:' || u.protocol === 'https:' || u.protocol === 'mailto:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

function host(url: string | undefined): string | undefined {
  try {
    return url ? new URL(url).host : undefined;
  } catch {
    return undefined;
  }
}

export function sanitizeArticleHtml(html: string, baseUrl?: string, opts: SanitizeOptions = {}): string {
  if (!html) return '';
  const srcset = (v: string) =>
    v
      .split(',')
      .map((part) => {
        const [u, d] = part.trim().split(/\s+/);
        const abs = absolute(u, baseUrl);
        return abs && abs.startsWith('http') ? `${abs}${d ? ` ${d}` : ''}` : null;
      })
      .filter(Boolean)
      .join(', ');
  const baseHost = host(baseUrl);

  const out = sanitizeHtml(html, {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: {
      // Attributes our transforms add are listed too: sanitize-html filters after transforming.
      a: ['href', 'title', 'rel', 'target'],
      img: ['src', 'srcset', 'sizes', 'alt', 'width', 'height', 'title', 'loading', 'decoding'],
      source: ['srcset', 'type', 'media', 'sizes'],
      iframe: ['src', 'width', 'height', 'title', 'allowfullscreen', 'sandbox', 'loading', 'referrerpolicy'],
      abbr: ['title'],
      time: ['datetime'],
      td: ['colspan', 'rowspan'],
      th: ['colspan', 'rowspan', 'scope'],
      col: ['span'],
      colgroup: ['span'],
      ol: ['start', 'reversed', 'type'],
      li: ['value'],
      blockquote: ['cite'],
      q: ['cite'],
    },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesByTag: { img: ['http', 'https'], iframe: ['https'], source: ['http', 'https'] },
    allowedSchemesAppliedToAttributes: ['href', 'src', 'cite', 'srcset'],
    allowProtocolRelative: false,
    allowedIframeHostnames: VIDEO_HOSTS,
    nonTextTags: DROP_WITH_CONTENT,
    disallowedTagsMode: 'discard',
    nestingLimit: 64,
    transformTags: {
      h1: 'h2',
      a: (tagName, attribs) => {
        const href = absolute(attribs.href, baseUrl);
        const external = !href || !baseHost || host(href) !== baseHost;
        return {
          tagName,
          attribs: {
            ...(href ? { href } : {}),
            ...(attribs.title ? { title: attribs.title } : {}),
            ...(href && external ? { rel: 'noopener noreferrer nofollow', target: '_blank' } : {}),
          },
        };
      },
      img: (tagName, attribs) => {
        // Lazy-loading pages keep the real picture in data-src.
        const src = absolute(attribs['data-src'] ?? attribs['data-lazy-src'] ?? attribs['data-original'] ?? attribs.src, baseUrl);
        const set = attribs['data-srcset'] ?? attribs.srcset;
        const { src: _s, srcset: _ss, ...rest } = attribs;
        return {
          tagName,
          attribs: { ...rest, ...(src && src.startsWith('http') ? { src } : {}), ...(set ? { srcset: srcset(set) } : {}), loading: 'lazy', decoding: 'async' },
        };
      },
      blockquote: (tagName, attribs) => ({ tagName, attribs: { ...attribs, ...(attribs.cite ? { cite: absolute(attribs.cite, baseUrl) ?? '' } : {}) } }),
      q: (tagName, attribs) => ({ tagName, attribs: { ...attribs, ...(attribs.cite ? { cite: absolute(attribs.cite, baseUrl) ?? '' } : {}) } }),
      source: (tagName, attribs) => ({ tagName, attribs: { ...attribs, ...(attribs.srcset ? { srcset: srcset(attribs.srcset) } : {}) } }),
      iframe: (tagName, attribs) => ({
        tagName,
        attribs: { ...attribs, sandbox: IFRAME_SANDBOX, loading: 'lazy', referrerpolicy: 'strict-origin-when-cross-origin' },
      }),
    },
    exclusiveFilter: (frame) => {
      if (frame.tag === 'img') return !frame.attribs.src || isTrackingImage(frame.attribs.src, frame.attribs.width, frame.attribs.height);
      if (frame.tag === 'iframe') return !frame.attribs.src;
      return false;
    },
  } as sanitizeHtml.IOptions);
  return tidy(out, opts.leadImageUrl);
}

/** Removes empty blocks and a leading copy of the lead image. Input is sanitised output (shallow, safe). */
function tidy(html: string, leadImageUrl: string | undefined): string {
  if (!html.trim()) return '';
  const doc = parseDocument(html);
  dropEmpty(doc.children);
  if (leadImageUrl) dropLeadingImage(doc.children, leadImageUrl);
  return render(doc, { encodeEntities: 'utf8' }).trim();
}

function isEmpty(node: AnyNode): boolean {
  if (node.type === 'text') return !(node as unknown as { data: string }).data.replace(/[\s\u00a0]+/g, '');
  if (!isTag(node)) return true;
  if (MEDIA.has(node.name)) return false;
  return node.children.every(isEmpty);
}

function dropEmpty(nodes: AnyNode[]): void {
  for (const node of [...nodes]) {
    if (!isTag(node)) continue;
    dropEmpty(node.children);
    if (['p', 'div', 'span', 'figure', 'figcaption', 'blockquote', 'li', 'ul', 'ol', 'h2', 'h3', 'h4', 'h5', 'h6', 'a', 'strong', 'em', 'b', 'i', 'picture'].includes(node.name) && isEmpty(node)) removeElement(node);
  }
}

/** The first element of the body, if it is (a wrapper around) the lead image, is removed. */
function dropLeadingImage(nodes: AnyNode[], leadImageUrl: string): void {
  const first = nodes.find((n) => !(n.type === 'text' && !(n as unknown as { data: string }).data.trim()));
  if (!first || !isTag(first)) return;
  const imgs: Element[] = [];
  const walk = (el: Element): boolean => {
    if (el.name === 'img') imgs.push(el);
    else if (el.name === 'figcaption' || el.name === 'source') return true;
    else if (!['figure', 'picture', 'p', 'div', 'a', 'span'].includes(el.name)) return false;
    return el.children.every((c) => (isTag(c) ? walk(c) : c.type !== 'text' || !(c as unknown as { data: string }).data.trim() || el.name === 'figcaption'));
  };
  if (!walk(first) || imgs.length !== 1) return;
  if (sameImage(getAttributeValue(imgs[0]!, 'src') ?? '', leadImageUrl)) removeElement(first);
}
