// Wiring for account mail: the outbox requests queue into, and a worker that
// sends what is queued and resolves reset requests. The server and the tests
// use the same assembly.
import type { Kysely } from 'kysely';
import type { Dialect } from '../db/connect.ts';
import type { DB } from '../db/schema.ts';
import type { Logger } from '../log.ts';
import type { Mailer } from '../mail/mailer.ts';
import { createOutbox, startMailWorker, type MailWorker, type Outbox } from '../mail/outbox.ts';
import type { AccountDeps } from './accounts.ts';
import { deliverPasswordReset } from './recovery.ts';

export interface AccountMailOptions {
  db: Kysely<DB>;
  dialect: Dialect;
  mailer: Mailer;
  log: Logger;
  now: () => number;
  baseUrl: string;
  trialDays: number;
  /** the worker's lease name */
  owner: string;
  /** an outbox to queue into instead of this worker's own (its worker runs elsewhere) */
  outbox?: Outbox;
}

/** Account dependencies whose mail is queued, and the worker that sends it (null when the outbox was given). */
export function accountsWithMail(o: AccountMailOptions): { accounts: AccountDeps; worker: MailWorker | null } {
  let worker: MailWorker | null = null;
  const accounts: AccountDeps = {
    db: o.db,
    mailer: o.outbox ?? createOutbox(o.db, { now: o.now, notify: () => worker?.kick() }),
    now: o.now,
    baseUrl: o.baseUrl,
    trialDays: o.trialDays,
  };
  if (!o.outbox) {
    worker = startMailWorker({
      db: o.db,
      dialect: o.dialect,
      mailer: o.mailer,
      log: o.log,
      owner: o.owner,
      now: o.now,
      handlers: { 'password-reset': async (email) => void (await deliverPasswordReset(accounts, email)) },
    });
  }
  return { accounts, worker };
}
