// The built-in demo source: each fictional publisher's feed in its own format
// (RSS 2.0, Atom 1.0, JSON Feed 1.1, RSS 1.0), its article pages and its
// pictures. Pure functions of (slug, id, { baseUrl, now }); ingestion reads
// them over HTTP exactly as it reads a real publisher.
import { renderArticlePage } from './article-page.ts';
import { feedUpdated, type FeedContext } from './feed-context.ts';
import { renderAtom } from './feed-atom.ts';
import { renderJsonFeed } from './feed-json.ts';
import { renderRdf } from './feed-rdf.ts';
import { renderRss } from './feed-rss.ts';
import { renderDemoImage as drawImage } from './images.ts';
import { demoUrls } from './paths.ts';
import { demoPublisher, type DemoFormat, type DemoPublisher } from './publishers.ts';
import { findDemoImage, findDemoStory, publisherStories, type DemoStory } from './stories.ts';

export { demoArticlePath, demoFeedPath, demoHomePath, demoImagePath, demoUrls } from './paths.ts';

export const DEMO_FEED_ITEMS = 60;

export interface DemoSourceOptions {
  /** Absolute base URL of this server, e.g. http://127.0.0.1:3000 */
  baseUrl: string;
  /** The demo's "now" (epoch ms): every story is dated before it. */
  now: number;
  /** Content seed (default DEMO_SEED). */
  seed?: number;
}

export interface DemoDocument {
  contentType: string;
  body: string;
  /** For Last-Modified. */
  lastModified: Date;
}

export const FEED_CONTENT_TYPES: Record<DemoFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
  rdf: 'application/rdf+xml; charset=utf-8',
};

const RENDERERS: Record<DemoFormat, (ctx: FeedContext) => string> = {
  rss: renderRss,
  atom: renderAtom,
  json: renderJsonFeed,
  rdf: renderRdf,
};

/** Renders a feed for any publisher and stories: the seam the escaping tests use. */
export function renderFeedDocument(
  publisher: DemoPublisher,
  stories: DemoStory[],
  opts: DemoSourceOptions,
): DemoDocument {
  const ctx: FeedContext = { publisher, stories, urls: demoUrls(opts.baseUrl), now: opts.now };
  return {
    contentType: FEED_CONTENT_TYPES[publisher.format],
    body: RENDERERS[publisher.format](ctx),
    lastModified: feedUpdated(ctx),
  };
}

/** A publisher's feed (its latest 60 stories), or null for an unknown slug. */
export function renderDemoFeed(slug: string, opts: DemoSourceOptions): DemoDocument | null {
  const p = demoPublisher(slug);
  if (!p) return null;
  return renderFeedDocument(p, publisherStories(slug, opts, DEMO_FEED_ITEMS), opts);
}

/** A publisher's article page as HTML, or null. */
export function renderDemoArticlePage(slug: string, id: string, opts: DemoSourceOptions): DemoDocument | null {
  const p = demoPublisher(slug);
  const story = p && findDemoStory(slug, id, opts);
  if (!p || !story) return null;
  const latest = publisherStories(slug, opts, 30);
  return {
    contentType: 'text/html; charset=utf-8',
    body: renderArticlePage({ publisher: p, story, latest, urls: demoUrls(opts.baseUrl) }),
    lastModified: new Date(story.publishedAt),
  };
}

/** A demo picture as SVG by id (with or without ".svg"), or null if no story uses that id. */
export function renderDemoImage(id: string, seed?: number): DemoDocument | null {
  const bare = id.replace(/\.svg$/, '');
  if (!/^[a-z0-9-]{1,200}$/.test(bare) || !findDemoImage(bare, seed)) return null;
  return { contentType: 'image/svg+xml', body: drawImage(bare), lastModified: new Date(Date.UTC(2026, 0, 1)) };
}
