// Atom 1.0: HTML content escaped as text (type="html"), one <author> per
// byline, categories, and the lead picture as a Media RSS extension.
import { escapeXml as x } from './escape.ts';
import { feedUpdated, type FeedContext } from './feed-context.ts';
import { storyBodyHtml, type DemoStory } from './stories.ts';

function entry(s: DemoStory, ctx: FeedContext): string {
  const { urls, publisher: p } = ctx;
  const when = new Date(s.publishedAt).toISOString();
  return [
    '<entry>',
    `<id>${x(`tag:${p.slug}.example,2026:${s.id}`)}</id>`,
    `<title type="text">${x(s.headline)}</title>`,
    `<link rel="alternate" type="text/html" href="${x(urls.article(p.slug, s.id))}"/>`,
    `<published>${when}</published>`,
    `<updated>${when}</updated>`,
    ...s.authors.map((a) => `<author><name>${x(a)}</name></author>`),
    `<category term="${x(s.section)}" label="${x(s.section)}"/>`,
    ...s.tags.map((t) => `<category term="${x(t)}"/>`),
    `<summary type="text">${x(s.standfirst)}</summary>`,
    `<content type="html">${x(storyBodyHtml(s, urls.image))}</content>`,
    `<media:content url="${x(urls.image(s.image.id))}" medium="image" type="image/svg+xml" width="${s.image.width}" height="${s.image.height}">`,
    `<media:description>${x(s.image.caption)}</media:description>`,
    `<media:credit>${x(s.image.credit)}</media:credit>`,
    '</media:content>',
    '</entry>',
  ].join('\n');
}

export function renderAtom(ctx: FeedContext): string {
  const { publisher: p, urls } = ctx;
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/" xml:lang="${p.language}">
<id>${x(`tag:${p.slug}.example,2026:feed`)}</id>
<title>${x(p.name)}</title>
<subtitle>${x(p.description)}</subtitle>
<link rel="alternate" type="text/html" href="${x(urls.home(p.slug))}"/>
<link rel="self" type="application/atom+xml" href="${x(urls.feed(p.slug))}"/>
<updated>${feedUpdated(ctx).toISOString()}</updated>
<generator>Masthead demo source</generator>
${ctx.stories.map((s) => entry(s, ctx)).join('\n')}
</feed>
`;
}
