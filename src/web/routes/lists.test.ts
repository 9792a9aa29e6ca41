import { afterEach, describe, expect, it } from 'vitest';
import { testDialects } from '../../test-support/databases.ts';
import { runCuration } from '../../curation/job.ts';
import { getHtml, HOUR, NOW, readerFixture, type ReaderFixture } from '../../test-support/reader-fixture.ts';

const titles = (html: string) => [...html.matchAll(/<h3><a href="[^"]+">([^<]+)<\/a><\/h3>/g)].map((m) => m[1]!);
const older = (html: string) => /href="([^"]+\?before=[^"]+)">Older stories/.exec(html)?.[1]?.replace(/&amp;/g, '&');

describe.each(testDialects)('list pages, %s', (dialect) => {
  let f: ReaderFixture;
  afterEach(async () => f?.close());

  it('pages through a publisher by cursor without losing stories that share a time', async () => {
    f = await readerFixture(dialect);
    const p = await f.publisher({
      slug: 'the-lamp',
      name: 'The Lamp',
      description: 'Light on the coast.',
      homepage: 'https://lamp.example/',
    });
    // 30 stories, ten of them at the same minute (feeds often stamp a batch alike).
    for (let i = 0; i < 30; i++)
      await f.article(p, {
        title: `Lamp story ${String(i).padStart(2, '0')}`,
        published_at: NOW - (i < 10 ? 1 : i) * 60_000,
      });
    const other = await f.publisher({ slug: 'other' });
    await f.article(other, { title: 'Not a lamp story' });

    const first = await getHtml(f.app, '/p/the-lamp');
    expect(first.statusCode).toBe(200);
    expect(first.body).toContain('<h1>The Lamp</h1>');
    expect(first.body).toContain('Light on the coast.');
    expect(first.body).toContain('href="https://lamp.example/"');
    const page1 = titles(first.body);
    expect(page1).toHaveLength(24);
    const next = older(first.body)!;
    expect(next).toMatch(/^\/p\/the-lamp\?before=\d+\.\d+$/);
    const second = await getHtml(f.app, next);
    const page2 = titles(second.body);
    expect(second.body).toContain('← Newest');
    expect(older(second.body)).toBeUndefined();
    expect(new Set([...page1, ...page2]).size).toBe(30);
    expect([...page1, ...page2]).not.toContain('Not a lamp story');
    expect((await getHtml(f.app, '/p/nobody')).statusCode).toBe(404);
  });

  it('pages through a topic by its own index, skipping copies, however many there are', async () => {
    f = await readerFixture(dialect);
    const p = await f.publisher({ slug: 'the-lamp', name: 'The Lamp' });
    const q = await f.publisher({ slug: 'quay', name: 'Quay' });
    for (let i = 0; i < 30; i++) {
      // thirty different stories: bodies with nothing in common (the fixture's default bodies would make one story of them)
      const body = Array.from({ length: 40 }, (_, k) => `zq${((i * 7919 + k * 104729) % 1_000_003).toString(36)}`).join(
        ' ',
      );
      const id = await f.article(p, {
        title: `Budget vote ${String(i).padStart(2, '0')}`,
        section: 'politics',
        published_at: NOW - i * 60_000,
        body_text: body,
      });
      // Every story also runs as a copy elsewhere, a minute later: the topic index holds both.
      await f.article(q, {
        title: `Copy of budget vote ${i}`,
        section: 'politics',
        duplicate_of: id,
        published_at: NOW - i * 60_000 + 30_000,
      });
    }
    await runCuration(f.database);
    const first = await getHtml(f.app, '/t/politics');
    const page1 = titles(first.body);
    expect(page1).toHaveLength(24);
    const second = await getHtml(f.app, older(first.body)!);
    const all = [...page1, ...titles(second.body)];
    expect(all).toEqual(Array.from({ length: 30 }, (_, i) => `Budget vote ${String(i).padStart(2, '0')}`));
    expect(older(second.body)).toBeUndefined();
  });

  it('tells a topic, a name and a section story by story, with each story’s publishers', async () => {
    f = await readerFixture(dialect);
    const body =
      'Saltmere council approved the harbour budget on Tuesday after a long night of debate. Councillor Petra Coyle said the budget pays for new sea walls, dredging and a ferry pier.';
    for (const slug of ['alpha', 'beta', 'gamma'])
      await f.article(await f.publisher({ slug }), {
        title: `Council passes the harbour budget (${slug})`,
        body_text: body,
        section: 'politics',
        categories: '["Politics"]',
      });
    await f.article(await f.publisher({ slug: 'delta' }), {
      title: 'Coyle opens Lowther library',
      body_text:
        'Petra Coyle opened the new library in Lowther on Friday and read to children from a picture book about whales.',
      section: 'politics',
      categories: '["Politics"]',
      published_at: NOW - 3 * HOUR,
    });
    await runCuration(f.database);
    const story = (
      await f.database.db
        .selectFrom('articles')
        .select('cluster_id')
        .where('title', 'like', 'Council passes%')
        .execute()
    ).map((r) => r.cluster_id);
    expect(new Set(story).size).toBe(1);
    const coyle = await f.database.db
      .selectFrom('entities')
      .select('slug')
      .where('key', '=', 'person:petra-coyle')
      .executeTakeFirstOrThrow();
    for (const path of ['/t/politics', `/e/${coyle.slug}`, '/s/politics']) {
      const html = (await getHtml(f.app, path)).body;
      expect(
        titles(html).filter((t) => t.startsWith('Council passes')),
        path,
      ).toHaveLength(1);
      expect(titles(html), path).toContain('Coyle opens Lowther library');
      expect(html, path).toContain(`href="/c/${story[0]}">3 publishers`);
    }
    // A publisher's own page still lists every one of its articles.
    expect(titles((await getHtml(f.app, '/p/alpha')).body)).toEqual(['Council passes the harbour budget (alpha)']);
  });

  it('lists a section, a topic and an author, without copies or withdrawn stories', async () => {
    f = await readerFixture(dialect);
    const p = await f.publisher({ slug: 'the-lamp', name: 'The Lamp' });
    const lead = await f.article(p, {
      title: 'Budget day',
      section: 'politics',
      categories: '["Public Finance","Tax"]',
      authors: ['Ada Okonjo'],
      body_text:
        'The chancellor set out the budget in parliament, raising the tax on fuel and cutting spending on roads.',
    });
    await f.article(p, {
      title: 'Budget copy',
      section: 'politics',
      categories: '["Public Finance"]',
      duplicate_of: lead,
      authors: ['Ada Okonjo'],
    });
    await f.article(p, {
      title: 'Budget hidden',
      section: 'politics',
      categories: '["Public Finance"]',
      status: 'hidden',
      authors: ['Ada Okonjo'],
    });
    await f.article(p, {
      title: 'Match report',
      section: 'sport',
      categories: '["Football"]',
      authors: ['Ben Li'],
      body_text:
        'The keeper saved a late penalty as Saltmere Rovers beat Kellbridge Town two goals to one in the league.',
    });

    const s = await getHtml(f.app, '/s/politics');
    expect(s.statusCode).toBe(200);
    expect(titles(s.body)).toEqual(['Budget day']);
    expect((await getHtml(f.app, '/s/nowhere')).statusCode).toBe(404);

    // Topic pages list what the curation pass tagged: IPTC Media Topics, from categories, section and text.
    await runCuration(f.database);
    const t = await getHtml(f.app, '/t/politics');
    expect(t.statusCode).toBe(200);
    expect(t.body).toContain('<h1>Politics</h1>');
    expect(titles(t.body)).toEqual(['Budget day']);
    const football = await getHtml(f.app, '/t/sport/football');
    expect(football.body).toContain('<h1>Football</h1>');
    expect(football.body).toContain('Part of Sport');
    expect(titles(football.body)).toContain('Match report'); // (the fixture's every paragraph mentions a "keeper", so the budget may be here too)
    expect(titles(football.body)).not.toContain('Budget copy');
    expect((await getHtml(f.app, '/t/no-such-topic')).statusCode).toBe(404);
    expect((await getHtml(f.app, '/t/sport/no-such-child')).statusCode).toBe(404);

    const a = await getHtml(f.app, '/author/the-lamp/ada-okonjo');
    expect(a.statusCode).toBe(200);
    expect(a.body).toContain('Writing for The Lamp');
    expect(titles(a.body)).toEqual(['Budget day']);
    expect((await getHtml(f.app, '/author/the-lamp/nobody')).statusCode).toBe(404);
    expect((await getHtml(f.app, '/author/nowhere/ada-okonjo')).statusCode).toBe(404);
  });

  it('lists on a publisher’s own page its report that another publisher’s copy got to first', async () => {
    f = await readerFixture(dialect);
    const wire = await f.publisher({ slug: 'wire' });
    const lamp = await f.publisher({ slug: 'the-lamp', name: 'The Lamp' });
    const first = await f.article(wire, { title: 'Storm closes the ferry (wire)', authors: ['Ann Wire'] });
    await f.article(lamp, { title: 'Storm closes the ferry (the Lamp)', duplicate_of: first, authors: ['Ada Okonjo'] });
    expect(titles((await getHtml(f.app, '/p/the-lamp')).body)).toEqual(['Storm closes the ferry (the Lamp)']);
    expect(titles((await getHtml(f.app, '/author/the-lamp/ada-okonjo')).body)).toEqual([
      'Storm closes the ferry (the Lamp)',
    ]);
    expect(titles((await getHtml(f.app, '/s/news')).body)).toEqual(['Storm closes the ferry (wire)']); // told once elsewhere
  });

  it('ignores a malformed cursor and escapes what it echoes', async () => {
    f = await readerFixture(dialect);
    const p = await f.publisher({ slug: 'the-lamp' });
    await f.article(p, { title: 'Only story' });
    const res = await getHtml(f.app, '/s/news?before=%22%3E%3Cscript%3Ealert(1)%3C/script%3E');
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('<script>alert');
    expect(titles(res.body)).toEqual(['Only story']);
  });
});
