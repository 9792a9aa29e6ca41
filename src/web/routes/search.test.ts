import { afterEach, describe, expect, it } from 'vitest';
import { testDialects } from '../../test-support/databases.ts';
import { getHtml, readerFixture, type ReaderFixture } from '../../test-support/reader-fixture.ts';

describe.each(testDialects)('search page, %s', (dialect) => {
  let f: ReaderFixture;
  afterEach(async () => f?.close());

  it('finds stories with highlighted snippets, filters by publisher and section, and escapes the query', async () => {
    f = await readerFixture(dialect);
    const p = await f.publisher({ slug: 'the-lamp', name: 'The Lamp' });
    const q = await f.publisher({ slug: 'quay', name: 'Quay Daily' });
    await f.article(p, {
      title: 'Lighthouse keeper retires',
      standfirst: 'Forty years on the lighthouse.',
      section: 'news',
    });
    await f.article(q, {
      title: 'Lighthouse for sale',
      standfirst: 'A lighthouse goes to auction.',
      section: 'business',
    });
    await f.article(q, { title: 'Ferry timetable', standfirst: 'Boats run later.', section: 'news' });

    const empty = await getHtml(f.app, '/search');
    expect(empty.statusCode).toBe(200);
    expect(empty.body).toContain('role="search"');
    expect(empty.body).toContain('<option value="good-news">Good news</option>');

    const all = await getHtml(f.app, '/search?q=lighthouse');
    expect(all.body).toContain('Lighthouse keeper retires');
    expect(all.body).toContain('Lighthouse for sale');
    expect(all.body).not.toContain('Ferry timetable');
    expect(all.body).toMatch(/<mark>lighthouse<\/mark>/i);

    const byPublisher = await getHtml(f.app, '/search?q=lighthouse&publisher=quay');
    expect(byPublisher.body).toContain('Lighthouse for sale');
    expect(byPublisher.body).not.toContain('Lighthouse keeper retires');
    const bySection = await getHtml(f.app, '/search?q=lighthouse&section=news');
    expect(bySection.body).toContain('Lighthouse keeper retires');
    expect(bySection.body).not.toContain('Lighthouse for sale');

    const hostile = await getHtml(f.app, '/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E');
    expect(hostile.statusCode).toBe(200);
    expect(hostile.body).not.toContain('<script>alert(1)');
    const bad = await getHtml(f.app, '/search?q=x&from=yesterday&page=-3');
    expect(bad.statusCode).toBe(200);
  });
  it('lists later reports of a story under its first, and says when only common words were typed', async () => {
    f = await readerFixture(dialect);
    const p = await f.publisher({ slug: 'the-lamp', name: 'The Lamp' });
    const q = await f.publisher({ slug: 'quay', name: 'Quay Daily' });
    const hour = 3_600_000;
    const first = await f.article(p, {
      title: 'High street flooded',
      standfirst: 'A burst water main.',
      published_at: f.clock.now - 30 * hour,
    });
    const later = await f.article(q, { title: 'Water main repaired', published_at: f.clock.now - hour });
    await f.database.db.updateTable('articles').set({ cluster_id: 5 }).where('id', 'in', [first, later]).execute();

    const page = await getHtml(f.app, '/search?q=water+main');
    const body = page.body;
    expect(body.indexOf('High street flooded')).toBeLessThan(body.indexOf('Water main repaired'));
    expect(body).toContain('First report');
    expect(body).toMatch(/<ul class="story-later"[^>]*>.*Water main repaired/s);

    const common = await getHtml(f.app, '/search?q=the+AND+of');
    expect(common.statusCode).toBe(200);
    expect(common.body).toContain('“the”, “of” are too common to search for');
    expect(common.body).not.toContain('High street flooded');
  });
});
