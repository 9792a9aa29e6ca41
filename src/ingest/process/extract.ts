// Full text from an article page: Mozilla's Readability over a linkedom DOM.
// Pages are capped in size (a page beyond the cap is cut, not refused) and
// script/style are dropped before parsing, which is most of the DOM cost.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

export interface Extracted {
  html: string;
  text: string;
  title?: string;
  byline?: string;
  excerpt?: string;
  /** og:image / twitter:image of the page, absolute. */
  leadImage?: string;
  siteName?: string;
}

const MAX_HTML = 3 * 1024 * 1024;

function meta(document: Document, names: string[]): string | undefined {
  for (const n of names) {
    const el = document.querySelector(`meta[property="${n}"], meta[name="${n}"]`);
    const v = el?.getAttribute('content')?.trim();
    if (v) return v;
  }
  return undefined;
}

export function extractArticle(rawHtml: string, url: string): Extracted | null {
  const html = rawHtml
    .slice(0, MAX_HTML)
    .replace(/<script\b[\s\S]*?<\/script\s*>/gi, '')
    .replace(/<style\b[\s\S]*?<\/style\s*>/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '');
  const { document } = parseHTML(html);
  const absolute = (u: string | undefined) => {
    if (!u) return undefined;
    try {
      return new URL(u, url).href;
    } catch {
      return undefined;
    }
  };
  const leadImage = absolute(meta(document as unknown as Document, ['og:image', 'og:image:url', 'twitter:image', 'twitter:image:src']));
  const siteName = meta(document as unknown as Document, ['og:site_name']);
  // Readability resolves relative links against the document's base.
  if (!document.querySelector('base')) {
    const base = document.createElement('base');
    base.setAttribute('href', url);
    document.head?.appendChild(base);
  }
  let article: ReturnType<Readability['parse']>;
  try {
    article = new Readability(document as unknown as Document, { charThreshold: 300, keepClasses: false }).parse();
  } catch {
    return null;
  }
  if (!article?.content) return null;
  return {
    html: article.content,
    text: (article.textContent ?? '').replace(/\s+\n/g, '\n').trim(),
    title: article.title ?? undefined,
    byline: article.byline ?? undefined,
    excerpt: article.excerpt ?? undefined,
    leadImage,
    siteName: siteName ?? article.siteName ?? undefined,
  };
}
