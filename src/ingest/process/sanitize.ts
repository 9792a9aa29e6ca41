// The allowlist every piece of publisher HTML passes through before it is
// stored: structure and images stay; scripts, styles, event handlers,
// dangerous URLs (javascript:, data:, vbscript:), forms, objects, embeds and
// tracking pixels go; iframes only from known video hosts, sandboxed. Links
// become absolute (against the article URL) and external ones open safely.
//
// A small tidy pass follows on the already-safe output: empty paragraphs go,
// and the lead image is removed from the top of the body so it is not shown twice.
// It only ever deletes whole elements, by their byte ranges in the sanitiser's
// output: the sanitiser is the one serialiser of publisher HTML. (Parsing and
// writing the tree out again decoded text inside an allowed <iframe> and wrote
// it back as markup: "&lt;/iframe&gt;&lt;img onerror…&gt;" became live.)
import sanitizeHtml from 'sanitize-html';
import { parseDocument } from 'htmlparser2';
import { getAttributeValue } from 'domutils';
import { isTag, type AnyNode, type Element } from 'domhandler';
import { limitMarkup } from './html-limits.ts';
import { sameImage } from './lead-image.ts';
import { isTrackingImage } from './tracking.ts';

export const VIDEO_HOSTS = [
  'www.youtube.com',
  'youtube.com',
  'm.youtube.com',
  'www.youtube-nocookie.com',
  'youtube-nocookie.com',
  'player.vimeo.com',
  'www.dailymotion.com',
  'dailymotion.com',
  'geo.dailymotion.com',
];
export const IFRAME_SANDBOX = 'allow-scripts allow-same-origin allow-presentation';

const ALLOWED_TAGS = [
  'p',
  'a',
  'em',
  'strong',
  'b',
  'i',
  'u',
  's',
  'small',
  'mark',
  'del',
  'ins',
  'span',
  'div',
  'aside',
  'blockquote',
  'q',
  'cite',
  'ul',
  'ol',
  'li',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'figure',
  'figcaption',
  'img',
  'picture',
  'source',
  'br',
  'hr',
  'pre',
  'code',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'th',
  'td',
  'caption',
  'colgroup',
  'col',
  'sup',
  'sub',
  'abbr',
  'time',
  'dl',
  'dt',
  'dd',
  'iframe',
];
/** Dropped with everything inside them (not just the tag). */
const DROP_WITH_CONTENT = [
  'script',
  'style',
  'textarea',
  'option',
  'noscript',
  'template',
  'title',
  'head',
  'form',
  'button',
  'select',
  'object',
  'embed',
  'svg',
  'math',
  'canvas',
  'audio',
  'video',
  'map',
  'frameset',
  'noembed',
  'noframes',
  'xmp',
  'plaintext',
];
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

const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f\ufffe\uffff]/g;

export function sanitizeArticleHtml(input: string, baseUrl?: string, opts: SanitizeOptions = {}): string {
  // Control characters carry no text, and PostgreSQL refuses NUL in a text column. Markup too deep or
  // too many elements is unwrapped first (html-limits.ts): every parse after this one stays linear.
  const html = input ? limitMarkup(input.replace(CONTROL, '')).html : '';
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
  // An iframe's children are only ever fallback content: nothing inside one is kept.
  let inFrame = 0;

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
        const src = absolute(
          attribs['data-src'] ?? attribs['data-lazy-src'] ?? attribs['data-original'] ?? attribs.src,
          baseUrl,
        );
        const set = attribs['data-srcset'] ?? attribs.srcset;
        // One attribute order whatever came in, so sanitising its own output changes nothing (a fixed point).
        const { src: _s, srcset: _ss, loading: _l, decoding: _d, ...rest } = attribs;
        return {
          tagName,
          attribs: {
            ...(src && src.startsWith('http') ? { src } : {}),
            ...(set ? { srcset: srcset(set) } : {}),
            ...rest,
            loading: 'lazy',
            decoding: 'async',
          },
        };
      },
      blockquote: (tagName, attribs) => ({
        tagName,
        attribs: { ...attribs, ...(attribs.cite ? { cite: absolute(attribs.cite, baseUrl) ?? '' } : {}) },
      }),
      q: (tagName, attribs) => ({
        tagName,
        attribs: { ...attribs, ...(attribs.cite ? { cite: absolute(attribs.cite, baseUrl) ?? '' } : {}) },
      }),
      source: (tagName, attribs) => ({
        tagName,
        attribs: { ...attribs, ...(attribs.srcset ? { srcset: srcset(attribs.srcset) } : {}) },
      }),
      iframe: (tagName, attribs) => ({
        tagName,
        attribs: {
          ...attribs,
          sandbox: IFRAME_SANDBOX,
          loading: 'lazy',
          referrerpolicy: 'strict-origin-when-cross-origin',
        },
      }),
    },
    onOpenTag: (name: string) => {
      if (name === 'iframe') inFrame++;
    },
    onCloseTag: (name: string) => {
      if (name === 'iframe' && inFrame > 0) inFrame--;
    },
    textFilter: (text: string) => (inFrame > 0 ? '' : text),
    exclusiveFilter: (frame) => {
      if (inFrame > 0) return true; // an element inside an iframe (the iframe itself has closed by now)
      if (frame.tag === 'img')
        return !frame.attribs.src || isTrackingImage(frame.attribs.src, frame.attribs.width, frame.attribs.height);
      if (frame.tag === 'iframe') return !frame.attribs.src;
      return false;
    },
  } as sanitizeHtml.IOptions);
  return tidy(out, opts.leadImageUrl);
}

/** Removes empty blocks and a leading copy of the lead image. Input is sanitised output (shallow, safe). */
function tidy(html: string, leadImageUrl: string | undefined): string {
  if (!html.trim()) return '';
  const doc = parseDocument(html, { withStartIndices: true, withEndIndices: true });
  const removed: Element[] = [];
  doc.children = dropEmpty(doc.children, removed);
  if (leadImageUrl) dropLeadingImage(doc.children, leadImageUrl, removed);
  if (!removed.length) return html.trim();
  // Cut the removed elements' ranges out of the sanitiser's text (nested ranges fall inside their parents').
  const ranges = removed.map((el) => [el.startIndex!, rangeEnd(html, el)] as const).sort((a, b) => a[0] - b[0]);
  const kept: string[] = [];
  let pos = 0;
  for (const [from, to] of ranges) {
    if (to <= pos) continue;
    if (from > pos) kept.push(html.slice(pos, from));
    pos = Math.max(pos, to);
  }
  kept.push(html.slice(pos));
  return kept.join('').trim();
}

const text = (node: AnyNode) => (node as unknown as { data: string }).data;

/**
 * Where an element's text ends. Closed by its own end tag (or a stray end tag the parser made an element of):
 * the parser's end. Closed by implication (the sanitiser can write `<p><p>x</p></p>` when it drops an
 * element between two paragraphs), the parser's end lies inside the next element: the element then ends
 * with its last child, or with its own opening tag (attribute values never hold a raw `>` after the
 * sanitiser). The stray end tag left behind is an element of its own, removed as empty.
 */
function rangeEnd(html: string, el: Element): number {
  const end = el.endIndex! + 1;
  const closer = `</${el.name}>`;
  if (html.slice(el.startIndex!, el.startIndex! + 2) === '</') return end;
  if (html.slice(end - closer.length, end).toLowerCase() === closer) return end;
  const last = el.children.at(-1);
  return last?.endIndex != null ? last.endIndex + 1 : html.indexOf('>', el.startIndex!) + 1;
}

function isEmpty(node: AnyNode): boolean {
  if (node.type === 'text') return !text(node).replace(/[\s\u00a0]+/g, '');
  if (!isTag(node)) return true;
  if (MEDIA.has(node.name)) return false;
  return node.children.every(isEmpty);
}

const DROPPABLE = new Set([
  'p',
  'div',
  'span',
  'figure',
  'figcaption',
  'blockquote',
  'li',
  'ul',
  'ol',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'a',
  'strong',
  'em',
  'b',
  'i',
  'picture',
]);

/**
 * Marks empty elements for removal, innermost first, and takes them out of their parent's children in one
 * pass per parent (removing them one by one cost O(siblings) each). The tree is the sanitiser's, at most its
 * nesting limit deep.
 */
function dropEmpty(nodes: AnyNode[], removed: Element[]): AnyNode[] {
  let kept: AnyNode[] | null = null;
  for (const [i, node] of nodes.entries()) {
    if (isTag(node)) {
      node.children = dropEmpty(node.children, removed);
      if (DROPPABLE.has(node.name) && isEmpty(node)) {
        removed.push(node);
        kept ??= nodes.slice(0, i);
        continue;
      }
    }
    kept?.push(node);
  }
  return kept ?? nodes;
}

/** The first element of the body, if it is (a wrapper around) the lead image, is removed. */
function dropLeadingImage(nodes: AnyNode[], leadImageUrl: string, removed: Element[]): void {
  const first = nodes.find((n) => !(n.type === 'text' && !text(n).trim()));
  if (!first || !isTag(first)) return;
  const imgs: Element[] = [];
  const walk = (el: Element): boolean => {
    if (el.name === 'img') imgs.push(el);
    else if (el.name === 'figcaption' || el.name === 'source') return true;
    else if (!['figure', 'picture', 'p', 'div', 'a', 'span'].includes(el.name)) return false;
    return el.children.every((c) =>
      isTag(c) ? walk(c) : c.type !== 'text' || !text(c).trim() || el.name === 'figcaption',
    );
  };
  if (!walk(first) || imgs.length !== 1) return;
  if (sameImage(getAttributeValue(imgs[0]!, 'src') ?? '', leadImageUrl)) removed.push(first);
}
