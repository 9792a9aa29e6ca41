// A publisher's article page as a real site would serve it: cookie notice,
// masthead and navigation, the story in <article>, share links, a newsletter
// box, related and most-read lists, and a footer. Full-text extraction has
// to find the story among all of that.
import { jsonLdText, newsArticle } from '../catalog/structured-data.ts';
import { escapeHtmlText as h } from './escape.ts';
import type { DemoUrls } from './paths.ts';
import { DEMO_SECTIONS, type DemoPublisher } from './publishers.ts';
import { storyBodyHtml, type DemoStory } from './stories.ts';

export interface ArticlePageInput {
  publisher: DemoPublisher;
  story: DemoStory;
  /** Newest stories from the same publisher, for the side lists. */
  latest: DemoStory[];
  urls: DemoUrls;
}

const label = (s: string) => (s === 'good-news' ? 'Good news' : s.charAt(0).toUpperCase() + s.slice(1));

function jsonLd(p: DemoPublisher, s: DemoStory, urls: DemoUrls): string {
  return jsonLdText(
    newsArticle({
      headline: s.headline,
      description: s.standfirst,
      publishedAt: s.publishedAt,
      authors: s.authors,
      publisher: { name: p.name, url: p.homepage },
      image: urls.image(s.image.id),
      url: urls.article(p.slug, s.id),
    }),
  );
}

export function renderArticlePage({ publisher: p, story: s, latest, urls }: ArticlePageInput): string {
  const url = urls.article(p.slug, s.id);
  const when = new Date(s.publishedAt);
  const related = latest
    .filter((x) => x.id !== s.id && (x.eventId === s.eventId || x.section === s.section))
    .slice(0, 4);
  const mostRead = latest.filter((x) => x.id !== s.id && !related.includes(x)).slice(0, 5);
  const link = (x: DemoStory) => `<li><a href="${h(urls.article(p.slug, x.id))}">${h(x.headline)}</a></li>`;
  const byline = s.authors
    .map(
      (a) =>
        `<a rel="author" href="${h(`${urls.home(p.slug)}/authors/${a.toLowerCase().replace(/[^a-z]+/g, '-')}`)}">${h(a)}</a>`,
    )
    .join(' and ');
  return `<!doctype html>
<html lang="${p.language}">
<head>
<meta charset="utf-8">
<title>${h(s.headline)} | ${h(p.name)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="${h(s.standfirst)}">
<link rel="canonical" href="${h(url)}">
<meta property="og:type" content="article">
<meta property="og:title" content="${h(s.headline)}">
<meta property="og:description" content="${h(s.standfirst)}">
<meta property="og:url" content="${h(url)}">
<meta property="og:site_name" content="${h(p.name)}">
<meta property="og:image" content="${h(urls.image(s.image.id))}">
<meta property="og:image:width" content="${s.image.width}">
<meta property="og:image:height" content="${s.image.height}">
<meta property="og:image:alt" content="${h(s.image.alt)}">
<meta property="article:published_time" content="${when.toISOString()}">
<meta property="article:section" content="${h(label(s.section))}">
${s.tags.map((t) => `<meta property="article:tag" content="${h(t)}">`).join('\n')}
<meta name="author" content="${h(s.authors.join(', '))}">
<script type="application/ld+json">${jsonLd(p, s, urls)}</script>
<style>body{font-family:Georgia,serif;margin:0}header.site{background:${p.color};color:#fff;padding:1rem}main{display:flex;gap:2rem;max-width:72rem;margin:auto}article{flex:3}aside{flex:1}figure img{max-width:100%;height:auto}</style>
</head>
<body>
<div class="cookie-banner" role="dialog"><p>We use cookies to make this site work and to understand how it is used.</p><button>Accept all</button> <button>Manage choices</button></div>
<header class="site">
<a class="logo" href="${h(urls.home(p.slug))}">${h(p.name)}</a>
<nav aria-label="Sections"><ul>${DEMO_SECTIONS.filter((x) => p.sections.includes(x))
    .map((x) => `<li><a href="${h(`${urls.home(p.slug)}/${x}`)}">${h(label(x))}</a></li>`)
    .join(
      '',
    )}<li><a href="${h(`${urls.home(p.slug)}/subscribe`)}">Subscribe</a></li><li><a href="${h(`${urls.home(p.slug)}/login`)}">Sign in</a></li></ul></nav>
</header>
<nav class="breadcrumbs" aria-label="Breadcrumb"><a href="${h(urls.home(p.slug))}">Home</a> › <a href="${h(`${urls.home(p.slug)}/${s.section}`)}">${h(label(s.section))}</a></nav>
<main>
<article>
<header>
<p class="kicker">${h(label(s.section))}</p>
<h1>${h(s.headline)}</h1>
<p class="standfirst">${h(s.standfirst)}</p>
<p class="byline">By ${byline} · <time datetime="${when.toISOString()}">${h(when.toUTCString())}</time></p>
</header>
<div class="article-body">
${storyBodyHtml(s, urls.image, true)}
</div>
<footer class="article-tags"><ul>${s.tags.map((t) => `<li><a href="${h(`${urls.home(p.slug)}/tags/${encodeURIComponent(t)}`)}">${h(t)}</a></li>`).join('')}</ul></footer>
</article>
<aside>
<div class="share">Share this article: <a href="mailto:?subject=${h(encodeURIComponent(s.headline))}">Email</a> <a href="#">Copy link</a></div>
<section class="newsletter"><h2>The morning briefing</h2><p>The day’s essential stories from ${h(p.name)}, in your inbox before breakfast.</p><form><input type="email" placeholder="Your email address"><button>Sign up</button></form></section>
<section class="related"><h2>Related stories</h2><ul>${related.map(link).join('')}</ul></section>
<section class="most-read"><h2>Most read</h2><ol>${mostRead.map(link).join('')}</ol></section>
</aside>
</main>
<footer class="site-footer">
<p>${h(p.description)}</p>
<ul><li><a href="#">About us</a></li><li><a href="#">Contact</a></li><li><a href="#">Privacy</a></li><li><a href="#">Cookies</a></li><li><a href="#">Terms</a></li></ul>
<p>© ${when.getUTCFullYear()} ${h(p.name)}. All rights reserved. This is a fictional publication.</p>
</footer>
</body>
</html>
`;
}
