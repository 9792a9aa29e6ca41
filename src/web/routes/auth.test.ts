// Membership pages over HTTP: forms carry CSRF tokens, sessions rotate at
// sign-in, wrong passwords are refused and throttled, accounts stay apart,
// webhooks need a valid signature.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import Stripe from 'stripe';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { createTestDatabase, testDialects, type TestDatabase } from '../../db/testing.ts';
import { silentLogger } from '../../log.ts';
import { createMailer } from '../../mail/mailer.ts';
import { linkIn, startTestSmtp } from '../../mail/test-smtp.ts';
import { createStripeProvider } from '../../members/billing/stripe.ts';
import { buildServer } from '../server.tsx';

let smtp: Awaited<ReturnType<typeof startTestSmtp>>;
beforeAll(async () => (smtp = await startTestSmtp()));
afterAll(() => smtp.close());

class Browser {
  cookies = new Map<string, string>();
  constructor(private app: FastifyInstance) {}
  private remember(res: LightMyRequestResponse) {
    for (const c of res.cookies) {
      if (c.value === '' || (c.expires && c.expires.getTime() < Date.now())) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    return res;
  }
  private header() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  async get(url: string) {
    return this.remember(await this.app.inject({ method: 'GET', url, headers: { cookie: this.header() } }));
  }
  /** Fetches the form page first for its CSRF token, as a browser would. */
  async submit(formPage: string, action: string, fields: Record<string, string>, opts: { csrf?: string | null } = {}) {
    const pageRes = await this.get(formPage);
    const token = /name="_csrf" value="([^"]+)"/.exec(pageRes.body)?.[1];
    const csrf = opts.csrf === undefined ? token : opts.csrf;
    const payload = new URLSearchParams({ ...fields, ...(csrf ? { _csrf: csrf } : {}) }).toString();
    return this.remember(await this.app.inject({ method: 'POST', url: action, payload, headers: { cookie: this.header(), 'content-type': 'application/x-www-form-urlencoded', 'user-agent': 'TestBrowser' } }));
  }
}

describe.each(testDialects)('membership pages on %s', (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  afterEach(async () => {
    await app?.close();
    await database?.dispose();
  });

  async function setup() {
    database = await createTestDatabase(dialect);
    const config = { ...loadConfig({}), demo: false };
    const mailer = createMailer({ smtpUrl: smtp.url, from: 'Masthead <m@masthead.test>', dataDir: '/nonexistent', log: silentLogger });
    const billing = createStripeProvider(database.db, { secretKey: 'sk_test_dummy', webhookSecret: 'whsec_x' }, Date.now);
    app = await buildServer({ config, database, log: silentLogger, mailer, baseUrl: 'http://masthead.test', billing });
    return new Browser(app);
  }
  const email = () => `web-${dialect}-${Math.random().toString(36).slice(2, 8)}@example.org`;

  it('answers every sign-up alike, signs in by the mailed link, and rotates the session at every sign-in', async () => {
    const b = await setup();
    const addr = email();
    const res = await b.submit('/signup', '/signup', { email: addr, password: 'a long enough secret' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/welcome');
    expect(b.cookies.get('mh_session')).toBeUndefined(); // not signed in until the address is proven
    // The same address again: the same answer, no session either (the mail says it is registered).
    const other = new Browser(app);
    const again = await other.submit('/signup', '/signup', { email: addr, password: 'another long secret' });
    expect([again.statusCode, again.headers.location]).toEqual([303, '/welcome']);
    expect(other.cookies.get('mh_session')).toBeUndefined();
    const mail = await smtp.waitFor((m) => m.to.includes(addr) && /Confirm/.test(m.subject));
    const verify = new URL(linkIn(mail, '/verify'));
    expect((await b.get(verify.pathname + verify.search)).body).toContain('email address is confirmed');
    const first = b.cookies.get('mh_session');
    expect(first).toBeTruthy();
    expect((await b.get('/account')).body).toContain(addr);

    // A planted session cookie is replaced at sign-in (no fixation).
    b.cookies.set('mh_session', 'planted-by-an-attacker');
    await b.submit('/signin', '/signin', { email: addr, password: 'a long enough secret' });
    const second = b.cookies.get('mh_session');
    expect(second).not.toBe('planted-by-an-attacker');
    expect(second).not.toBe(first);
  });

  it('refuses forms without a valid CSRF token', async () => {
    const b = await setup();
    const none = await b.submit('/signup', '/signup', { email: email(), password: 'a long enough secret' }, { csrf: null });
    expect(none.statusCode).toBe(403);
    const forged = await b.submit('/signup', '/signup', { email: email(), password: 'a long enough secret' }, { csrf: 'x'.repeat(43) });
    expect(forged.statusCode).toBe(403);
  });

  it('refuses a wrong password without saying whether the account exists, then throttles', async () => {
    const b = await setup();
    const addr = email();
    await b.submit('/signup', '/signup', { email: addr, password: 'a long enough secret' });
    await b.submit('/account', '/signout', {});
    const wrong = await b.submit('/signin', '/signin', { email: addr, password: 'wrong password!' });
    const unknown = await b.submit('/signin', '/signin', { email: 'nobody-here@example.org', password: 'wrong password!' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.body).toContain('That email and password do not match an account.');
    for (let i = 0; i < 4; i++) await b.submit('/signin', '/signin', { email: addr, password: `guess ${i}` });
    const throttled = await b.submit('/signin', '/signin', { email: addr, password: 'a long enough secret' });
    expect(throttled.statusCode).toBe(429);
    expect(throttled.headers['retry-after']).toBeTruthy();
  });

  it('keeps accounts apart: one member cannot revoke or read another’s sessions', async () => {
    const alice = await setup();
    const bob = new Browser(app);
    const [a, b] = [email(), email()];
    await alice.submit('/signup', '/signup', { email: a, password: 'alice long secret' });
    await alice.submit('/signin', '/signin', { email: a, password: 'alice long secret' });
    await bob.submit('/signup', '/signup', { email: b, password: 'bob long secret!' });
    await bob.submit('/signin', '/signin', { email: b, password: 'bob long secret!' });
    const aliceSession = await database.db.selectFrom('sessions').innerJoin('users', 'users.id', 'sessions.user_id').select(['sessions.token_hash']).where('users.email', 'like', 'web-%').orderBy('sessions.created_at').executeTakeFirstOrThrow();
    const id = aliceSession.token_hash.slice(0, 16);
    const res = await bob.submit('/account', `/account/sessions/${id}/revoke`, {});
    expect(res.statusCode).toBe(404);
    expect((await alice.get('/account')).statusCode).toBe(200);
    const exported = JSON.parse((await bob.get('/account/export')).body);
    expect(JSON.stringify(exported)).not.toContain('alice');
  });

  it('resets a password by a link that works once', async () => {
    const b = await setup();
    const addr = email();
    await b.submit('/signup', '/signup', { email: addr, password: 'a long enough secret' });
    await b.submit('/reset', '/reset', { email: addr });
    const mail = await smtp.waitFor((m) => m.to.includes(addr) && /Reset/.test(m.subject));
    const link = new URL(linkIn(mail, '/reset'));
    const token = link.searchParams.get('token')!;
    expect((await b.get(link.pathname + link.search)).body).toContain('Choose a new password');
    expect((await b.submit(link.pathname + link.search, '/reset/confirm', { token, password: 'a fresh new secret' })).statusCode).toBe(303);
    const again = await b.submit('/reset', '/reset/confirm', { token, password: 'another new secret' });
    expect(again.statusCode).toBe(400);
    expect(again.body).toMatch(/expired or has already been used/);
  });

  it('refuses billing webhooks with a bad signature and accepts good ones', async () => {
    await setup();
    const bad = await app.inject({ method: 'POST', url: '/webhooks/billing', payload: '{"id":"evt_1"}', headers: { 'content-type': 'application/json', 'stripe-signature': 't=1,v1=00' } });
    expect(bad.statusCode).toBe(400);
    const payload = JSON.stringify({ id: 'evt_ok', object: 'event', type: 'customer.created', created: Math.floor(Date.now() / 1000), data: { object: {} } });
    const header = new Stripe('sk_test_dummy').webhooks.generateTestHeaderString({ payload, secret: 'whsec_x' });
    const good = await app.inject({ method: 'POST', url: '/webhooks/billing', payload, headers: { 'content-type': 'application/json', 'stripe-signature': header } });
    expect(good.statusCode).toBe(200);
    expect(good.json()).toMatchObject({ received: true, type: 'customer.created' });
  });
});
