// One feed item → one article, in a fixed order (sanitise last):
// canonical URL → identity → title → dates → authors → body (feed, or full
// text from the page) → lead image → words and reading time → sanitise.
import type { ParsedItem } from '../parse/types.ts';
import { authorNames } from './authors.ts';
import { canonicalUrl } from './canonical-url.ts';
import { articleDates } from './dates.ts';
import { extractArticle, type Extracted } from './extract.ts';
import { chooseLeadImage, splitCredit } from './lead-image.ts';
import { sanitizeArticleHtml } from './sanitize.ts';
import { countWords, htmlToText, plainLine, readingMinutes, standfirstOf } from './text.ts';
import type { ProcessContext, ProcessedArticle } from './types.ts';

/** Below this many words of body, a feed is taken to carry only a summary ('auto' mode extracts). */
export const SUMMARY_ONLY_WORDS = 150;

export async function processItem(item: ParsedItem, ctx: ProcessContext): Promise<ProcessedArticle | { skipped: string }> {
  // 1. Where the article lives, and what it is called.
  const base = item.baseUrl ?? ctx.feedUrl;
  const url = canonicalUrl(item.link, base) ?? (item.idIsPermalink !== false ? canonicalUrl(item.id, base) : undefined);
  const feedTitle = plainLine(item.title);
  if (!url && !item.id && !feedTitle) return { skipped: 'item has no link, id or title' };
  if (!url) return { skipped: 'item has no usable http(s) link' };
  const guid = item.id?.trim() || url;

  // 2. Dates and people.
  const { publishedAt, updatedAt } = articleDates(item.published, item.updated, ctx.now);
  let authors = authorNames(item.authors);

  // 3. The body: the feed's own, or the full text from the page when the feed has only a summary.
  const feedBody = item.content ?? item.summary ?? '';
  const feedWords = countWords(htmlToText(feedBody));
  const wantPage = ctx.fullText === 'always' || (ctx.fullText === 'auto' && feedWords < SUMMARY_ONLY_WORDS);
  let extracted: Extracted | null = null;
  if (ctx.fetchPage && (wantPage || !hasImage(item, feedBody))) {
    // The page is also where og:image lives when the feed carries no image.
    const page = await ctx.fetchPage(url).catch(() => null);
    if (page) extracted = safeExtract(page.html, page.url);
  }
  const useExtracted = wantPage && extracted !== null && countWords(extracted.text) > feedWords;
  const bodySource: ProcessedArticle['bodySource'] = useExtracted ? 'extracted' : item.content ? 'feed' : 'summary';
  const rawBody = useExtracted ? extracted!.html : feedBody;
  if (!authors.length && useExtracted && extracted!.byline) authors = authorNames([{ name: extracted!.byline }]);

  // 4. Title and standfirst are plain text.
  const title = feedTitle || plainLine(extracted?.title) || standfirstOf(htmlToText(rawBody), 12) || url;
  const summaryText = item.summary && item.content ? htmlToText(item.summary) : '';

  // 5. Lead image with caption and credit.
  let image = chooseLeadImage(item.media.filter((m) => canonicalUrl(m.url, url)), rawBody, extracted?.leadImage);
  if (image) {
    const imageUrl = canonicalUrl(image.url, url);
    if (!imageUrl) image = null; // only http(s) images
    else {
      image.url = imageUrl;
      if (image.caption) Object.assign(image, mergeCredit(image.caption, image.credit));
    }
  }

  // 6. Sanitise last: nothing after this step adds markup.
  let bodyHtml = sanitizeArticleHtml(rawBody, url);
  if (image) bodyHtml = dropLeadingDuplicate(bodyHtml, image.url);
  const bodyText = htmlToText(bodyHtml);
  const wordCount = countWords(bodyText);
  const standfirst = standfirstOf(summaryText || plainLine(extracted?.excerpt) || firstParagraph(bodyText));

  return {
    guid,
    url,
    title: title.slice(0, 500),
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

function safeExtract(html: string, url: string): Extracted | null {
  try {
    return extractArticle(html, url);
  } catch {
    return null; // a page we cannot read leaves the feed's summary in place
  }
}

function hasImage(item: ParsedItem, body: string): boolean {
  return item.media.length > 0 || /<img\s/i.test(body);
}

function mergeCredit(caption: string, credit: string | undefined): { caption?: string; credit?: string } {
  if (credit) return { caption: plainLine(caption) || undefined, credit: plainLine(credit) };
  return splitCredit(caption);
}

function firstParagraph(text: string): string {
  return text.split(/\n\n/).find((p) => p.trim().length > 40) ?? text;
}

/** The lead image is shown above the body; drop it from the body's first figure so it does not appear twice. */
function dropLeadingDuplicate(html: string, imageUrl: string): string {
  const m = /^\s*(?:<figure>\s*(?:<picture>[\s\S]*?<\/picture>|<img[^>]*>)[\s\S]*?<\/figure>|<p>\s*<img[^>]*>\s*<\/p>|<img[^>]*>)/.exec(html);
  if (!m) return html;
  const src = /src="([^"]+)"/.exec(m[0])?.[1]?.replace(/&amp;/g, '&');
  return src && sameImage(src, imageUrl) ? html.slice(m[0].length).trimStart() : html;
}

function sameImage(a: string, b: string): boolean {
  const strip = (u: string) => u.replace(/[?#].*$/, '').replace(/-\d+x\d+(?=\.\w+$)/, '');
  return strip(a) === strip(b);
}
