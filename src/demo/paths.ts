// Where the demo source lives on this server. Paths are relative to the
// server root; the *Url helpers make them absolute under a base URL.

export const DEMO_SOURCE_PREFIX = '/demo/source';

export const demoFeedPath = (slug: string) => `${DEMO_SOURCE_PREFIX}/${slug}/feed`;
export const demoHomePath = (slug: string) => `${DEMO_SOURCE_PREFIX}/${slug}`;
export const demoArticlePath = (slug: string, id: string) => `${DEMO_SOURCE_PREFIX}/${slug}/articles/${id}`;
export const demoImagePath = (id: string) => `${DEMO_SOURCE_PREFIX}/images/${id}.svg`;

export interface DemoUrls {
  feed: (slug: string) => string;
  home: (slug: string) => string;
  article: (slug: string, id: string) => string;
  image: (id: string) => string;
}

export function demoUrls(baseUrl: string): DemoUrls {
  const b = baseUrl.replace(/\/+$/, '');
  return {
    feed: (slug) => b + demoFeedPath(slug),
    home: (slug) => b + demoHomePath(slug),
    article: (slug, id) => b + demoArticlePath(slug, id),
    image: (id) => b + demoImagePath(id),
  };
}
