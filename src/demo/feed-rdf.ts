// RSS 1.0 (RDF): the channel lists its items in an rdf:Seq; Dublin Core
// carries dates, bylines and subjects; the body (lead picture first) goes in
// content:encoded.
import { cdata, escapeXml as x } from './escape.ts';
import type { FeedContext } from './feed-context.ts';
import { storyBodyHtml, type DemoStory } from './stories.ts';

function item(s: DemoStory, ctx: FeedContext): string {
  const link = x(ctx.urls.article(ctx.publisher.slug, s.id));
  return [
    `<item rdf:about="${link}">`,
    `<title>${x(s.headline)}</title>`,
    `<link>${link}</link>`,
    `<description>${x(s.standfirst)}</description>`,
    `<dc:date>${new Date(s.publishedAt).toISOString()}</dc:date>`,
    ...s.authors.map((a) => `<dc:creator>${x(a)}</dc:creator>`),
    ...[s.section, ...s.tags].map((t) => `<dc:subject>${x(t)}</dc:subject>`),
    `<content:encoded>${cdata(storyBodyHtml(s, ctx.urls.image, true))}</content:encoded>`,
    '</item>',
  ].join('\n');
}

export function renderRdf(ctx: FeedContext): string {
  const { publisher: p, urls } = ctx;
  return `<?xml version="1.0" encoding="utf-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel rdf:about="${x(urls.feed(p.slug))}">
<title>${x(p.name)}</title>
<link>${x(urls.home(p.slug))}</link>
<description>${x(p.description)}</description>
<dc:language>${p.language}</dc:language>
<items><rdf:Seq>
${ctx.stories.map((s) => `<rdf:li rdf:resource="${x(urls.article(p.slug, s.id))}"/>`).join('\n')}
</rdf:Seq></items>
</channel>
${ctx.stories.map((s) => item(s, ctx)).join('\n')}
</rdf:RDF>
`;
}
