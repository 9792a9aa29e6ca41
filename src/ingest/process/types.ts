// What the processing pipeline makes of one feed item: a normalised, sanitised
// article ready to be stored. Every HTML field here is already sanitised.

export type FullTextMode = 'auto' | 'always' | 'never';

export interface LeadImage {
  url: string;
  caption?: string;
  credit?: string;
  width?: number;
  height?: number;
}

export interface ProcessedArticle {
  /** Stable identity within the feed: the item's id/guid, else its canonical URL. */
  guid: string;
  /** Canonical URL: absolute, tracking parameters removed, fragment dropped. */
  url: string;
  title: string;
  /** Plain-text standfirst (summary), at most ~60 words. */
  standfirst: string;
  /** Sanitised body HTML. Empty when nothing but a summary exists and extraction was not possible. */
  bodyHtml: string;
  /** Plain text of the body, for search, similarity and word counts. */
  bodyText: string;
  /** Where the body came from. */
  bodySource: 'feed' | 'extracted' | 'summary';
  authors: string[];
  /** Epoch ms. Never later than now plus a small skew. */
  publishedAt: number;
  updatedAt: number | null;
  image: LeadImage | null;
  categories: string[];
  language?: string;
  wordCount: number;
  readingMinutes: number;
}

/**
 * What processItem makes of an item: the article, and notes for the operator on
 * where it differs from what the feed said (a date replaced by the fetch time, a
 * field cut to its cap, markup unwrapped). Notes are shown by `feeds check`, never to readers.
 */
export interface ProcessedItem extends ProcessedArticle {
  notes: string[];
}

export interface PageFetchResult {
  url: string;
  html: string;
}

export interface ProcessContext {
  /** Feed URL (base for relative links when the item gives none). */
  feedUrl: string;
  feedLanguage?: string;
  fullText: FullTextMode;
  /** Clock, injectable for tests. */
  now: number;
  /** Fetches an article page (HTML) for full-text extraction and og:image; absent = never fetch. */
  fetchPage?: (url: string) => Promise<PageFetchResult | null>;
}
