import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testDialects, type TestDatabase } from '../test-support/databases.ts';
import { silentLogger } from '../log.ts';
import { createMailer } from '../mail/mailer.ts';
import { startTestSmtp } from '../test-support/smtp.ts';
import { createUser } from './accounts.ts';
import { grantMembership } from './billing/manual.ts';
import { DAY_MS } from './membership.ts';
import { sendTrialReminders } from './reminders.ts';

let smtp: Awaited<ReturnType<typeof startTestSmtp>>;
beforeAll(async () => (smtp = await startTestSmtp()));
afterAll(() => smtp.close());

describe.each(testDialects)('trial reminders on %s', (dialect) => {
  let database: TestDatabase;
  afterEach(async () => database?.dispose());

  it('mails three days before the end and on the day, once each, and not to people who paid', async () => {
    database = await createTestDatabase(dialect);
    const db = database.db;
    const t0 = Date.parse('2026-11-01T09:00:00Z');
    const tag = `${dialect}-${Date.now()}`;
    const trialist = await createUser(
      db,
      { email: `trial-${tag}@example.org`, password: 'a long enough secret', trialDays: 14 },
      t0,
    );
    const granted = await createUser(
      db,
      { email: `granted-${tag}@example.org`, password: 'a long enough secret', trialDays: 14 },
      t0,
    );
    await grantMembership(db, { userId: granted.id, startsAt: t0, endsAt: null, grantedBy: null }, t0);
    const mailer = createMailer({
      smtpUrl: smtp.url,
      from: 'Masthead <m@masthead.test>',
      dataDir: '/nonexistent',
      log: silentLogger,
    });
    const run = (now: number) => sendTrialReminders({ db, mailer, now, baseUrl: 'http://masthead.test', graceDays: 7 });

    expect(await run(t0 + 5 * DAY_MS)).toEqual({ warned: 0, ended: 0 });
    expect(await run(t0 + 11.5 * DAY_MS)).toEqual({ warned: 1, ended: 0 });
    expect(await run(t0 + 12 * DAY_MS)).toEqual({ warned: 0, ended: 0 });
    const warn = await smtp.waitFor((m) => m.to.includes(trialist.email) && /ends in 3 days/.test(m.subject));
    expect(warn.text).toContain('http://masthead.test/plans');
    expect(await run(t0 + 14 * DAY_MS + 1000)).toEqual({ warned: 0, ended: 1 });
    expect(await run(t0 + 14 * DAY_MS + 5000)).toEqual({ warned: 0, ended: 0 });
    await smtp.waitFor((m) => m.to.includes(trialist.email) && /trial has ended/.test(m.subject));
    expect(smtp.inbox.some((m) => m.to.includes(granted.email))).toBe(false);
    mailer.close();
  });
});
