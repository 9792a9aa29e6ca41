// The mail outbox: requests queue mail (one insert), a worker sends it. An
// answer never waits on SMTP, never fails because SMTP is down, and costs the
// same whether or not there is anyone to write to: "send a reset link to this
// address" is queued as an intent, and whether the address has an account is
// found out by the worker (members/accounts.ts deliverPasswordReset).
//
// Jobs are claimed under a lease (FOR UPDATE SKIP LOCKED on PostgreSQL), so
// any number of processes may run a worker; a failed delivery is retried with
// growing waits and given up after MAX_ATTEMPTS. A sent job keeps no body (it
// may have held a one-time link).
import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../db/connect.ts';
import type { DB } from '../db/schema.ts';
import type { Logger } from '../log.ts';
import type { MailMessage, Mailer } from './mailer.ts';

export type OutboxJob = { kind: 'message'; message: MailMessage } | { kind: 'password-reset'; email: string };

export interface Outbox {
  /** Queues a rendered message. */
  send(message: MailMessage): Promise<void>;
  /** Queues a job. */
  enqueue(job: OutboxJob): Promise<void>;
}

export function createOutbox(db: Kysely<DB>, opts: { now?: () => number; notify?: () => void } = {}): Outbox {
  const now = opts.now ?? Date.now;
  const enqueue = async (job: OutboxJob) => {
    const { kind, ...rest } = job;
    const t = now();
    await db
      .insertInto('mail_outbox')
      .values({
        kind,
        payload: JSON.stringify(rest),
        created_at: t,
        attempts: 0,
        next_attempt_at: t,
        lease_owner: null,
        lease_until: null,
        sent_at: null,
        failed_at: null,
        last_error: null,
      })
      .execute();
    opts.notify?.();
  };
  return { enqueue, send: (message) => enqueue({ kind: 'message', message }) };
}

export const MAX_ATTEMPTS = 8;
const LEASE_MS = 2 * 60_000;
/** Waits after the 1st, 2nd, … failed attempt. */
const BACKOFF_MS = [30_000, 120_000, 600_000, 1_800_000, 3_600_000, 7_200_000, 14_400_000];

export interface MailWorkerDeps {
  db: Kysely<DB>;
  dialect: Dialect;
  mailer: Mailer;
  /** How intents become mail (they may queue a message of their own). */
  handlers: { 'password-reset': (email: string) => Promise<void> };
  log: Logger;
  owner: string;
  now?: () => number;
  /** How often to look for due mail queued by other processes (this one's own is sent at once). */
  pollMs?: number;
}

export interface MailWorker {
  /** Look now (after a job was queued in this process). */
  kick(): void;
  /** Sends everything due, as often as it takes; returns how many jobs were handled. */
  drain(): Promise<number>;
  stop(): Promise<void>;
}

interface Claimed {
  id: number;
  kind: string;
  payload: string | null;
  attempts: number;
}

export function startMailWorker(deps: MailWorkerDeps): MailWorker {
  const now = deps.now ?? Date.now;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> = Promise.resolve(0);

  const claim = async (): Promise<Claimed[]> => {
    const t = now();
    const due = sql`select id from mail_outbox where sent_at is null and failed_at is null and next_attempt_at <= ${t}
      and (lease_until is null or lease_until < ${t}) order by id limit 20 ${deps.dialect === 'postgres' ? sql`for update skip locked` : sql``}`;
    const res =
      await sql<Claimed>`update mail_outbox set lease_owner = ${deps.owner}, lease_until = ${t + LEASE_MS}, attempts = attempts + 1
      where id in (${due}) returning id, kind, payload, attempts`.execute(deps.db);
    return res.rows;
  };

  // Stopping: claimed mail not yet sent goes back as it was, for this or another process's next pass.
  const unclaim = (ids: number[]) =>
    deps.db
      .updateTable('mail_outbox')
      .set((eb) => ({ lease_owner: null, lease_until: null, attempts: eb('attempts', '-', 1) }))
      .where('id', 'in', ids)
      .where('lease_owner', '=', deps.owner)
      .execute();

  const deliver = async (job: Claimed): Promise<void> => {
    const payload = JSON.parse(job.payload ?? '{}') as Record<string, unknown>;
    if (job.kind === 'message') await deps.mailer.send(payload.message as MailMessage);
    else if (job.kind === 'password-reset') await deps.handlers['password-reset'](String(payload.email ?? ''));
    else throw new Error(`unknown mail job "${job.kind}"`);
  };

  const pass = async (): Promise<number> => {
    let handled = 0;
    for (;;) {
      if (stopped) return handled;
      const jobs = await claim();
      if (jobs.length === 0) return handled;
      for (const [n, job] of jobs.entries()) {
        if (stopped) {
          await unclaim(jobs.slice(n).map((j) => j.id));
          return handled;
        }
        handled++;
        try {
          await deliver(job);
          await deps.db
            .updateTable('mail_outbox')
            .set({ sent_at: now(), payload: null, lease_owner: null, lease_until: null, last_error: null })
            .where('id', '=', job.id)
            .execute();
        } catch (err) {
          const message = (err as Error).message?.slice(0, 500) ?? String(err);
          const givenUp = Number(job.attempts) >= MAX_ATTEMPTS;
          const wait = BACKOFF_MS[Math.min(Number(job.attempts) - 1, BACKOFF_MS.length - 1)]!;
          await deps.db
            .updateTable('mail_outbox')
            .set({
              lease_owner: null,
              lease_until: null,
              last_error: message,
              next_attempt_at: now() + wait,
              ...(givenUp ? { failed_at: now(), payload: null } : {}),
            })
            .where('id', '=', job.id)
            .execute();
          deps.log[givenUp ? 'error' : 'warn'](
            { job: job.id, kind: job.kind, attempts: job.attempts, err: message },
            givenUp ? 'mail given up' : 'mail failed; will retry',
          );
        }
      }
    }
  };

  const run = (): Promise<number> => {
    running = running.then(pass, pass).catch((err: unknown) => {
      deps.log.error({ err }, 'mail worker pass failed');
      return 0;
    });
    return running;
  };
  const schedule = (ms: number) => {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(() => void run().finally(() => schedule(deps.pollMs ?? 2000)), ms);
    timer.unref?.();
  };
  schedule(0);

  return {
    kick: () => schedule(0),
    drain: () => run(),
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
