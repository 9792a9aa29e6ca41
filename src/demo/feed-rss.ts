// RSS 2.0 with the modules real publishers use: content:encoded for the full
// body (unless the title publishes summaries only), dc:creator for bylines,
// and media:content carrying the lead picture's caption and credit.
import { cdata, escapeXml as x } from './escape.ts';
import { feedUpdated, type FeedContext } from './feed-context.ts';
import { storyBodyHtml, type DemoStory } from './stories.ts';

function item(s: DemoStory, ctx: FeedContext): string {
  const { urls, publisher: p } = ctx;
  const link = urls.article(p.slug, s.id);
  return [
    '<item>',
    `<title>${x(s.headline)}</title>`,
    // Feed links often carry tracking parameters; the app strips them.
    `<link>${x(`${link}?utm_source=rss&utm_medium=feed`)}</link>`,
    `<guid isPermaLink="false">${x(`${p.slug}:${s.id}`)}</guid>`,
    `<pubDate>${new Date(s.publishedAt).toUTCString()}</pubDate>`,
    ...s.authors.map((a) => `<dc:creator>${x(a)}</dc:creator>`),
    `<category domain="${x(`${urls.home(p.slug)}/section`)}">${x(s.section)}</category>`,
    ...s.tags.map((t) => `<category>${x(t)}</category>`),
    `<description>${x(s.standfirst)}</description>`,
    p.summaryOnly ? '' : `<content:encoded>${cdata(storyBodyHtml(s, urls.image))}</content:encoded>`,
    `<media:content url="${x(urls.image(s.image.id))}" medium="image" type="image/svg+xml" width="${s.image.width}" height="${s.image.height}">`,
    `<media:description type="plain">${x(s.image.caption)}</media:description>`,
    `<media:credit role="photographer">${x(s.image.credit)}</media:credit>`,
    '</media:content>',
    '</item>',
  ]
    .filter(Boolean)
    .join('\n');
}

export function renderRss(ctx: FeedContext): string {
  const { publisher: p, urls } = ctx;
  return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
<title>${x(p.name)}</title>
<link>${x(urls.home(p.slug))}</link>
<atom:link rel="self" href="${x(urls.feed(p.slug))}" type="application/rss+xml"/>
<description>${x(p.description)}</description>
<language>${p.language}</language>
<lastBuildDate>${feedUpdated(ctx).toUTCString()}</lastBuildDate>
<ttl>5</ttl>
${ctx.stories.map((s) => item(s, ctx)).join('\n')}
</channel>
</rss>
`;
}
