// One story told by nine publishers (a follow-up, a copy carried by another
// publisher, a withdrawn report, stale related-story links): every page that
// counts its coverage or a name's reports says the same numbers, and a page
// that lists fewer than it counts says so.
import { afterEach, describe, expect, it } from 'vitest';
import { withdrawArticle } from '../../catalog/articles.ts';
import { articlePath } from '../../catalog/article-pages.ts';
import { runCuration } from '../../curation/job.ts';
import { testDialects } from '../../test-support/databases.ts';
import { getHtml, HOUR, NOW, readerFixture, type ReaderFixture } from '../../test-support/reader-fixture.ts';

const BODY =
  'A water main burst under Harbour Road in Saltmere on Tuesday, flooding shops and closing the road. Councillor Petra Coyle said repairs would take a week and that the pipe was ninety years old.';

/** The text of a page's section, from its heading to the next. */
const section = (html: string, heading: string) => html.split(`<h2>${heading}</h2>`)[1]?.split('<h2>')[0] ?? '';
const cardCount = (html: string) => (html.match(/<h3><a href=/g) ?? []).length;

describe.each(testDialects)('a story’s coverage and a name’s reports agree on every page, %s', (dialect) => {
  let f: ReaderFixture;
  afterEach(async () => f?.close());

  it('card, article, story and name pages give the same counts', async () => {
    f = await readerFixture(dialect);
    const ids: number[] = [];
    for (let i = 1; i <= 9; i++) {
      const p = await f.publisher({ slug: `paper-${i}`, name: `Paper ${i}` });
      ids.push(
        await f.article(p, {
          title: `Water main bursts under Harbour Road (${i})`,
          body_text: BODY,
          published_at: NOW - HOUR + i * 60_000,
        }),
      );
    }
    const [first, second, , , , , seventh, eighth, ninth] = ids as [number, ...number[]];
    const paper1 = (
      await f.database.db
        .selectFrom('articles')
        .select('publisher_id')
        .where('id', '=', first)
        .executeTakeFirstOrThrow()
    ).publisher_id;
    await f.article(paper1, { title: 'Harbour Road stays shut', body_text: BODY, published_at: NOW - 20 * 60_000 });
    const wire = await f.publisher({ slug: 'wire-reprints', name: 'Wire Reprints' });
    await f.article(wire, {
      title: 'Water main bursts under Harbour Road (copy)',
      body_text: BODY,
      duplicate_of: second,
      published_at: NOW - 10 * 60_000,
    });
    await f.article(paper1, {
      title: 'Coyle opens Lowther library',
      body_text: 'Petra Coyle opened the new library in Lowther on Friday and read to children from a picture book.',
      published_at: NOW - 5 * HOUR,
    });
    await runCuration(f.database);
    await withdrawArticle(f.database.db, ninth!, NOW);
    // Related-story links written before two reports joined this story.
    await f.database.db
      .insertInto('article_related')
      .values([
        { article_id: first, related_id: seventh!, score: 0.9 },
        { article_id: first, related_id: eighth!, score: 0.8 },
      ])
      .execute();
    const row = await f.database.db
      .selectFrom('articles')
      .select(['id', 'title', 'cluster_id'])
      .where('id', '=', first)
      .executeTakeFirstOrThrow();
    const story = row.cluster_id!;
    const inStory = await f.database.db.selectFrom('articles').select('id').where('cluster_id', '=', story).execute();
    expect(inStory).toHaveLength(11); // nine papers, a follow-up, a copy (and the withdrawn one still filed there)

    // Published reports: paper 1's two, papers 2–8, the copy = 10; publishers: papers 1–8 and the reprinter = 9.
    const coyle = await f.database.db
      .selectFrom('entities')
      .select('slug')
      .where('key', '=', 'person:petra-coyle')
      .executeTakeFirstOrThrow();
    const name = (await getHtml(f.app, `/e/${coyle.slug}`)).body;
    expect(name).toContain('named in 11 reports of 2 stories');
    expect(cardCount(name)).toBe(2);
    expect(name).toContain(`href="/c/${story}">9 publishers</a>`);

    const storyPage = (await getHtml(f.app, `/c/${story}`)).body;
    expect(storyPage).toContain('9 publishers cover this story · 10 reports');
    expect(storyPage.match(/class="report"/g)).toHaveLength(9); // each publisher's first report
    expect(storyPage).toContain('showing 9 of 10 reports');

    const article = (await getHtml(f.app, articlePath(row))).body;
    const more = section(article, 'More coverage');
    expect(more).toContain('9 publishers cover this story · 10 reports · showing 6 of 8 other publishers');
    expect(cardCount(more)).toBe(6);
    // No report of this story is offered again as another story.
    // Nor while the curation job has no related stories for it (the page then offers the section's latest).
    await f.database.db.deleteFrom('article_related').where('article_id', '=', first).execute();
    const fallback = (await getHtml(f.app, articlePath(row))).body;
    expect(section(fallback, 'Related stories')).not.toMatch(/Water main bursts|Harbour Road stays shut/);
    for (const other of ['Related stories', 'Top stories', 'Our picks'])
      expect(section(article, other), other).not.toMatch(/Water main bursts|Harbour Road stays shut/);

    const home = (await getHtml(f.app, '/')).body;
    const homeCounts = [...home.matchAll(new RegExp(`href="/c/${story}">(\\d+) publishers`, 'g'))].map((m) => m[1]);
    expect(homeCounts.length).toBeGreaterThan(0);
    expect(new Set(homeCounts)).toEqual(new Set(['9']));
  });
});
