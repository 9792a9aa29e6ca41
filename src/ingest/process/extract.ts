// Full text from an article page: Mozilla's Readability over a linkedom DOM.
//
// Guards, because the page comes from someone else's server: the input is cut
// at MAX_HTML characters (cut, not refused); script, style and comments are
// dropped before parsing (most of the DOM cost, none of the text); and a
// linear replay of htmlparser2's tokenizer (html-limits.ts) refuses pages with
// more than MAX_ELEMENTS elements or nesting deeper than MAX_DEPTH before any
// DOM is built. Readability's cost grows much faster than linearly with depth,
// and so does htmlparser2's own; real article pages stay far inside both limits
// (the extraction corpus's largest, docs/decisions/0003-ingest-pipeline.md).
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { htmlShape } from './html-limits.ts';
import { htmlToText } from './text.ts';

export interface Extracted {
  html: string;
  text: string;
  title?: string;
  byline?: string;
  excerpt?: string;
  /** og:image / twitter:image of the page, absolute. */
  leadImage?: string;
  siteName?: string;
  /** Time spent extracting, milliseconds. */
  ms: number;
}

export const MAX_HTML = 3 * 1024 * 1024;
export const MAX_ELEMENTS = 30_000;
export const MAX_DEPTH = 250;

/** Why a page is too costly to build a DOM for, or undefined when it is fine. Linear, stops early. */
export function tooComplex(html: string): string | undefined {
  // Depth as htmlparser2 (and so linkedom) will nest it: unclosed <p> and <li> close themselves,
  // a stray </i> closes nothing. A count of tags could be fooled both ways.
  const shape = htmlShape(html, { maxDepth: MAX_DEPTH, maxElements: MAX_ELEMENTS });
  if (shape.elements > MAX_ELEMENTS) return `more than ${MAX_ELEMENTS} elements`;
  if (shape.depth > MAX_DEPTH) return `nested deeper than ${MAX_DEPTH}`;
  return undefined;
}

/**
 * `html` without the elements from each `open` match to the next `close` match
 * (to the end when there is none, as a browser reads an unclosed <script>).
 * Found with indexOf-like searches that each start where the last one ended:
 * the lazy /<script\b[\s\S]*?<\/script\s*>/ rescanned the rest of the page from every "<script".
 */
function without(html: string, open: RegExp, close: RegExp): string {
  let out = '';
  let from = 0;
  open.lastIndex = 0;
  for (let m = open.exec(html); m; m = open.exec(html)) {
    out += html.slice(from, m.index);
    close.lastIndex = open.lastIndex;
    const end = close.exec(html);
    if (!end) return out;
    from = open.lastIndex = close.lastIndex;
  }
  return out + html.slice(from);
}

function meta(document: Document, names: string[]): string | undefined {
  for (const n of names) {
    const el = document.querySelector(`meta[property="${n}"], meta[name="${n}"]`);
    const v = el?.getAttribute('content')?.trim();
    if (v) return v;
  }
  return undefined;
}

function absolute(u: string | undefined, base: string): string | undefined {
  if (!u) return undefined;
  try {
    const abs = new URL(u, base);
    return abs.protocol === 'http:' || abs.protocol === 'https:' ? abs.href : undefined;
  } catch {
    return undefined;
  }
}

/** The article in a page, or null when there is none we can find (or the page is too costly to read). */
export function extractArticle(rawHtml: string, url: string): Extracted | null {
  try {
    return readArticle(rawHtml, url);
  } catch {
    return null; // linkedom and Readability throw on some malformed documents
  }
}

function readArticle(rawHtml: string, url: string): Extracted | null {
  const started = performance.now();
  let html = rawHtml.slice(0, MAX_HTML);
  html = without(html, /<script\b/gi, /<\/script\s*>/gi);
  html = without(html, /<style\b/gi, /<\/style\s*>/gi);
  html = without(html, /<!--/g, /-->/g);
  if (tooComplex(html)) return null;
  const { document } = parseHTML(html) as unknown as { document: Document };
  const leadImage = absolute(
    meta(document, ['og:image', 'og:image:url', 'og:image:secure_url', 'twitter:image', 'twitter:image:src']),
    url,
  );
  const siteName = meta(document, ['og:site_name']);
  // Readability resolves relative links against the document's base.
  if (!document.querySelector('base')) {
    const base = document.createElement('base');
    base.setAttribute('href', url);
    document.head?.appendChild(base);
  }
  const article = new Readability(document, {
    charThreshold: 300,
    keepClasses: false,
    maxElemsToParse: MAX_ELEMENTS,
  }).parse();
  if (!article?.content) return null;
  // From the HTML rather than Readability's textContent, which glues the last word of
  // one paragraph to the first of the next ("end.Next" is fine, "end</p><p>Next" is not).
  // Captions are left out: prose only (as in the benchmark's ground truth).
  const text = htmlToText(article.content, { captions: false });
  if (!text) return null;
  return {
    html: article.content,
    text,
    title: article.title ?? undefined,
    byline: article.byline ?? undefined,
    excerpt: article.excerpt ?? undefined,
    leadImage,
    siteName: siteName ?? article.siteName ?? undefined,
    ms: performance.now() - started,
  };
}
