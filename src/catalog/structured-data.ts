// schema.org NewsArticle for an article page (search engines' structured
// data), built in one place: our reader pages and the demo publishers' pages
// both use it. A premium article says which part is not free.
export interface NewsArticleFacts {
  headline: string;
  description: string;
  publishedAt: number;
  updatedAt?: number | null;
  authors: string[];
  publisher: { name: string; url?: string | null };
  image?: string | null;
  url: string;
  /** undefined: say nothing of access (a publisher's own page); true/false: free, or premium with the body marked. */
  free?: boolean;
  /** The CSS selector of the paywalled part, for a premium article. */
  paywalled?: string;
}

export function newsArticle(f: NewsArticleFacts): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: f.headline,
    description: f.description,
    datePublished: new Date(f.publishedAt).toISOString(),
    ...(f.updatedAt ? { dateModified: new Date(f.updatedAt).toISOString() } : {}),
    author: f.authors.map((name) => ({ '@type': 'Person', name })),
    publisher: {
      '@type': 'Organization',
      name: f.publisher.name,
      ...(f.publisher.url ? { url: f.publisher.url } : {}),
    },
    ...(f.image ? { image: [f.image] } : {}),
    mainEntityOfPage: f.url,
    ...(f.free === undefined ? {} : { isAccessibleForFree: f.free }),
    ...(f.free === false
      ? { hasPart: { '@type': 'WebPageElement', isAccessibleForFree: false, cssSelector: f.paywalled ?? '.body' } }
      : {}),
  };
}

/** JSON for a <script type="application/ld+json"> element: nothing in it can close the element or open markup. */
export function jsonLdText(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}
