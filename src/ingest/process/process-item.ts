// One feed item → one article, in a fixed order, sanitising last:
// canonical URL → guid → title → dates → authors → body (the feed's own, or
// full text from the page) → lead image → caption and credit → words and
// reading time → sanitise. Only bodyHtml is HTML; every other text field is
// plain text (tags stripped, entities decoded, controls XML cannot carry removed).
//
// Bounded on hostile input: the item is held to FIELD_CAPS first (the push API
// builds items without parseFeed), markup is unwrapped past MAX_HTML_DEPTH and
// MAX_HTML_ELEMENTS, and every field of the result is within ARTICLE_CAPS.
import { ARTICLE_CAPS, capItem, clip, cut, MAX_HTML_DEPTH, MAX_HTML_ELEMENTS } from '../parse/limits.ts';
import { escapeHtml } from '../../analysis/markup.ts';
import type { ParsedItem } from '../parse/types.ts';
import { authorNames } from './authors.ts';
import { canonicalUrl } from './canonical-url.ts';
import { articleDates } from './dates.ts';
import { extractArticle, type Extracted } from './extract.ts';
import { limitMarkup } from './html-limits.ts';
import { chooseLeadImage } from './lead-image.ts';
import { sanitizeArticleHtml } from './sanitize.ts';
import { countWords, htmlToText, plainLine, readingMinutes, standfirstOf, stripControls } from './text.ts';
import type { ProcessContext, ProcessedArticle, ProcessedItem } from './types.ts';

/**
 * In 'auto' mode a feed whose body (content, else summary) has fewer words than
 * this is taken to carry only a teaser, and the page is fetched for the full text.
 * 150 words is about two short paragraphs: more than any teaser we have seen, less
 * than nearly any real article. The extracted text replaces the feed's only when
 * it is longer.
 */
export const SUMMARY_ONLY_WORDS = 150;

/** A canonical URL, unless percent-encoding made it longer than we store. */
const storable = (u: string | undefined) => (u !== undefined && u.length <= ARTICLE_CAPS.url ? u : undefined);

export async function processItem(
  parsed: ParsedItem,
  ctx: ProcessContext,
): Promise<ProcessedItem | { skipped: string }> {
  const item = capItem(parsed);
  const notes: string[] = [...(item.capped ?? [])];
  // 1. Where the article lives, what identifies it, what it is called.
  const base = item.baseUrl ?? ctx.feedUrl;
  const permalinkId = item.idIsPermalink !== false ? storable(canonicalUrl(item.id, base)) : undefined;
  const link = storable(canonicalUrl(item.link, base)) ?? permalinkId;
  const feedTitle = plainLine(item.titleHtml ?? item.title);
  if (!item.link?.trim() && !item.id?.trim() && !feedTitle) return { skipped: 'item has no link, id or title' };
  if (!link) return { skipped: 'item has no usable http(s) link' };
  const url = link;
  const guid = item.id?.trim() || url;

  // 2. Dates and people.
  if (item.publishedRaw && !item.published)
    notes.push(`the published date "${clip(item.publishedRaw, 60)}" could not be read`);
  const { publishedAt, updatedAt } = articleDates(item.published, item.updated, ctx.now, notes);
  let authors = authorNames(item.authors);

  // 3. The body: the feed's own, or the page's full text when asked or when the feed has only a teaser.
  const bounded = limitMarkup(stripControls(item.content ?? item.summary ?? ''));
  const n = (k: number) => k.toLocaleString('en');
  if (bounded.deeper)
    notes.push(
      `the body's markup nests deeper than ${MAX_HTML_DEPTH} elements: ${n(bounded.deeper)} deeper ones were unwrapped (their text kept)`,
    );
  if (bounded.beyond)
    notes.push(
      `the body has more than ${n(MAX_HTML_ELEMENTS)} elements: the ${n(bounded.beyond)} after those were unwrapped (their text kept)`,
    );
  const feedBody = bounded.html;
  const feedWords = countWords(htmlToText(feedBody));
  const extracted = await fetchAndExtract(url, ctx, feedWords, item, feedBody);
  const useExtracted = extracted !== null && extracted.wanted && countWords(extracted.text) > feedWords;
  const bodySource: ProcessedArticle['bodySource'] = useExtracted ? 'extracted' : item.content ? 'feed' : 'summary';
  const rawBody = useExtracted ? stripControls(extracted.html) : feedBody;
  if (!authors.length && useExtracted && extracted.byline) authors = authorNames([{ name: extracted.byline }]);
  const title =
    feedTitle || plainLine(extracted?.title) || standfirstOf(htmlToText(rawBody, { captions: false }), 12) || url;

  // 4. Lead image, with its caption and credit (plain text).
  const image = chooseLeadImage(item.media, rawBody, extracted?.leadImage, useExtracted ? extracted.url : url);

  // 5. Sanitise last: nothing after this step adds markup.
  const bodyHtml = sanitizedBody(rawBody, useExtracted ? extracted.url : url, image?.url, notes);
  const bodyText = htmlToText(bodyHtml, { captions: false });
  const wordCount = countWords(bodyText);
  const summaryText = item.summary ? htmlToText(item.summary, { captions: false }) : '';
  const standfirst = standfirstOf(summaryText || firstParagraph(bodyText) || plainLine(extracted?.excerpt));
  const language = item.language ?? ctx.feedLanguage;

  return {
    guid,
    url,
    title: clip(title, ARTICLE_CAPS.title),
    standfirst,
    bodyHtml,
    bodyText,
    bodySource,
    authors,
    publishedAt,
    updatedAt,
    image,
    categories: [
      ...new Set(
        item.categories.map((c) => plainLine(c.label ?? c.term)).filter((c) => c && c.length <= ARTICLE_CAPS.category),
      ),
    ].slice(0, ARTICLE_CAPS.categories),
    language: language === undefined ? undefined : cut(stripControls(language), ARTICLE_CAPS.language) || undefined,
    wordCount,
    readingMinutes: readingMinutes(wordCount),
    notes,
  };
}

/**
 * The sanitised body, within ARTICLE_CAPS.bodyHtml. The sanitiser adds attributes
 * (rel and target on links, loading on images), so a body at its raw cap can come
 * out longer: then a proportionally shorter raw body is sanitised, a few times at
 * most, and as a last resort the body becomes its own text in one paragraph.
 */
function sanitizedBody(rawBody: string, base: string, leadImageUrl: string | undefined, notes: string[]): string {
  let raw = rawBody;
  let html = sanitizeArticleHtml(raw, base, { leadImageUrl });
  for (let tries = 0; html.length > ARTICLE_CAPS.bodyHtml && tries < 3; tries++) {
    raw = cut(raw, Math.floor(raw.length * (ARTICLE_CAPS.bodyHtml / html.length) * 0.9));
    html = sanitizeArticleHtml(raw, base, { leadImageUrl });
  }
  if (html.length > ARTICLE_CAPS.bodyHtml) {
    // Escaping can make text up to six times longer ("&" → "&amp;").
    const text = cut(htmlToText(html), Math.floor(ARTICLE_CAPS.bodyHtml / 6));
    html = sanitizeArticleHtml(`<p>${escapeHtml(text)}</p>`, base);
  }
  if (raw !== rawBody || html.length > ARTICLE_CAPS.bodyHtml)
    notes.push(
      `the sanitised body was longer than ${ARTICLE_CAPS.bodyHtml.toLocaleString('en')} characters, so its end was cut`,
    );
  return html;
}

type PageArticle = Extracted & { url: string; wanted: boolean };

/**
 * Fetches and reads the page when full text is wanted ('always', or 'auto' with a
 * teaser-only feed) — and, in 'auto' mode, also when the feed gives no image, for
 * the page's og:image. 'never' never fetches. A failed fetch or extraction is not
 * an error: the feed's own text stands.
 */
async function fetchAndExtract(
  url: string,
  ctx: ProcessContext,
  feedWords: number,
  item: ParsedItem,
  feedBody: string,
): Promise<PageArticle | null> {
  if (!ctx.fetchPage || ctx.fullText === 'never') return null;
  const wanted = ctx.fullText === 'always' || feedWords < SUMMARY_ONLY_WORDS;
  const needImage = item.media.length === 0 && !/<img\s/i.test(feedBody);
  if (!wanted && !needImage) return null;
  const page = await ctx.fetchPage(url).catch(() => null);
  if (!page?.html) return null;
  const article = extractArticle(page.html, page.url || url);
  return article ? { ...article, url: page.url || url, wanted } : null;
}

/** The first paragraph of eight words or more, else the first: read one at a time, not by splitting megabytes of body text. */
function firstParagraph(text: string): string {
  let first: string | undefined;
  for (let from = 0; ;) {
    const end = text.indexOf('\n\n', from);
    const p = text.slice(from, end < 0 ? text.length : end);
    if (countWords(p) >= 8) return p;
    first ??= p;
    if (end < 0) return first;
    from = end + 2;
  }
}
