// One feed item → one article, in a fixed order, sanitising last:
// canonical URL → guid → title → dates → authors → body (the feed's own, or
// full text from the page) → lead image → caption and credit → words and
// reading time → sanitise. Only bodyHtml is HTML; every other text field is
// plain text (tags stripped, entities decoded).
import type { ParsedItem } from '../parse/types.ts';
import { authorNames } from './authors.ts';
import { canonicalUrl } from './canonical-url.ts';
import { articleDates } from './dates.ts';
import { extractArticle, type Extracted } from './extract.ts';
import { chooseLeadImage } from './lead-image.ts';
import { sanitizeArticleHtml } from './sanitize.ts';
import { countWords, htmlToText, plainLine, readingMinutes, standfirstOf } from './text.ts';
import type { ProcessContext, ProcessedArticle } from './types.ts';

/**
 * In 'auto' mode a feed whose body (content, else summary) has fewer words than
 * this is taken to carry only a teaser, and the page is fetched for the full text.
 * 150 words is about two short paragraphs: more than any teaser we have seen, less
 * than nearly any real article. The extracted text replaces the feed's only when
 * it is longer.
 */
export const SUMMARY_ONLY_WORDS = 150;
export const MAX_TITLE_CHARS = 500;

export async function processItem(item: ParsedItem, ctx: ProcessContext): Promise<ProcessedArticle | { skipped: string }> {
  // 1. Where the article lives, what identifies it, what it is called.
  const base = item.baseUrl ?? ctx.feedUrl;
  const permalinkId = item.idIsPermalink !== false ? canonicalUrl(item.id, base) : undefined;
  const link = canonicalUrl(item.link, base) ?? permalinkId;
  const feedTitle = plainLine(item.titleHtml ?? item.title);
  if (!item.link?.trim() && !item.id?.trim() && !feedTitle) return { skipped: 'item has no link, id or title' };
  if (!link) return { skipped: 'item has no usable http(s) link' };
  const url = link;
  const guid = item.id?.trim() || url;

  // 2. Dates and people.
  const { publishedAt, updatedAt } = articleDates(item.published, item.updated, ctx.now);
  let authors = authorNames(item.authors);

  // 3. The body: the feed's own, or the page's full text when asked or when the feed has only a teaser.
  const feedBody = item.content ?? item.summary ?? '';
  const feedWords = countWords(htmlToText(feedBody));
  const extracted = await fetchAndExtract(url, ctx, feedWords, item, feedBody);
  const useExtracted = extracted !== null && extracted.wanted && countWords(extracted.text) > feedWords;
  const bodySource: ProcessedArticle['bodySource'] = useExtracted ? 'extracted' : item.content ? 'feed' : 'summary';
  const rawBody = useExtracted ? extracted.html : feedBody;
  if (!authors.length && useExtracted && extracted.byline) authors = authorNames([{ name: extracted.byline }]);
  const title = feedTitle || plainLine(extracted?.title) || standfirstOf(htmlToText(rawBody, { captions: false }), 12) || url;

  // 4. Lead image, with its caption and credit (plain text).
  const image = chooseLeadImage(item.media, rawBody, extracted?.leadImage, useExtracted ? extracted.url : url);

  // 5. Sanitise last: nothing after this step adds markup.
  const bodyHtml = sanitizeArticleHtml(rawBody, useExtracted ? extracted.url : url, { leadImageUrl: image?.url });
  const bodyText = htmlToText(bodyHtml, { captions: false });
  const wordCount = countWords(bodyText);
  const summaryText = item.summary ? htmlToText(item.summary, { captions: false }) : '';
  const standfirst = standfirstOf(summaryText || firstParagraph(bodyText) || plainLine(extracted?.excerpt));

  return {
    guid,
    url,
    title: title.slice(0, MAX_TITLE_CHARS),
    standfirst,
    bodyHtml,
    bodyText,
    bodySource,
    authors,
    publishedAt,
    updatedAt,
    image,
    categories: [...new Set(item.categories.map((c) => plainLine(c.label ?? c.term)).filter((c) => c && c.length <= 80))].slice(0, 20),
    language: item.language ?? ctx.feedLanguage,
    wordCount,
    readingMinutes: readingMinutes(wordCount),
  };
}

type PageArticle = Extracted & { url: string; wanted: boolean };

/**
 * Fetches and reads the page when full text is wanted ('always', or 'auto' with a
 * teaser-only feed) — and, in 'auto' mode, also when the feed gives no image, for
 * the page's og:image. 'never' never fetches. A failed fetch or extraction is not
 * an error: the feed's own text stands.
 */
async function fetchAndExtract(url: string, ctx: ProcessContext, feedWords: number, item: ParsedItem, feedBody: string): Promise<PageArticle | null> {
  if (!ctx.fetchPage || ctx.fullText === 'never') return null;
  const wanted = ctx.fullText === 'always' || feedWords < SUMMARY_ONLY_WORDS;
  const needImage = item.media.length === 0 && !/<img\s/i.test(feedBody);
  if (!wanted && !needImage) return null;
  const page = await ctx.fetchPage(url).catch(() => null);
  if (!page?.html) return null;
  const article = extractArticle(page.html, page.url || url);
  return article ? { ...article, url: page.url || url, wanted } : null;
}

function firstParagraph(text: string): string {
  return text.split(/\n\n/).find((p) => countWords(p) >= 8) ?? text.split(/\n\n/)[0] ?? '';
}
