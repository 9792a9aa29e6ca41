// What every feed renderer gets: the publisher, its latest stories (newest
// first), absolute URLs and the moment the feed is rendered.
import type { DemoUrls } from './paths.ts';
import type { DemoPublisher } from './publishers.ts';
import type { DemoStory } from './stories.ts';

export interface FeedContext {
  publisher: DemoPublisher;
  stories: DemoStory[];
  urls: DemoUrls;
  now: number;
}

/** The feed's "last updated": its newest story, or now when it has none. */
export function feedUpdated(ctx: FeedContext): Date {
  return new Date(ctx.stories[0]?.publishedAt ?? Math.floor(ctx.now / 1000) * 1000);
}
