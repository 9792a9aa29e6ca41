import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testDialects, type TestDatabase } from '../test-support/databases.ts';
import { silentLogger } from '../log.ts';
import { createMailer, type Mailer } from '../mail/mailer.ts';
import { linkIn, startTestSmtp } from '../test-support/smtp.ts';
import {
  AccountError,
  changePassword,
  confirmEmailChange,
  deleteAccount,
  exportAccount,
  requestEmailChange,
  signUp,
  verifyEmail,
  type AccountDeps,
} from './accounts.ts';
import type { MailWorker } from '../mail/outbox.ts';
import { accountsWithMail } from './account-mail.ts';
import { requestPasswordReset, resetPassword } from './recovery.ts';
import { listSessions, revokeSession, userForSession } from './sessions.ts';
import { signIn } from './signin.ts';

let smtp: Awaited<ReturnType<typeof startTestSmtp>>;
beforeAll(async () => (smtp = await startTestSmtp()));
afterAll(() => smtp.close());

describe.each(testDialects)('accounts on %s', (dialect) => {
  let database: TestDatabase;
  let mailer: Mailer;
  let worker: MailWorker | null;
  let now = Date.parse('2026-11-24T09:00:00Z');
  afterEach(async () => {
    await worker?.stop();
    mailer?.close();
    await database?.dispose();
  });

  async function deps(): Promise<AccountDeps> {
    database = await createTestDatabase(dialect);
    mailer = createMailer({
      smtpUrl: smtp.url,
      from: 'Masthead <news@masthead.test>',
      dataDir: '/nonexistent',
      log: silentLogger,
    });
    const wired = accountsWithMail({
      db: database.db,
      dialect,
      mailer,
      log: silentLogger,
      now: () => now,
      baseUrl: 'http://masthead.test',
      trialDays: 14,
      owner: 'test',
    });
    worker = wired.worker;
    return wired.accounts;
  }
  const email = () => `reader-${dialect}-${Math.random().toString(36).slice(2, 8)}@example.org`;
  /** Sign up, then sign in: a session for a new account. */
  const join = async (d: AccountDeps, addr: string, password: string) => {
    await signUp(d, { email: addr, password });
    return (await signIn(d, { email: addr, password }, {})).sessionToken;
  };

  it('signs up with a trial, verifies by the mailed link once, and signs in', async () => {
    const d = await deps();
    const addr = email();
    await signUp(d, { email: addr, password: 'a long enough secret', next: '/a/1/story' });
    const user = await d.db.selectFrom('users').selectAll().where('email', '=', addr).executeTakeFirstOrThrow();
    expect(user).toMatchObject({
      email_verified_at: null,
      trial_started_at: now,
      trial_ends_at: now + 14 * 86_400_000,
    });
    const mail = await smtp.waitFor((m) => m.to.includes(addr) && /Confirm your email/.test(m.subject));
    expect(mail.text).toMatch(/14-day free trial/);
    const link = new URL(linkIn(mail, '/verify'));
    expect(link.searchParams.get('next')).toBe('/a/1/story');
    const token = link.searchParams.get('token')!;
    expect((await verifyEmail(d, token)).email_verified_at).toBe(now);
    await expect(verifyEmail(d, token)).rejects.toThrow(/already been used/);

    const first = await signIn(d, { email: addr.toUpperCase(), password: 'a long enough secret' }, { ip: '10.0.0.1' });
    const second = await signIn(d, { email: addr, password: 'a long enough secret' }, { ip: '10.0.0.1' });
    expect(second.sessionToken).not.toBe(first.sessionToken);
  });

  it('answers a second sign-up for the same person without revealing it, and gives no second trial', async () => {
    const d = await deps();
    const addr = email();
    await signUp(d, { email: addr, password: 'a long enough secret' });
    await expect(signUp(d, { email: addr, password: 'another long secret' })).resolves.toBeUndefined(); // same answer as a new sign-up
    await smtp.waitFor((m) => m.to.includes(addr) && /Signing up/.test(m.subject));
    // Deleting the account does not free the trial for the same (normalised) address.
    const user = await d.db.selectFrom('users').selectAll().where('email', '=', addr).executeTakeFirstOrThrow();
    await deleteAccount(d, user, 'a long enough secret');
    const local = addr.split('@')[0]!;
    const sessionToken = await join(d, `${local}+again@example.org`.replace('+again', ''), 'a third long secret');
    const back = await userForSession(d.db, sessionToken, now);
    expect(back!.user.trial_started_at).toBeNull();
  });

  it('refuses wrong passwords in the same words as unknown accounts, and throttles guessing', async () => {
    const d = await deps();
    const addr = email();
    await signUp(d, { email: addr, password: 'a long enough secret' });
    const wrong = await signIn(d, { email: addr, password: 'not the password' }, { ip: '10.0.0.2' }).catch(
      (e: unknown) => e as AccountError,
    );
    const unknown = await signIn(
      d,
      { email: 'nobody@example.org', password: 'not the password' },
      { ip: '10.0.0.2' },
    ).catch((e: unknown) => e as AccountError);
    expect(wrong).toBeInstanceOf(AccountError);
    expect((wrong as AccountError).message).toBe((unknown as AccountError).message);
    for (let i = 0; i < 4; i++)
      await signIn(d, { email: addr, password: `guess ${i}` }, { ip: `10.0.1.${i}` }).catch(() => null);
    const blocked = await signIn(d, { email: addr, password: 'a long enough secret' }, { ip: '10.0.0.9' }).catch(
      (e: unknown) => e as AccountError,
    );
    expect(blocked).toMatchObject({ code: 'throttled' });
    now += 16 * 60_000; // the window passes
    await expect(
      signIn(d, { email: addr, password: 'a long enough secret' }, { ip: '10.0.0.9' }),
    ).resolves.toBeTruthy();
  });

  it('holds the limit under 100 concurrent guesses: the right password among them is never checked past it', async () => {
    const d = await deps();
    const addr = email();
    await signUp(d, { email: addr, password: 'a long enough secret' });
    const guesses = Array.from({ length: 100 }, (_, i) => (i === 50 ? 'a long enough secret' : `guess number ${i}`));
    const outcomes = await Promise.all(
      guesses.map((password, i) =>
        signIn(d, { email: addr, password }, { ip: `10.9.${i >> 8}.${i & 255}` }).then(
          () => 'ok',
          (e: AccountError) => e.code,
        ),
      ),
    );
    const checked = outcomes.filter((o) => o !== 'throttled');
    expect(checked.length).toBe(5); // the account's limit, whatever the interleaving
    expect(outcomes.filter((o) => o === 'throttled').length).toBe(95);
    const row = await d.db
      .selectFrom('throttles')
      .selectAll()
      .where('key', 'like', 'account:%')
      .executeTakeFirstOrThrow();
    expect(row.hits).toBe(100); // every attempt was counted before any password was checked
  });

  it('keeps an owner on a device it knows signing in while strangers are locked out', async () => {
    const d = await deps();
    const addr = email();
    await signUp(d, { email: addr, password: 'a long enough secret' });
    const known = await signIn(d, { email: addr, password: 'a long enough secret' }, { ip: '10.0.0.1' });
    for (let i = 0; i < 6; i++)
      await signIn(d, { email: addr, password: `attacker ${i}` }, { ip: `10.6.0.${i}` }).catch(() => null);
    await expect(
      signIn(d, { email: addr, password: 'a long enough secret' }, { ip: '10.0.0.7' }),
    ).rejects.toMatchObject({ code: 'throttled' });
    // The owner's browser carries its device cookie: it is not held by strangers' failures.
    const again = await signIn(
      d,
      { email: addr, password: 'a long enough secret' },
      { ip: '10.0.0.1', device: known.device },
    );
    expect(again.user.email).toBe(addr);
    // A forged or another account's device cookie counts for nothing.
    const forged = `${known.user.id}.AAAAAAAAAAAAAAAA.${'B'.repeat(32)}`;
    await expect(
      signIn(d, { email: addr, password: 'a long enough secret' }, { ip: '10.0.0.7', device: forged }),
    ).rejects.toMatchObject({ code: 'throttled' });
    // A device's own failures lock that device only.
    for (let i = 0; i < 10; i++)
      await signIn(d, { email: addr, password: `typo ${i}` }, { ip: '10.0.0.1', device: again.device }).catch(
        () => null,
      );
    await expect(
      signIn(d, { email: addr, password: 'a long enough secret' }, { ip: '10.0.0.1', device: again.device }),
    ).rejects.toMatchObject({ code: 'throttled' });
  });

  it('throttles the password check behind changes made while signed in', async () => {
    const d = await deps();
    const addr = email();
    const token = await join(d, addr, 'a long enough secret');
    const user = (await userForSession(d.db, token, now))!.user;
    for (let i = 0; i < 5; i++)
      await expect(changePassword(d, user, `wrong ${i}`, 'a brand new secret', token)).rejects.toMatchObject({
        code: 'invalid-credentials',
      });
    await expect(deleteAccount(d, user, 'a long enough secret')).rejects.toMatchObject({ code: 'throttled' });
    await expect(requestEmailChange(d, user, 'a long enough secret', email())).rejects.toMatchObject({
      code: 'throttled',
    });
    now += 16 * 60_000;
    await changePassword(d, user, 'a long enough secret', 'a brand new secret', token);
  });

  it('voids older reset links when a newer one is sent or the password changes, and limits reset mail', async () => {
    const d = await deps();
    const addr = email();
    const session = await join(d, addr, 'a long enough secret');
    const resetMails = () => smtp.inbox.filter((m) => m.to.includes(addr) && /Reset your/.test(m.subject));
    const tokenOf = (m: { text: string; subject: string; raw: string; to: string[] }) =>
      new URL(linkIn(m, '/reset')).searchParams.get('token')!;
    await requestPasswordReset(d, addr);
    await smtp.waitFor(() => resetMails().length === 1);
    await requestPasswordReset(d, addr);
    await smtp.waitFor(() => resetMails().length === 2);
    const [first, second] = resetMails().map(tokenOf);
    await expect(resetPassword(d, first!, 'first link secret')).rejects.toThrow(/already been used/);
    // A password change voids the newer link too.
    const user = (await userForSession(d.db, session, now))!.user;
    await changePassword(d, user, 'a long enough secret', 'changed meanwhile!', session);
    await expect(resetPassword(d, second!, 'second link secret')).rejects.toThrow(/already been used/);
    // At most three reset mails an hour for one account: the rest are dropped quietly.
    for (let i = 0; i < 3; i++) await requestPasswordReset(d, addr);
    await worker!.drain();
    expect(resetMails().length).toBe(3);
    const queued = await d.db
      .selectFrom('mail_outbox')
      .select(['kind', 'sent_at', 'payload'])
      .where('kind', '=', 'password-reset')
      .execute();
    expect(queued.length).toBe(5);
    expect(queued.every((q) => q.sent_at !== null && q.payload === null)).toBe(true); // handled, and nothing kept
  });

  it('resets a password by a link that works once and expires, signing out everywhere', async () => {
    const d = await deps();
    const addr = email();
    const sessionToken = await join(d, addr, 'a long enough secret');
    await requestPasswordReset(d, 'nobody-at-all@example.org'); // queued all the same; no mail goes out
    await requestPasswordReset(d, addr);
    const mail = await smtp.waitFor((m) => m.to.includes(addr) && /Reset your/.test(m.subject));
    const token = new URL(linkIn(mail, '/reset')).searchParams.get('token')!;
    await expect(resetPassword(d, token, 'short')).rejects.toThrow(/at least/);
    await resetPassword(d, token, 'a brand new secret');
    await expect(resetPassword(d, token, 'yet another secret')).rejects.toThrow(/already been used/);
    expect(await userForSession(d.db, sessionToken, now)).toBeNull();
    await signIn(d, { email: addr, password: 'a brand new secret' }, {});

    await requestPasswordReset(d, addr);
    const late = await smtp.waitFor(
      (m) => m.to.includes(addr) && /Reset your/.test(m.subject) && !m.text.includes(token) && m !== mail,
    );
    now += 2 * 3_600_000;
    await expect(
      resetPassword(d, new URL(linkIn(late, '/reset')).searchParams.get('token')!, 'too late secret'),
    ).rejects.toThrow(/expired/);
  });

  it('changes email by confirmation and password with the current one; lists and revokes only own sessions', async () => {
    const d = await deps();
    const a = email();
    const b = email();
    const ta = await join(d, a, 'a long enough secret');
    const tb = await join(d, b, 'b long enough secret');
    const ua = (await userForSession(d.db, ta, now))!;
    const ub = (await userForSession(d.db, tb, now))!;

    await expect(requestEmailChange(d, ua.user, 'wrong password', 'new@example.org')).rejects.toThrow(AccountError);
    const fresh = email();
    await requestEmailChange(d, ua.user, 'a long enough secret', fresh);
    const mail = await smtp.waitFor((m) => m.to.includes(fresh));
    const changed = await confirmEmailChange(
      d,
      new URL(linkIn(mail, '/account/email/confirm')).searchParams.get('token')!,
    );
    expect(changed.email).toBe(fresh);

    const second = await signIn(d, { email: fresh, password: 'a long enough secret' }, { userAgent: 'Phone' });
    expect(await listSessions(d.db, ua.user.id, now)).toHaveLength(2);
    // B cannot revoke A's session by naming its id.
    const aSessionId = (await listSessions(d.db, ua.user.id, now))[0]!.id;
    expect(await revokeSession(d.db, ub.user.id, aSessionId)).toBe(false);
    expect(await listSessions(d.db, ua.user.id, now)).toHaveLength(2);

    await changePassword(d, changed, 'a long enough secret', 'changed long secret', ta);
    expect(await userForSession(d.db, ta, now)).not.toBeNull();
    expect(await userForSession(d.db, second.sessionToken, now)).toBeNull();
  });

  it('exports an account before deleting it, with no password hash', async () => {
    const d = await deps();
    const addr = email();
    const sessionToken = await join(d, addr, 'a long enough secret');
    const u = (await userForSession(d.db, sessionToken, now))!.user;
    const data = await exportAccount(d.db, u.id);
    expect(data.profile.email).toBe(addr);
    expect(JSON.stringify(data)).not.toMatch(/argon2|password_hash/);
    await deleteAccount(d, u, 'a long enough secret');
    expect(await userForSession(d.db, sessionToken, now)).toBeNull();
  });
});
