// Stopping the mail worker: the message being sent is finished, the rest of what it claimed goes back to
// the outbox as it was (no attempt counted, no lease held), for the next worker in any process.
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../log.ts';
import { createTestDatabase, testDialects, type TestDatabase } from '../test-support/databases.ts';
import type { Mailer } from './mailer.ts';
import { createOutbox, startMailWorker } from './outbox.ts';

describe.each(testDialects)('the mail worker on %s', (dialect) => {
  let database: TestDatabase;
  afterEach(async () => database?.dispose());

  it('stops between messages and hands back the ones it had not sent', async () => {
    database = await createTestDatabase(dialect);
    const outbox = createOutbox(database.db);
    for (const n of [1, 2, 3]) await outbox.send({ to: `reader${n}@example.org`, subject: `Mail ${n}`, text: 'Hello' });
    let stopping: Promise<void> | undefined;
    const sent: string[] = [];
    const mailer = {
      async send(message: { to: string }) {
        sent.push(message.to);
        stopping ??= worker.stop(); // the stop arrives while the first message is being sent
      },
      close() {},
    } as unknown as Mailer;
    const worker = startMailWorker({
      db: database.db,
      dialect: database.dialect,
      mailer,
      handlers: { 'password-reset': async () => undefined },
      log: silentLogger,
      owner: 'web-1',
    });
    for (let i = 0; i < 200 && !stopping; i++) await new Promise((r) => setTimeout(r, 5));
    await stopping;
    expect(sent).toEqual(['reader1@example.org']);
    const rows = await database.db
      .selectFrom('mail_outbox')
      .select(['sent_at', 'attempts', 'lease_owner', 'lease_until'])
      .orderBy('id')
      .execute();
    expect(rows.map((r) => [r.sent_at !== null, r.attempts, r.lease_owner, r.lease_until])).toEqual([
      [true, 1, null, null],
      [false, 0, null, null],
      [false, 0, null, null],
    ]);
  });
});
