// Members' article pages are rendered once per interval for each paywall
// decision and saved state, with the member's CSRF token spliced in. These
// tests run the server with its caches on (real clock) and check that what
// must change at once does: another member's token never shows, a takedown
// and an access change apply to the next request, a signed-out session is
// signed out, and reads reach the history page and the database.
import { afterEach, describe, expect, it } from 'vitest';
import { articlePath } from '../catalog/article-pages.ts';
import { issueApiKey } from '../catalog/publishers.ts';
import { testDialects } from '../test-support/databases.ts';
import { createUser } from '../members/accounts.ts';
import { DAY_MS } from '../members/membership.ts';
import { createSession } from '../members/sessions.ts';
import { getHtml, readerFixture, type ReaderFixture } from '../test-support/reader-fixture.ts';

const csrfIn = (html: string) => [...html.matchAll(/name="_csrf" value="([^"]+)"/g)].map((m) => m[1]);
const form = (cookie: string) => ({ cookie, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' });

describe.each(testDialects)("members' cached article pages, %s", (dialect) => {
  let f: ReaderFixture;
  afterEach(() => f?.close());

  async function setUp() {
    f = await readerFixture(dialect, { cached: true });
    const db = f.database.db;
    const now = Date.now();
    const p = await f.publisher({ slug: 'lamp' });
    const id = await f.article(p, {
      title: 'The keeper of the light',
      published_at: now - 3_600_000,
      guid: 'push:keeper-1',
    });
    const path = articlePath({ id, title: 'The keeper of the light' });
    const person = async (email: string, fields: { trialDays?: number; role?: 'editor'; at?: number } = {}) => {
      const u = await createUser(
        db,
        {
          email,
          password: 'a long enough secret',
          trialDays: fields.trialDays ?? null,
          role: fields.role,
          verified: true,
        },
        fields.at ?? now,
      );
      return { id: u.id, cookie: `mh_session=${await createSession(db, u.id, now, {})}` };
    };
    return { db, p, id, path, person, now };
  }

  it('gives each member their own token and saved state from one rendering', async () => {
    const { db, id, path, person } = await setUp();
    const [ann, bob] = [
      await person('ann@example.org', { trialDays: 14 }),
      await person('bob@example.org', { trialDays: 14 }),
    ];
    await db.insertInto('saved_articles').values({ user_id: bob.id, article_id: id, saved_at: Date.now() }).execute();
    const a1 = await getHtml(f.app, path, { cookie: ann.cookie });
    const b1 = await getHtml(f.app, path, { cookie: bob.cookie });
    const a2 = await getHtml(f.app, path, { cookie: ann.cookie });
    const annToken = csrfIn((await getHtml(f.app, '/account', { cookie: ann.cookie })).body)[0]!;
    const bobToken = csrfIn((await getHtml(f.app, '/account', { cookie: bob.cookie })).body)[0]!;
    // Tokens are masked afresh on every page; unmasked, each member has one of their own.
    const unmask = (t: string | undefined) => {
      const b = Buffer.from(t ?? '', 'base64url');
      const half = b.length / 2;
      return Buffer.from(b.subarray(half).map((x, i) => x ^ b[i]!)).toString('hex');
    };
    expect(unmask(annToken)).not.toBe(unmask(bobToken));
    expect(csrfIn(a1.body).map(unmask)).toEqual([unmask(annToken)]);
    expect(csrfIn(a2.body).map(unmask)).toEqual([unmask(annToken)]);
    expect(csrfIn(b1.body).map(unmask)).toEqual([unmask(bobToken)]);
    expect(csrfIn(a1.body)).not.toEqual(csrfIn(a2.body));
    expect(a1.body).toContain('Save for later');
    expect(b1.body).toContain('Saved ✓');
    expect(a1.headers['x-masthead-saved']).toBe('0');
    expect(b1.headers['x-masthead-saved']).toBe('1');
    // The cached page is used: a change made behind the app's back is not seen within the interval…
    await db.updateTable('articles').set({ title: 'Renamed behind the cache' }).where('id', '=', id).execute();
    expect((await getHtml(f.app, path, { cookie: ann.cookie })).body).not.toContain('Renamed behind the cache');
    // …and the token saves the story.
    const save = await f.app.inject({
      method: 'POST',
      url: `/a/${id}/save`,
      payload: `_csrf=${encodeURIComponent(annToken)}`,
      headers: form(ann.cookie),
    });
    expect(save.statusCode).toBe(303);
    expect((await getHtml(f.app, path, { cookie: ann.cookie })).body).toContain('Saved ✓');
  });

  it('applies a takedown and an access change to the next request', async () => {
    const { db, p, id, path, person, now } = await setUp();
    const lapsed = await person('lapsed@example.org', { trialDays: 14, at: now - 30 * DAY_MS });
    const member = await person('member@example.org', { trialDays: 14 });
    const editor = await person('editor@example.org', { role: 'editor' });
    const last = 'Paragraph 8 of story';
    expect((await getHtml(f.app, path, { cookie: lapsed.cookie })).body).not.toContain(last);
    expect((await getHtml(f.app, path, { cookie: member.cookie })).body).toContain(last);
    // An editor makes it free: the lapsed member reads it in full at once; premium again: the preview at once.
    const token = csrfIn((await getHtml(f.app, path, { cookie: editor.cookie })).body)[0]!;
    const toggle = () =>
      f.app.inject({
        method: 'POST',
        url: `/a/${id}/access`,
        payload: `_csrf=${encodeURIComponent(token)}`,
        headers: form(editor.cookie),
      });
    expect((await toggle()).statusCode).toBe(303);
    expect((await getHtml(f.app, path, { cookie: lapsed.cookie })).body).toContain(last);
    expect((await toggle()).statusCode).toBe(303);
    const again = await getHtml(f.app, path, { cookie: lapsed.cookie });
    expect(again.body).not.toContain(last);
    expect(again.headers['x-masthead-access']).toBe('none');
    // The publisher withdraws it: gone for members at once.
    const key = await issueApiKey(db, p);
    expect(
      (
        await f.app.inject({
          method: 'DELETE',
          url: '/api/v1/publisher/articles/keeper-1',
          headers: { authorization: `Bearer ${key}` },
        })
      ).statusCode,
    ).toBe(200);
    expect((await getHtml(f.app, path, { cookie: member.cookie })).statusCode).toBe(404);
  });

  it('stops serving a member page the moment the session is signed out', async () => {
    const { path, person } = await setUp();
    const member = await person('member@example.org', { trialDays: 14 });
    const page = await getHtml(f.app, path, { cookie: member.cookie });
    expect(page.body).toContain('Your account');
    const token = csrfIn(page.body)[0]!;
    expect(
      (
        await f.app.inject({
          method: 'POST',
          url: '/signout',
          payload: `_csrf=${encodeURIComponent(token)}`,
          headers: form(member.cookie),
        })
      ).statusCode,
    ).toBe(303);
    const after = await getHtml(f.app, path, { cookie: member.cookie });
    expect(after.body).not.toContain('Your account');
    expect(after.body).not.toContain('Paragraph 8 of story');
    expect(csrfIn(after.body)).toEqual([]);
  });

  it('lists what was just read, and writes pending reads when the server closes', async () => {
    const { db, id, path, person } = await setUp();
    const member = await person('member@example.org', { trialDays: 14 });
    await getHtml(f.app, path, { cookie: member.cookie });
    expect((await getHtml(f.app, '/history', { cookie: member.cookie })).body).toContain('The keeper of the light');
    await db.deleteFrom('reading_history').execute();
    await getHtml(f.app, path, { cookie: member.cookie });
    await f.app.close();
    expect(await db.selectFrom('reading_history').select(['user_id', 'article_id']).execute()).toEqual([
      { user_id: member.id, article_id: id },
    ]);
  });
});
