// The allowlist every piece of publisher HTML passes through before it is
// stored: structure and images stay; scripts, styles, event handlers,
// dangerous URLs, forms, embeds and tracking pixels go; iframes only from
// known video hosts, sandboxed. Links become absolute and open safely.
import sanitizeHtml from 'sanitize-html';

const VIDEO_HOSTS = ['www.youtube.com', 'youtube.com', 'www.youtube-nocookie.com', 'youtube-nocookie.com', 'player.vimeo.com', 'www.dailymotion.com', 'dailymotion.com'];
const TRACKER_HOSTS = /(^|\.)(feeds\.feedburner\.com|feedproxy\.google\.com|pixel\.wp\.com|stats\.wp\.com|doubleclick\.net|google-analytics\.com|googletagmanager\.com|scorecardresearch\.com|quantserve\.com|facebook\.com\/tr|pixel\.quantserve\.com|analytics\.|stats\.|beacon\.|tracking\.|track\.)/i;

function absolute(url: string | undefined, base: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url.trim(), base);
    return u.protocol === 'http:' || u.protocol === 'https:' || u.protocol === 'mailto:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

function isTrackingPixel(attribs: Record<string, string>, base?: string): boolean {
  const w = Number(attribs.width);
  const h = Number(attribs.height);
  if ((w > 0 && w <= 2) || (h > 0 && h <= 2)) return true;
  const src = absolute(attribs.src, base);
  if (!src) return true;
  const u = new URL(src);
  return TRACKER_HOSTS.test(u.hostname + u.pathname) || /\/(pixel|beacon|track|spacer|blank)\.(gif|png)/i.test(u.pathname) || /feedburner\.com\/~r\//.test(src);
}

export function sanitizeArticleHtml(html: string, baseUrl?: string): string {
  if (!html) return '';
  const srcset = (v: string) =>
    v
      .split(',')
      .map((part) => {
        const [u, d] = part.trim().split(/\s+/);
        const abs = absolute(u, baseUrl);
        return abs ? `${abs}${d ? ` ${d}` : ''}` : null;
      })
      .filter(Boolean)
      .join(', ');

  const out = sanitizeHtml(html, {
    allowedTags: ['p', 'a', 'em', 'strong', 'b', 'i', 'u', 's', 'small', 'mark', 'blockquote', 'q', 'cite', 'ul', 'ol', 'li', 'h2', 'h3', 'h4', 'h5', 'h6', 'figure', 'figcaption', 'img', 'picture', 'source', 'br', 'hr', 'pre', 'code', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'caption', 'sup', 'sub', 'abbr', 'time', 'dl', 'dt', 'dd', 'iframe', 'del', 'ins', 'span', 'div', 'aside'],
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
      ol: ['start', 'reversed'],
      blockquote: ['cite'],
      q: ['cite'],
    },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesByTag: { img: ['http', 'https'], iframe: ['https'] },
    allowProtocolRelative: false,
    allowedIframeHostnames: VIDEO_HOSTS,
    nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'template', 'title', 'head', 'form', 'button', 'select', 'object', 'embed', 'svg', 'math', 'canvas', 'audio', 'video'],
    disallowedTagsMode: 'discard',
    nestingLimit: 64,
    transformTags: {
      h1: 'h2',
      a: (tagName, attribs) => {
        const href = absolute(attribs.href, baseUrl);
        const external = href && baseUrl ? new URL(href).host !== safeHost(baseUrl) : true;
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
        const src = absolute(attribs.src ?? attribs['data-src'] ?? attribs['data-lazy-src'], baseUrl);
        return {
          tagName,
          attribs: {
            ...attribs,
            ...(src ? { src } : {}),
            ...(attribs.srcset ? { srcset: srcset(attribs.srcset) } : {}),
            loading: 'lazy',
            decoding: 'async',
          },
        };
      },
      source: (tagName, attribs) => ({ tagName, attribs: { ...attribs, ...(attribs.srcset ? { srcset: srcset(attribs.srcset) } : {}) } }),
      iframe: (tagName, attribs) => ({
        tagName,
        attribs: { ...attribs, sandbox: 'allow-scripts allow-same-origin allow-presentation', loading: 'lazy', referrerpolicy: 'strict-origin-when-cross-origin' },
      }),
    },
    exclusiveFilter: (frame) => {
      if (frame.tag === 'img') return !frame.attribs.src || isTrackingPixel(frame.attribs, baseUrl);
      if (frame.tag === 'iframe') return !frame.attribs.src;
      if (frame.tag === 'p' || frame.tag === 'div' || frame.tag === 'span' || frame.tag === 'figure') return !frame.text.trim() && !frame.mediaChildren.length && !/<(img|iframe|picture)/.test(frame.text);
      return false;
    },
  } as sanitizeHtml.IOptions);
  return out.trim();
}

function safeHost(url: string): string | undefined {
  try {
    return new URL(url).host;
  } catch {
    return undefined;
  }
}
