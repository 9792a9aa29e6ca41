import { afterEach, describe, expect, it } from 'vitest';
import { articlePath } from '../../catalog/article-pages.ts';
import { withdrawArticle } from '../../catalog/articles.ts';
import { testDialects } from '../../test-support/databases.ts';
import { runCuration } from '../../curation/job.ts';
import { xmlError } from '../../test-support/well-formed.ts';
import { getHtml, HOUR, NOW, readerFixture, type ReaderFixture } from '../../test-support/reader-fixture.ts';

const jsonLdOf = (html: string) => {
  const m = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html);
  return m ? (JSON.parse(m[1]!) as Record<string, unknown>) : null;
};

describe.each(testDialects)('article page, %s', (dialect) => {
  let f: ReaderFixture;
  afterEach(async () => f?.close());

  it('renders masthead, byline, picture with caption and credit, topics, lists, save and structured data', async () => {
    f = await readerFixture(dialect);
    const p = await f.publisher({ slug: 'the-lamp', name: 'The Lamp' });
    const q = await f.publisher({ slug: 'quay', name: 'Quay Daily' });
    const id = await f.article(p, {
      title: 'The keeper of the light',
      standfirst: 'A night on the tower.',
      authors: ['Ada Okonjo', 'Ben Li'],
      categories: '["Lighthouses","Coastal life","Environment"]',
      image_caption: 'The tower at dusk',
      image_credit: 'AFP via Getty Images',
      updated_at: NOW - HOUR,
      published_at: NOW - 3 * HOUR,
    });
    await f.article(p, {
      title: 'Another tower story', // another story (the fixture's default bodies would make one story of them)
      body_text:
        'Volunteers repainted the old signal tower at Lowther quay over the weekend, in red and white stripes.',
    });
    await f.article(q, { title: 'A copy of the keeper', duplicate_of: id });
    const path = articlePath({ id, title: 'The keeper of the light' });
    expect(path).toBe(`/a/${id}/the-keeper-of-the-light`);
    await runCuration(f.database); // topics, names, stories and related links come from the curation pass

    const res = await getHtml(f.app, path);
    expect(res.statusCode).toBe(200);
    const html = res.body;
    expect(html).toContain('<a href="/p/the-lamp"');
    expect(html).toContain('<h1>The keeper of the light</h1>');
    expect(html).toContain('A night on the tower.');
    expect(html).toContain('href="/author/the-lamp/ada-okonjo">Ada Okonjo</a>');
    expect(html).toContain('href="/author/the-lamp/ben-li">Ben Li</a>');
    expect(html).toContain('updated');
    expect(html).toContain('1 min read');
    expect(html).toContain('alt="The tower at dusk"');
    expect(html).toContain('(AFP via Getty Images)');
    expect(html).toContain('href="/t/environment">Environment</a>');
    for (const h of ['More coverage', 'Related stories', 'Top stories right now', 'Our picks'])
      expect(html).toContain(`<h2>${h}</h2>`);
    expect(html).toContain('A copy of the keeper'); // other titles' coverage, on the page of the original
    const cardTitles = [...html.matchAll(/<h3><a href="[^"]+">([^<]+)<\/a><\/h3>/g)].map((m) => m[1]);
    expect(cardTitles).toContain('Another tower story');
    expect(new Set(cardTitles).size, 'each story once on the page').toBe(cardTitles.length);
    expect(html).toContain('Save for later');
    expect(html).toContain('Sign up to read this article'); // the paywall slot, for a visitor
    expect(html).toContain(`<link rel="canonical" href="http://masthead.test${path}"/>`);
    expect(html).toContain('<meta property="og:title" content="The keeper of the light"/>');
    expect(html).toContain('name="twitter:card"');
    const ld = jsonLdOf(html)!;
    expect(ld['@type']).toBe('NewsArticle');
    expect(ld.headline).toBe('The keeper of the light');
    expect(ld.isAccessibleForFree).toBe(false);
  });

  it('redirects other slugs to the canonical address and answers 404 for unknown or withdrawn articles', async () => {
    f = await readerFixture(dialect);
    const p = await f.publisher({ slug: 'the-lamp' });
    const id = await f.article(p, { title: 'Storm warning' });
    const gone = await f.article(p, { title: 'Taken down' });
    await withdrawArticle(f.database.db, gone, NOW);
    const hidden = await f.article(p, { title: 'Hidden', status: 'hidden' });
    for (const url of [`/a/${id}/wrong-slug`, `/a/${id}`]) {
      const res = await getHtml(f.app, url);
      expect(res.statusCode, url).toBe(301);
      expect(res.headers.location).toBe(`/a/${id}/storm-warning`);
    }
    for (const url of ['/a/999999/x', `/a/${gone}/taken-down`, `/a/${hidden}/hidden`, '/a/abc/x', '/a/1e3/x']) {
      const res = await getHtml(f.app, url);
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.body).toContain('We could not find that article');
    }
  });

  it('escapes hostile titles and captions, and keeps </script> out of the JSON-LD', async () => {
    f = await readerFixture(dialect);
    const p = await f.publisher({ slug: 'the-lamp' });
    const title = '<script>alert(1)</script></script><!--';
    const id = await f.article(p, {
      title,
      standfirst: 'x" onmouseover="alert(3)',
      image_caption: '<img src=x onerror=alert(2)>',
      image_credit: '</figcaption><script>alert(4)</script>',
    });
    const res = await getHtml(f.app, articlePath({ id, title }));
    const html = res.body;
    expect(html).not.toMatch(/<script>alert/);
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('" onmouseover="');
    expect(html).toContain('&lt;script>alert(1)&lt;/script>');
    const raw = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)![1]!;
    expect(raw).not.toMatch(/<|>/);
    expect(JSON.parse(raw).headline).toBe(title);
  });

  it('answers a visitor who saves with 401 and a sign-in prompt', async () => {
    f = await readerFixture(dialect);
    const p = await f.publisher({ slug: 'the-lamp' });
    const id = await f.article(p);
    // A visitor's form token comes from any page with a form, bound to a browser cookie.
    const signin = await getHtml(f.app, '/signin');
    const token = /name="_csrf" value="([^"]+)"/.exec(signin.body)![1]!;
    const cookie = signin.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const res = await f.app.inject({
      method: 'POST',
      url: `/a/${id}/save`,
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: `_csrf=${encodeURIComponent(token)}`,
    });
    expect(res.statusCode).toBe(401);
    expect(res.body).toContain('Sign in');
    expect(res.body).toContain(`/signin?next=${encodeURIComponent(`/a/${id}`)}`);
  });
});

describe.each(testDialects)('feeds out stay well-formed, %s', (dialect) => {
  let f: ReaderFixture;
  afterEach(async () => f?.close());

  it('drops characters XML cannot carry from titles and standfirsts in /feed.xml', async () => {
    f = await readerFixture(dialect);
    const p = await f.publisher({ slug: 'quay', name: 'Quay <&> "Daily"' });
    await f.article(p, {
      title: 'Bell\u0001 rings\u0008 at\uFFFE dawn \uFFFF& <b>loud</b>',
      standfirst: 'Lone \ud800 surrogate\u001f and ]]> end',
    });
    const res = await f.app.inject({ url: '/feed.xml' });
    expect(res.statusCode).toBe(200);
    expect(xmlError(res.body)).toBeNull();
    expect(res.body).toContain('<title>Bell rings at dawn &amp; &lt;b&gt;loud&lt;/b&gt;</title>');
    expect(res.body).toContain('Quay &lt;&amp;&gt; &quot;Daily&quot;');
    // A description is HTML to a reader: text that looks like markup stays text there too.
    await f.article(p, { title: 'Markup in words', standfirst: 'About <img src=x onerror=alert(1)> tags & such' });
    const again = await f.app.inject({ url: '/feed.xml' });
    expect(again.body).toContain(
      '<description>About &amp;lt;img src=x onerror=alert(1)&amp;gt; tags &amp;amp; such</description>',
    );
  });
});
