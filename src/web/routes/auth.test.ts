// Membership pages over HTTP: forms carry CSRF tokens, sessions rotate at
// sign-in, wrong passwords are refused and throttled, accounts stay apart,
// webhooks need a valid signature.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import Stripe from 'stripe';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { createTestDatabase, testDialects, type TestDatabase } from '../../test-support/databases.ts';
import { silentLogger } from '../../log.ts';
import { createMailer } from '../../mail/mailer.ts';
import { createOutbox } from '../../mail/outbox.ts';
import { linkIn, startTestSmtp } from '../../test-support/smtp.ts';
import { createStripeProvider } from '../../members/billing/stripe.ts';
import { buildServer } from '../../server.tsx';

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
    return this.remember(
      await this.app.inject({
        method: 'POST',
        url: action,
        payload,
        headers: {
          cookie: this.header(),
          'content-type': 'application/x-www-form-urlencoded',
          'user-agent': 'TestBrowser',
        },
      }),
    );
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
    const mailer = createMailer({
      smtpUrl: smtp.url,
      from: 'Masthead <m@masthead.test>',
      dataDir: '/nonexistent',
      log: silentLogger,
    });
    const billing = createStripeProvider(
      database.db,
      { secretKey: 'sk_test_dummy', webhookSecret: 'whsec_x' },
      Date.now,
    );
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
    // Opening the link changes nothing: it shows one button (a form with this browser's CSRF token).
    const confirm = await b.get(verify.pathname + verify.search);
    expect(confirm.body).toContain(`Confirm ${addr} to start reading`);
    expect(b.cookies.get('mh_session')).toBeUndefined();
    const done = await b.submit(verify.pathname + verify.search, '/verify', {
      token: verify.searchParams.get('token')!,
      next: '/',
    });
    expect(done.statusCode).toBe(303);
    expect((await b.get(done.headers.location as string)).body).toContain('email address is confirmed');
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

  it('never signs a reader into another account by a link (login CSRF)', async () => {
    const b = await setup();
    const victim = email();
    const attacker = email();
    await b.submit('/signup', '/signup', { email: victim, password: 'victim long secret' });
    await b.submit('/signin', '/signin', { email: victim, password: 'victim long secret' });
    const mine = b.cookies.get('mh_session');
    const other = new Browser(app);
    await other.submit('/signup', '/signup', { email: attacker, password: 'attacker long secret' });
    const link = new URL(
      linkIn(await smtp.waitFor((m) => m.to.includes(attacker) && /Confirm/.test(m.subject)), '/verify'),
    );
    // The victim opens the attacker's link: still the victim, told what confirming would do.
    const page = await b.get(link.pathname + link.search);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`You are signed in as ${victim}`);
    expect(b.cookies.get('mh_session')).toBe(mine);
    expect((await b.get('/account')).body).toContain(victim);
    // A forged cross-site post of the link (no CSRF token of the victim's) is refused.
    const forged = await app.inject({
      method: 'POST',
      url: '/verify',
      payload: `token=${link.searchParams.get('token')}`,
      headers: { cookie: `mh_session=${mine}`, 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(forged.statusCode).toBe(403);
    expect((await b.get('/account')).body).toContain(victim);
  });

  it('refuses forms without a valid CSRF token', async () => {
    const b = await setup();
    const none = await b.submit(
      '/signup',
      '/signup',
      { email: email(), password: 'a long enough secret' },
      { csrf: null },
    );
    expect(none.statusCode).toBe(403);
    const forged = await b.submit(
      '/signup',
      '/signup',
      { email: email(), password: 'a long enough secret' },
      { csrf: 'x'.repeat(43) },
    );
    expect(forged.statusCode).toBe(403);
  });

  it('refuses a wrong password without saying whether the account exists, then throttles', async () => {
    const b = await setup();
    const addr = email();
    await b.submit('/signup', '/signup', { email: addr, password: 'a long enough secret' });
    await b.submit('/account', '/signout', {});
    const wrong = await b.submit('/signin', '/signin', { email: addr, password: 'wrong password!' });
    const unknown = await b.submit('/signin', '/signin', {
      email: 'nobody-here@example.org',
      password: 'wrong password!',
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.body).toContain('That email and password do not match an account.');
    for (let i = 0; i < 4; i++) await b.submit('/signin', '/signin', { email: addr, password: `guess ${i}` });
    const throttled = await b.submit('/signin', '/signin', { email: addr, password: 'a long enough secret' });
    expect(throttled.statusCode).toBe(429);
    expect(throttled.headers['retry-after']).toBeTruthy();
  });

  it('counts attempts by the connection’s address, whatever X-Forwarded-For claims (no proxy is trusted by default)', async () => {
    await setup();
    const page = await app.inject({ url: '/signin' });
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
    const cookie = page.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const attempt = (i: number) =>
      app.inject({
        method: 'POST',
        url: '/signin',
        payload: new URLSearchParams({
          email: `someone-${i}@example.org`,
          password: 'not a password',
          _csrf: csrf,
        }).toString(),
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': `198.51.100.${i}` },
      });
    const codes: number[] = [];
    for (let i = 0; i < 31; i++) codes.push((await attempt(i)).statusCode);
    expect(codes.slice(0, 30).every((c) => c === 401)).toBe(true);
    expect(codes[30]).toBe(429); // the 31st from one address, though each claimed another and named another account
  });

  it('keeps accounts apart: one member cannot revoke or read another’s sessions', async () => {
    const alice = await setup();
    const bob = new Browser(app);
    const [a, b] = [email(), email()];
    await alice.submit('/signup', '/signup', { email: a, password: 'alice long secret' });
    await alice.submit('/signin', '/signin', { email: a, password: 'alice long secret' });
    await bob.submit('/signup', '/signup', { email: b, password: 'bob long secret!' });
    await bob.submit('/signin', '/signin', { email: b, password: 'bob long secret!' });
    const aliceSession = await database.db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .select(['sessions.token_hash'])
      .where('users.email', 'like', 'web-%')
      .orderBy('sessions.created_at')
      .executeTakeFirstOrThrow();
    const id = aliceSession.token_hash.slice(0, 16);
    const res = await bob.submit('/account', `/account/sessions/${id}/revoke`, {});
    expect(res.statusCode).toBe(404);
    expect((await alice.get('/account')).statusCode).toBe(200);
    const exported = JSON.parse((await bob.get('/account/export')).body);
    expect(JSON.stringify(exported)).not.toContain('alice');
  });

  it('answers a reset request for a real and an unknown address with the same work: it only queues', async () => {
    const b = await setup();
    const addr = email();
    await b.submit('/signup', '/signup', { email: addr, password: 'a long enough secret' });
    await smtp.waitFor((m) => m.to.includes(addr));
    // Count the statements each request runs: the same, in the same order, for both kinds of address.
    const seen: string[] = [];
    const counting = {
      ...database,
      db: database.db.withPlugin({
        transformQuery: (a) => {
          const into = (a.node as { into?: { table?: { identifier?: { name?: string } } } }).into;
          seen.push(into ? `${a.node.kind}:${into.table?.identifier?.name}` : a.node.kind);
          return a.node;
        },
        transformResult: async (a) => a.result,
      }),
    };
    // Its mail worker is elsewhere (none here), so nothing but the requests touches the database.
    const quiet = await buildServer({
      config: { ...loadConfig({}), demo: false },
      database: counting,
      log: silentLogger,
      baseUrl: 'http://masthead.test',
      outbox: createOutbox(counting.db),
    });
    const ask = async (address: string) => {
      const page = await quiet.inject({ url: '/reset' });
      const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
      const cookie = page.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
      seen.length = 0;
      const res = await quiet.inject({
        method: 'POST',
        url: '/reset',
        payload: new URLSearchParams({ email: address, _csrf: csrf }).toString(),
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      });
      return { status: res.statusCode, body: res.body.replace(/value="[^"]+"/g, ''), statements: [...seen] };
    };
    const known = await ask(addr);
    const unknown = await ask(`nobody-${addr}`);
    expect(known.status).toBe(200);
    expect(unknown).toEqual(known);
    // The outbox row, and on PostgreSQL the rate limit's count (the same for every address), nothing else.
    const inserts = known.statements.filter((k) => k.startsWith('InsertQueryNode'));
    expect(inserts.filter((k) => k !== 'InsertQueryNode:throttles')).toEqual(['InsertQueryNode:mail_outbox']);
    // Both were queued as the same intent; the worker decides who gets mail.
    const jobs = await database.db
      .selectFrom('mail_outbox')
      .select(['kind', 'payload'])
      .where('kind', '=', 'password-reset')
      .execute();
    expect(jobs.map((j) => JSON.parse(j.payload!).email).sort()).toEqual([addr, `nobody-${addr}`].sort());
    await quiet.close();
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
    expect(
      (await b.submit(link.pathname + link.search, '/reset/confirm', { token, password: 'a fresh new secret' }))
        .statusCode,
    ).toBe(303);
    const again = await b.submit('/reset', '/reset/confirm', { token, password: 'another new secret' });
    expect(again.statusCode).toBe(400);
    expect(again.body).toMatch(/expired or has already been used/);
  });

  it('signs the owner in after a reset even from an address that is throttled for sign-in', async () => {
    const b = await setup();
    const addr = email();
    await b.submit('/signup', '/signup', { email: addr, password: 'a long enough secret' });
    await b.submit('/reset', '/reset', { email: addr });
    const link = new URL(linkIn(await smtp.waitFor((m) => m.to.includes(addr) && /Reset/.test(m.subject)), '/reset'));
    await database.db
      .insertInto('throttles')
      .values({ key: 'address:127.0.0.1', window_start: Date.now(), hits: 1000 })
      .execute();
    const done = await b.submit(link.pathname + link.search, '/reset/confirm', {
      token: link.searchParams.get('token')!,
      password: 'a fresh new secret',
    });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe('/account?changed=password');
    expect((await b.get('/account')).body).toContain(addr);
  });

  it('refuses billing webhooks with a bad signature and accepts good ones', async () => {
    await setup();
    const bad = await app.inject({
      method: 'POST',
      url: '/webhooks/billing',
      payload: '{"id":"evt_1"}',
      headers: { 'content-type': 'application/json', 'stripe-signature': 't=1,v1=00' },
    });
    expect(bad.statusCode).toBe(400);
    const payload = JSON.stringify({
      id: 'evt_ok',
      object: 'event',
      type: 'customer.created',
      created: Math.floor(Date.now() / 1000),
      data: { object: {} },
    });
    const header = new Stripe('sk_test_dummy').webhooks.generateTestHeaderString({ payload, secret: 'whsec_x' });
    const good = await app.inject({
      method: 'POST',
      url: '/webhooks/billing',
      payload,
      headers: { 'content-type': 'application/json', 'stripe-signature': header },
    });
    expect(good.statusCode).toBe(200);
    expect(good.json()).toMatchObject({ received: true, type: 'customer.created' });
  });
});
