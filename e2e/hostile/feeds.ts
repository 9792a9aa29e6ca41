// What the hostile publishers send in the hostile-content suite
// (e2e/hostile-content.test.ts): the RSS 2.0, Atom 1.0 and JSON Feed 1.1
// feeds, the article pages full text is read from, the XML-level tricks and
// XHTML Atom feed, served on loopback by createFeedServer (with the positive
// controls' pages); and the bodies pushed through the publisher API.
import http from 'node:http';
import {
  bodyHtml,
  captionOf,
  DAY,
  EVENTS,
  filler,
  GENERIC,
  join,
  place,
  summaryOf,
  titleOf,
  type Layout,
  type Spec,
} from './layout.ts';
import { PAYLOADS, type Payload } from './payloads.ts';

const XML_ILLEGAL = /[\u0000\ud800-\udfff]/g; // the rest of the C0 range goes through: our reader is tolerant, and so are many feeds
const esc = (s: string) =>
  s.replace(XML_ILLEGAL, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const cdata = (s: string) => `<![CDATA[${s.replace(XML_ILLEGAL, '').replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
const iso = (t: number) => new Date(t).toISOString();

function rssFeed(specs: Spec[], feed: Layout['feedFields']['rss'], opts: { summaryOnly?: boolean } = {}): string {
  const items = specs.map((s, n) => {
    const asCdata = n % 2 === 0;
    const text = (v: string) => (asCdata ? cdata(v) : esc(v));
    const linkIsScript = n % 3 === 1;
    return `<item>
<title>${s.channel === 'page' && n % 2 ? '' : text(titleOf(s))}</title>
${linkIsScript ? `<link>${esc(s.thumbnail.html)}</link><guid isPermaLink="true">${esc(s.link)}</guid>` : `<link>${esc(s.link)}</link><guid isPermaLink="false">${esc(s.guid.html)} ${s.key}</guid>`}
<pubDate>${new Date(s.publishedAt).toUTCString()}</pubDate>
<author>${esc(`${s.emails[0]!.html}@hostile.test (${s.authors[0]!.html})`)}</author>
<dc:creator>${esc(s.authors[1]!.html)}</dc:creator><dc:creator>${text(s.authors[2]!.html)}</dc:creator>
<dc:creator>${esc(`Mara Quint <${s.emails[1]!.html}>`)}</dc:creator>
<category>${esc(s.section)}</category>${s.categories.map((c, i) => (i % 2 ? `<category domain="${esc(c.html)}">${esc(c.html)}</category>` : `<category>${text(c.html)}</category>`)).join('')}
<description>${opts.summaryOnly ? text(join(s.summary)) : text(summaryOf(s))}</description>
${opts.summaryOnly ? '' : `<content:encoded>${cdata(bodyHtml(s))}</content:encoded>`}
<enclosure url="${esc(s.enclosure.html)}" type="image/jpeg" length="1000"/>
<media:content url="${esc(s.image)}" medium="image" width="1200" height="675"><media:title>${esc(join(s.mediaTitle))}</media:title><media:description>${text(captionOf(s))}</media:description><media:credit>${text(join(s.credit))}</media:credit><media:thumbnail url="${esc(s.thumbnail.html)}"/></media:content>
</item>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">
<channel><title>${esc(join(feed.title))}</title><link>http://hostile.test/</link><description>${esc(join(feed.description))}</description>
<image><url>${esc(feed.image.html)}</url><title>${esc(join(feed.title))}</title><link>http://hostile.test/</link></image>
${items.join('\n')}
</channel></rss>`;
}

function atomFeed(specs: Spec[], feed: Layout['feedFields']['atom']): string {
  const entries = specs.map(
    (s, n) => `<entry>
<id>${esc(s.guid.html)} ${s.key}</id>
<title type="${n % 2 ? 'text' : 'html'}">${esc(titleOf(s))}</title>
<link rel="alternate" href="${esc(s.link)}"/>
<link rel="enclosure" href="${esc(s.enclosure.html)}" type="image/jpeg"/>
<published>${iso(s.publishedAt)}</published><updated>${iso(s.publishedAt)}</updated>
${s.authors.map((a, i) => `<author><name>${esc(a.html)}</name>${s.emails[i] ? `<email>${esc(s.emails[i]!.html)}</email>` : ''}<uri>${esc(s.authorUrl.html)}</uri></author>`).join('')}
<category term="${esc(s.section)}"/>${s.categories.map((c, i) => `<category term="${esc(c.html)}"${i % 2 ? ` label="${esc(c.html)}"` : ''}/>`).join('')}
<summary type="html">${esc(summaryOf(s))}</summary>
<content type="html">${esc(bodyHtml(s))}</content>
<media:content url="${esc(s.image)}" medium="image" width="1200" height="675"><media:title>${esc(join(s.mediaTitle))}</media:title><media:description>${esc(captionOf(s))}</media:description><media:credit>${esc(join(s.credit))}</media:credit></media:content>
</entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/">
<title type="html">${esc(join(feed.title))}</title><subtitle type="html">${esc(join(feed.description))}</subtitle><id>urn:hostile:atom</id><updated>${iso(Date.now())}</updated>
<icon>${esc(feed.image.html)}</icon><logo>${esc(feed.image.html)}</logo><author><name>${esc(join(feed.title))}</name></author>
<link rel="alternate" href="http://hostile.test/"/>
${entries.join('\n')}
</feed>`;
}

function jsonFeed(specs: Spec[], feed: Layout['feedFields']['json']): string {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: join(feed.title),
    description: join(feed.description),
    home_page_url: 'http://hostile.test/',
    icon: feed.image.html,
    favicon: feed.image.html,
    authors: [{ name: join(feed.title), url: feed.image.html }],
    items: specs.map((s) => ({
      id: `${s.guid.html} ${s.key}`,
      url: s.link,
      external_url: s.enclosure.html,
      title: titleOf(s),
      summary: summaryOf(s),
      ...(s.channel === 'json-text' ? { content_text: htmlToParagraphsOfText(s) } : { content_html: bodyHtml(s) }),
      date_published: iso(s.publishedAt),
      authors: s.authors.map((a) => ({ name: a.html, url: s.authorUrl.html, avatar: s.thumbnail.html })),
      tags: [s.section, ...s.categories.map((c) => c.html)],
      image: s.image,
      banner_image: s.thumbnail.html,
      attachments: [{ url: s.enclosure.html, mime_type: 'image/jpeg', title: join(s.mediaTitle) }],
    })),
  });
}

/** content_text: the payloads as the plain text of the item (which the parser escapes into paragraphs). */
function htmlToParagraphsOfText(s: Spec): string {
  const f = filler(s.event, s.channel);
  const [first = [], ...rest] = s.body;
  return [
    first.map((i) => i.html).join(' '),
    ...f.before,
    ...rest.flatMap((b, n) => [b.map((i) => i.html).join(' '), f.after[n % f.after.length]!]),
    ...s.tail.map((i) => i.html),
  ].join('\n\n');
}

function hostilePage(s: Spec): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${titleOf(s)}</title>
<meta property="og:title" content="${esc(titleOf(s))}"><meta property="og:image" content="${esc(s.image)}"><meta property="og:description" content="${esc(summaryOf(s))}">
<meta name="author" content="${esc(join(s.authors))}"><link rel="canonical" href="${esc(s.link)}">
<script>alert(0)</script></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>${titleOf(s)}</h1><p class="byline">By ${join(s.authors)}</p>
<figure><img src="${esc(s.image)}" width="1200" height="675" alt="${esc(captionOf(s))}"><figcaption>${captionOf(s)} ${join(s.credit)}</figcaption></figure>
${bodyHtml(s)}
</article><footer>© Hostile Times</footer></body></html>`;
}

/** The XML-level tricks: an internal DTD, raw markup inside elements, CDATA split around markup, xml:base with a script URL. */
function xmlTricksFeed(ids: XmlIds): string {
  const f = filler(0, 'xml');
  const prose = f.before.map((p) => `&lt;p&gt;${p}&lt;/p&gt;`).join('');
  return `<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE rss [
<!ENTITY e1 "&#60;img src=x onerror=alert(${ids.entity[0]})&#62;">
<!ENTITY e2 "&#38;lt;script&#38;gt;alert(${ids.entity[1]})&#38;lt;/script&#38;gt;">
]>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Tricks &e1;</title><link>http://hostile.test/</link><description>&e2;</description>
<item><guid isPermaLink="false">xml-0</guid><link>http://hostile.test/xml/0</link><title>Entities &e1; and &e2; in a headline</title>
<pubDate>${new Date(Date.now() - 3_600_000).toUTCString()}</pubDate>
<description>&e2; summary</description><content:encoded>&lt;div&gt;&e1;&e2;&lt;/div&gt;${prose}</content:encoded></item>
<item xml:base="javascript:alert(${ids.xmlBase})//"><guid isPermaLink="false">xml-1</guid><link>http://hostile.test/xml/1</link>
<title>Raw inline markup <script>alert(${ids.rawTitle})</script> in a title</title>
<pubDate>${new Date(Date.now() - 3_700_000).toUTCString()}</pubDate>
<description>Inline <img src="x" onerror="alert(${ids.rawDescription})"/> markup, not escaped</description>
<content:encoded><![CDATA[<div><a href="relative/${ids.xmlBase}">relative</a><img src="pic-${ids.xmlBase}.jpg">]]><![CDATA[<img src=x onerror=alert(${ids.cdataSplit})>]]>&lt;svg onload=alert(${ids.cdataSplit})&gt;<![CDATA[</div>]]>${prose}</content:encoded></item>
<item><guid isPermaLink="false">xml-2</guid><link>http://hostile.test/xml/2</link><title>Unescaped payloads in a description</title>
<pubDate>${new Date(Date.now() - 3_800_000).toUTCString()}</pubDate>
<description>${f.before[0]} ${ids.raw.map((p) => p.html.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')).join(' ')}</description></item>
</channel></rss>`;
}

function xhtmlAtomFeed(ids: XmlIds): string {
  const prose = filler(1, 'xhtml')
    .before.map((p) => `<p>${p}</p>`)
    .join('');
  const x = ids.xhtml;
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>XHTML</title><id>urn:hostile:xhtml</id><updated>${iso(Date.now())}</updated>
<entry><id>urn:hostile:xhtml:1</id><link rel="alternate" href="http://hostile.test/xhtml/1"/><published>${iso(Date.now() - 3_900_000)}</published>
<title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">A headline <script>alert(${x.script})</script><img src="x" onerror="alert(${x.img})"/></div></title>
<summary type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><b>Summary</b> <svg xmlns="http://www.w3.org/2000/svg" onload="alert(${x.svg})"/></div></summary>
<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">
<script>alert(${x.script})</script>
<h:script xmlns:h="http://www.w3.org/1999/xhtml">alert(${x.prefixed})</h:script>
<img src="x" onerror="alert(${x.img})"/>
<svg xmlns="http://www.w3.org/2000/svg" onload="alert(${x.svg})"><script>alert(${x.svg})</script></svg>
<a href="javascript:alert(${x.href})">x</a>
<iframe src="https://www.youtube.com/embed/x">&lt;/iframe&gt;&lt;img src=x onerror=alert(${x.iframeText})&gt;</iframe>
<math xmlns="http://www.w3.org/1998/Math/MathML"><mtext><table xmlns="http://www.w3.org/1999/xhtml"><mglyph><style>&lt;img src=x onerror=alert(${x.mglyph})&gt;</style></mglyph></table></mtext></math>
<noscript><p title="&lt;/noscript&gt;&lt;img src=x onerror=alert(${x.noscript})&gt;">x</p></noscript>
<style>&lt;/style&gt;&lt;img src=x onerror=alert(${x.style})&gt;</style>
<p title="&lt;/p&gt;&lt;img src=x onerror=alert(${x.title})&gt;">&lt;img src=x onerror=alert(${x.entity})&gt;</p>
${prose}</div></content></entry>
<entry><id>urn:hostile:xhtml:2</id><link rel="alternate" href="http://hostile.test/xhtml/2"/><published>${iso(Date.now() - 4_000_000)}</published>
<title type="text">&lt;img src=x onerror=alert(${x.entity})&gt; as a plain-text headline</title>
<content type="text">&lt;script&gt;alert(${x.script})&lt;/script&gt; is text here. ${filler(2, 'xhtml').before.join(' ')}</content></entry>
</feed>`;
}

export interface XmlIds {
  entity: [number, number];
  xmlBase: number;
  rawTitle: number;
  rawDescription: number;
  cdataSplit: number;
  raw: Payload[];
  xhtml: Record<
    | 'script'
    | 'prefixed'
    | 'img'
    | 'svg'
    | 'href'
    | 'iframeText'
    | 'mglyph'
    | 'noscript'
    | 'style'
    | 'title'
    | 'entity',
    number
  >;
}

/** Picks the payloads the XML-level tricks and the XHTML feed carry, and records where they go. */
export function xmlIds(): XmlIds {
  const find = (family: string, start: string) => {
    const p = PAYLOADS.find((x) => x.family === family && x.html.startsWith(start));
    if (!p) throw new Error(`no ${family} payload starting ${start}`);
    return p.id;
  };
  const ids: XmlIds = {
    entity: [find('entity-text', '&#60;img'), find('double-encoded', '&amp;lt;script')],
    xmlBase: find('url-javascript', '<a href="javascript:'),
    rawTitle: find('script-basic', '<script>'),
    rawDescription: find('img-event', '<img src=x onerror=alert'),
    cdataSplit: find('our-contexts', ']]><img'),
    raw: PAYLOADS.filter((p) => !p.family.startsWith('gen:')).filter((_, i) => i % 25 === 0),
    xhtml: {
      script: find('script-basic', '<script>'),
      prefixed: find('namespace-foster', '<html:script'),
      img: find('img-event', '<img src=x onerror=alert'),
      svg: find('autofire-event', '<svg onload'),
      href: find('url-javascript', '<a href="javascript:'),
      iframeText: find('iframe-text', '<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ">&lt;/iframe&gt;'),
      mglyph: find('math-mxss', '<math><mtext><table><mglyph><style><img'),
      noscript: find('noscript-mxss', '<noscript><p title='),
      style: find('rawtext-mxss', '<style>&lt;/style&gt;'),
      title: find('rawtext-mxss', '<a title="</style>'),
      entity: find('entity-text', '&lt;img src=x onerror'),
    },
  };
  for (const id of [...ids.entity]) place(id, 'xml-0', 'title');
  place(ids.xmlBase, 'xml-1', 'link');
  place(ids.rawTitle, 'xml-1', 'title');
  place(ids.rawDescription, 'xml-1', 'summary');
  place(ids.cdataSplit, 'xml-1', 'body');
  for (const p of ids.raw) place(p.id, 'xml-2', 'summary');
  for (const id of Object.values(ids.xhtml)) place(id, 'xhtml-1', 'body');
  return ids;
}

/** What the push API gets for a spec: its fields, cut to the API's limits. */
export function pushBody(s: Spec): Record<string, unknown> {
  const fit = (ps: Payload[], max: number, prefix = '') => {
    let out = prefix;
    for (const p of ps) if (`${out} ${p.html}`.length <= max) out = `${out} ${p.html}`;
    return out.trim();
  };
  return {
    url: s.link,
    title: fit(s.title, 500, EVENTS[s.event % EVENTS.length]!.headline),
    standfirst: summaryOf(s).slice(0, 5000),
    body_html: bodyHtml(s),
    authors: s.authors.map((a) => a.html.slice(0, 200)).filter((a) => a.trim()),
    published_at: iso(s.publishedAt),
    section: s.sectionP?.html ?? s.section,
    categories: [s.section, ...s.categories.map((c) => c.html.slice(0, 100))],
    language: s.languageP?.html ?? 'en',
    is_free: false,
    image: { url: s.image, caption: captionOf(s).slice(0, 2000), credit: join(s.credit).slice(0, 500) },
  };
}

/** The hostile publishers' site on loopback. `site()` is read on every request: the layout needs the server's address first. */
export function createFeedServer(site: () => { base: string; layout: Layout; xids: XmlIds }): http.Server {
  return http.createServer((req, res) => {
    const { base, layout, xids } = site();
    const url = new URL(req.url ?? '/', base);
    const specs = layout.specs;
    const send = (type: string, body: string, headers: Record<string, string> = {}) =>
      res.writeHead(200, { 'content-type': type, ...headers }).end(body);
    if (url.pathname === '/rss')
      return send(
        'application/rss+xml; charset=utf-8',
        rssFeed(
          specs.filter((s) => s.channel === 'rss'),
          layout.feedFields.rss,
        ),
      );
    if (url.pathname === '/atom')
      return send(
        'application/atom+xml; charset=utf-8',
        atomFeed(
          specs.filter((s) => s.channel === 'atom'),
          layout.feedFields.atom,
        ),
      );
    if (url.pathname === '/json')
      return send(
        'application/feed+json; charset=utf-8',
        jsonFeed(
          specs.filter((s) => s.channel === 'json' || s.channel === 'json-text'),
          layout.feedFields.json,
        ),
      );
    if (url.pathname === '/pages')
      return send(
        'application/rss+xml; charset=utf-8',
        rssFeed(
          specs.filter((s) => s.channel === 'page'),
          layout.feedFields.page,
          { summaryOnly: true },
        ),
      );
    if (url.pathname === '/tricks') return send('application/rss+xml; charset=utf-8', xmlTricksFeed(xids));
    if (url.pathname === '/xhtml') return send('application/atom+xml; charset=utf-8', xhtmlAtomFeed(xids));
    const page = /^\/page\/([\w-]+)$/.exec(url.pathname);
    if (page) {
      const spec = specs.find((s) => s.key === page[1]);
      if (spec) return send('text/html; charset=utf-8', hostilePage(spec));
    }
    // Positive controls: an inline script that must be seen to run, and one a CSP must be seen to block.
    if (url.pathname === '/control')
      return send(
        'text/html; charset=utf-8',
        '<!doctype html><title>control</title><script>alert(0)</script><img src=x onerror="confirm(0)">',
      );
    if (url.pathname === '/control-csp')
      return send('text/html; charset=utf-8', '<!doctype html><title>csp</title><script>alert(0)</script>', {
        'content-security-policy': "script-src 'none'",
      });
    if (url.pathname === '/blank')
      return send(
        'text/html; charset=utf-8',
        '<!doctype html><html><head><title>blank</title></head><body></body></html>',
      );
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not here');
  });
}

/** The clean control: a pushed article with rich, legitimate content that must give the scan nothing to report. */
export function cleanArticle(now: number): Record<string, unknown> {
  const cleanProse = filler(3, 'push').before;
  return {
    url: 'https://clean.example/science/comet',
    title: 'Lowther telescope finds a comet & a “tail” <as text>',
    standfirst: 'Astronomers found a comet; it passes the sun next spring.',
    body_html: `<p>${cleanProse[0]} <a href="https://clean.example/more">More</a> and <a href="/relative">a relative link</a>.</p><figure><img src="https://clean.example/comet.jpg" srcset="https://clean.example/comet-2x.jpg 2x" alt="The comet" width="800" height="450"><figcaption>The comet (Lowther Institute)</figcaption></figure><blockquote cite="https://clean.example/q"><p>${cleanProse[1]}</p></blockquote><iframe src="https://www.youtube.com/embed/abc123" width="560" height="315" allowfullscreen></iframe><ul><li>One &amp; two</li><li>3 &lt; 4</li></ul><table><tr><th scope="col">Year</th><td>2026</td></tr></table><p>${cleanProse[2]}</p><h2>More</h2><p>${filler(4, 'push').before.join('</p><p>')}</p>`,
    authors: ['Beatrix Okafor'],
    published_at: iso(now - 60_000),
    categories: ['science'],
    image: { url: 'https://clean.example/lead.jpg', caption: 'The observatory at night', credit: 'Lowther Institute' },
  };
}

/** A short pushed brief (one of 26, newer than the pushed hostile reports), so the push publisher's list runs to a second page. */
export function briefArticle(i: number): Record<string, unknown> {
  return {
    url: `http://hostile.test/push/brief-${i}`,
    title: `Harbour briefing number ${i}: ${GENERIC[i % GENERIC.length]!.split(' ').slice(0, 6).join(' ')}`,
    body_html: `<p>${GENERIC[i % GENERIC.length]} ${GENERIC[(i + 5) % GENERIC.length]} ${GENERIC[(i + 11) % GENERIC.length]}</p><p>${GENERIC[(i + 3) % GENERIC.length]} ${GENERIC[(i + 17) % GENERIC.length]}</p>`,
    published_at: iso(Date.now() - DAY - i * 10_000),
    categories: ['news'],
  };
}

/** A pushed article with NUL and other control characters in every one-line field, and the payloads it carries. */
export function nulArticle(): { body: Record<string, unknown>; payloads: Payload[] } {
  const nul = PAYLOADS.filter((p) => p.html.includes('\u0000')).slice(0, 4);
  const controls = PAYLOADS.find((p) => p.html.includes('\u0001\u0002'))!;
  const body = {
    url: 'http://hostile.test/push/nul-1',
    title: `Control characters ${controls.html} ${nul[0]!.html}`,
    standfirst: `${controls.html} ${nul.map((p) => p.html).join(' ')}`,
    body_html: `<div>${nul.map((p) => p.html).join('\n')}</div><p>${filler(5, 'push').before.join('</p><p>')}</p>`,
    authors: [`Nul\u0000 ${nul[1]!.html}`.slice(0, 200)],
    categories: ['news', nul[2]!.html.slice(0, 100)],
    published_at: iso(Date.now() - 90 * 60_000),
    image: { url: 'http://hostile.test/img/nul.jpg', caption: nul[3]!.html, credit: 'x\u0000y' },
  };
  return { body, payloads: [controls, ...nul] };
}
