// JSON Feed 1.1. The format has no field for a picture's caption or credit,
// so the lead picture opens content_html as a <figure> with its caption, and
// an "_media" extension object carries them as data too.
import type { FeedContext } from './feed-context.ts';
import { storyBodyHtml } from './stories.ts';

export function renderJsonFeed(ctx: FeedContext): string {
  const { publisher: p, urls } = ctx;
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: p.name,
    home_page_url: urls.home(p.slug),
    feed_url: urls.feed(p.slug),
    description: p.description,
    language: p.language,
    authors: [{ name: p.name, url: p.homepage }],
    items: ctx.stories.map((s) => ({
      id: `${p.slug}:${s.id}`,
      url: urls.article(p.slug, s.id),
      title: s.headline,
      summary: s.standfirst,
      content_html: storyBodyHtml(s, urls.image, true),
      image: urls.image(s.image.id),
      date_published: new Date(s.publishedAt).toISOString(),
      authors: s.authors.map((name) => ({ name })),
      tags: [s.section, ...s.tags],
      _media: { caption: s.image.caption, credit: s.image.credit },
    })),
  };
  return JSON.stringify(feed, null, 1);
}
