// Result pages of popular searches are kept for the shared-lists interval,
// one per class of viewer that may read the same things. With the caches on:
// a member's page (matches and snippets in the whole text) never reaches a
// visitor (matches and snippets in the preview only), and a takedown clears
// them at once.
import { afterEach, describe, expect, it } from 'vitest';
import { issueApiKey } from '../../catalog/publishers.ts';
import { testDialects } from '../../test-support/databases.ts';
import { createUser } from '../../members/accounts.ts';
import { createSession } from '../../members/sessions.ts';
import { getHtml, readerFixture, type ReaderFixture } from '../../test-support/reader-fixture.ts';

describe.each(testDialects)('search result pages kept for popular searches, %s', (dialect) => {
  let f: ReaderFixture;
  afterEach(async () => f?.close());

  it('keeps one page per class of reader, never crossing the paywall, and drops them on a takedown', async () => {
    f = await readerFixture(dialect, { cached: true });
    const db = f.database.db;
    const p = await f.publisher({ slug: 'lamp' });
    const paragraphs = Array.from(
      { length: 8 },
      (_, i) => `Paragraph ${i + 1} is about the harbour and the keeper of the light tonight.`,
    );
    const bodyText = [...paragraphs, 'The zephyrine secret is kept in the lamp room.'];
    await f.article(p, {
      title: 'The keeper',
      guid: 'push:keeper',
      published_at: Date.now() - 3_600_000,
      body_html: bodyText.map((x) => `<p>${x}</p>`).join(''),
      body_text: bodyText.join('\n\n'),
    });
    const now = Date.now();
    const u = await createUser(
      db,
      { email: 'm@example.org', password: 'a long enough secret', trialDays: 14, verified: true },
      now,
    );
    const member = `mh_session=${await createSession(db, u.id, now, {})}`;

    const asMember = await getHtml(f.app, '/search?q=zephyrine', { cookie: member });
    expect(asMember.body).toContain('The keeper');
    expect(asMember.body).toContain('<mark>zephyrine</mark>'); // the snippet reaches the last paragraph
    for (let i = 0; i < 2; i++) {
      const asVisitor = await getHtml(f.app, '/search?q=zephyrine');
      expect(asVisitor.body).not.toContain('The keeper'); // the word is only behind the paywall: a visitor's search cannot find it
      expect(asVisitor.body).not.toContain('zephyrine</mark>');
      expect(asVisitor.body).toContain('No stories match');
      expect((await getHtml(f.app, '/search?q=keeper+harbour')).body).toContain('The keeper'); // the preview's words do
    }
    // Kept: a story added behind the app's back does not appear within the interval.
    await f.article(p, { title: 'Another zephyrine story', published_at: Date.now() - 60_000 });
    expect((await getHtml(f.app, '/search?q=zephyrine', { cookie: member })).body).not.toContain(
      'Another zephyrine story',
    );
    // The publisher withdraws the first: gone from every kept result page at once.
    const key = await issueApiKey(db, p);
    expect(
      (
        await f.app.inject({
          method: 'DELETE',
          url: '/api/v1/publisher/articles/keeper',
          headers: { authorization: `Bearer ${key}` },
        })
      ).statusCode,
    ).toBe(200);
    for (const cookie of [member, '']) {
      const after = await getHtml(f.app, '/search?q=zephyrine', cookie ? { cookie } : {});
      expect(after.body).not.toContain('The keeper');
      expect(after.body).toContain('Another zephyrine story');
    }
  });
});
