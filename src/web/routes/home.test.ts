import { afterEach, describe, expect, it } from 'vitest';
import { withdrawArticle } from '../../catalog/articles.ts';
import { runCuration } from '../../curation/job.ts';
import { addPick } from '../../curation/picks.ts';
import { createUser } from '../../members/accounts.ts';
import { testDialects } from '../../test-support/databases.ts';
import { getHtml, HOUR, NOW, readerFixture, type ReaderFixture } from '../../test-support/reader-fixture.ts';

const section = (html: string, heading: string) => {
  const start = html.indexOf(`aria-label="${heading}"`);
  return start < 0 ? '' : html.slice(start, html.indexOf('</ul>', start));
};

describe.each(testDialects)('front page, %s', (dialect) => {
  let f: ReaderFixture;
  afterEach(async () => f?.close());

  it('says how to add stories when there are none', async () => {
    f = await readerFixture(dialect);
    const res = await getHtml(f.app, '/');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('No stories yet');
    expect(res.body).toContain('14-day free trial');
  });

  it('shows top stories (one per publisher), our picks and sections, never copies or withdrawn stories', async () => {
    f = await readerFixture(dialect);
    const a = await f.publisher({ slug: 'alpha' });
    const b = await f.publisher({ slug: 'beta' });
    const lead = await f.article(a, { title: 'Alpha lead story' });
    await f.article(a, { title: 'Alpha second story' });
    await f.article(b, { title: 'Beta lead story' });
    await f.article(b, { title: 'A copy of the alpha lead', duplicate_of: lead });
    const gone = await f.article(b, { title: 'Soon withdrawn' });
    await withdrawArticle(f.database.db, gone, NOW);
    await f.article(a, { title: 'Hidden by an editor', status: 'hidden' });
    await f.article(b, {
      title: 'A long read on the sea',
      reading_minutes: 12,
      word_count: 2600,
      section: 'culture',
      image_url: null,
      published_at: NOW - 30 * HOUR,
    });
    await f.article(a, { title: 'Goals at the weekend', section: 'sport' });

    const html = (await getHtml(f.app, '/')).body;
    const top = section(html, 'Top stories right now');
    expect(top).toContain('Alpha lead story');
    expect(top).toContain('Beta lead story');
    // One per publisher first: Alpha's second story comes after Beta's lead.
    expect(top.indexOf('Beta lead story')).toBeLessThan(top.indexOf('Alpha second story'));
    expect(section(html, 'Our picks')).toContain('A long read on the sea');
    expect(html).toContain('href="/s/sport"');
    // Every story appears once: sections leave out what the blocks above show.
    for (const title of [
      'Alpha lead story',
      'Alpha second story',
      'Beta lead story',
      'A long read on the sea',
      'Goals at the weekend',
    ])
      expect(html.split(`>${title}<`).length - 1, title).toBe(1);
    for (const hidden of ['A copy of the alpha lead', 'Soon withdrawn', 'Hidden by an editor'])
      expect(html).not.toContain(hidden);
    expect(html).toMatch(/<h1>Top stories right now<\/h1>/);
    expect(html).toContain('<main id="main"');
    expect(html).toContain('loading="lazy"');
  });

  it('tells a story several publishers cover once, with a link to all their reports', async () => {
    f = await readerFixture(dialect);
    const body =
      'Saltmere council approved the harbour budget on Tuesday after a long night of debate. The budget pays for new sea walls, dredging and a ferry pier. Councillor Petra Coyle said the vote ended months of argument over the harbour.';
    for (const slug of ['alpha', 'beta', 'gamma']) {
      const p = await f.publisher({ slug });
      await f.article(p, {
        title: `Saltmere council approves the harbour budget (${slug})`,
        body_text: body,
        section: 'politics',
        image_url: null,
      });
    }
    await runCuration(f.database, { now: () => NOW });
    const story = await f.database.db
      .selectFrom('articles')
      .select('cluster_id')
      .where('title', 'like', 'Saltmere council%')
      .execute();
    expect(new Set(story.map((r) => r.cluster_id)).size).toBe(1);

    const html = (await getHtml(f.app, '/')).body;
    expect(html.match(/Saltmere council approves the harbour budget/g)).toHaveLength(1);
    // Before editors pick anything, the interim picks carry it (the longest recent read), with its coverage.
    expect(section(html, 'Our picks')).toMatch(new RegExp(`href="/c/${story[0]!.cluster_id}">3 publishers`));

    // Once editors pick another story, the section shows this one, still once.
    const other = await f.article(await f.publisher({ slug: 'delta' }), {
      title: 'Ferry timetable changes',
      image_url: null,
    });
    const editor = await createUser(
      f.database.db,
      {
        email: 'ed@example.org',
        password: 'correct horse battery',
        role: 'editor',
        displayName: 'Eddie',
        verified: true,
      },
      NOW,
    );
    await addPick(f.database.db, { articleId: other, by: editor.id }, NOW);
    const after = (await getHtml(f.app, '/')).body;
    expect(after.match(/Saltmere council approves the harbour budget/g)).toHaveLength(1);
    expect(section(after, 'Our picks')).toContain('Ferry timetable changes');
    expect(section(after, 'Politics')).toMatch(new RegExp(`href="/c/${story[0]!.cluster_id}">3 publishers`));
  });

  it('tells the story once when the shared lists are kept, whichever page filled them first', async () => {
    f = await readerFixture(dialect, { cached: true });
    const body =
      'Saltmere council approved the harbour budget on Tuesday after a long night of debate. The budget pays for new sea walls, dredging and a ferry pier.';
    const ids: number[] = [];
    for (const slug of ['alpha', 'beta', 'gamma'])
      ids.push(
        await f.article(await f.publisher({ slug }), {
          title: `Council passes the harbour budget (${slug})`,
          body_text: body,
          section: 'politics',
          image_url: null,
        }),
      );
    await runCuration(f.database, { now: () => NOW });
    // An article page of the same section first: it keeps a section list of its own.
    expect((await getHtml(f.app, `/a/${ids[0]}/x`)).statusCode).toBeLessThan(400);
    const html = (await getHtml(f.app, '/')).body;
    expect(html.match(/Council passes the harbour budget/g)).toHaveLength(1);
  });

  it('escapes hostile titles and standfirsts', async () => {
    f = await readerFixture(dialect);
    const a = await f.publisher({ slug: 'alpha', name: 'Alpha <b>Times</b>' });
    await f.article(a, { title: '<script>alert(1)</script>', standfirst: '"><img src=x onerror=alert(2)>' });
    const html = (await getHtml(f.app, '/')).body;
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script>alert(1)&lt;/script>');
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<b>Times</b>');
  });
});
