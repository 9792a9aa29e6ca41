// The process's background jobs, each on its own timer: run, wait its
// interval, run again, until stopped. A job marked exclusive runs under a
// named lease in the database, so across any number of processes (on
// PostgreSQL) one runs it at a time; the others skip that turn. Stopping
// aborts the signal every run receives and waits for runs in progress.
// Each job's state (last run, how long, what it did, its last error) is kept
// for /healthz.
import type { Kysely } from 'kysely';
import { acquireLease, keepLease, releaseLease } from '../db/leases.ts';
import type { DB } from '../db/schema.ts';
import type { Logger } from '../log.ts';

export interface Job {
  name: string;
  /** Wait after a run before the next. */
  everyMs: number;
  /** One process at a time, under a lease of this length (renewed at every run, and while one works). */
  exclusive?: { leaseMs: number };
  /** Does the work; returns a short summary for logs and health (or nothing). */
  run(signal: AbortSignal): Promise<Record<string, unknown> | void>;
}

export interface JobState {
  name: string;
  running: boolean;
  runs: number;
  failures: number;
  lastStartedAt: number | null;
  lastFinishedAt: number | null;
  lastDurationMs: number | null;
  lastError: string | null;
  lastResult: Record<string, unknown> | null;
  /** Turns skipped because another process held the lease. */
  skipped: number;
}

export interface Scheduler {
  status(): JobState[];
  /** Runs a job now (waits for a run in progress first); for tests and the CLI. */
  runNow(name: string): Promise<void>;
  stop(): Promise<void>;
}

export interface SchedulerDeps {
  db: Kysely<DB>;
  log: Logger;
  /** Identity of this process's leases. */
  owner: string;
  now?: () => number;
  /** Told of every turn: ran (ok or failed, and how long) or skipped (another process held the lease). */
  onRun?: (job: string, result: 'ok' | 'failed' | 'skipped', ms: number) => void;
}

export function startScheduler(deps: SchedulerDeps, jobs: Job[]): Scheduler {
  const now = deps.now ?? Date.now;
  const controller = new AbortController();
  const states = new Map<string, JobState>();
  const timers = new Map<string, NodeJS.Timeout>();
  const current = new Map<string, Promise<void>>();

  const runOnce = async (job: Job): Promise<void> => {
    const state = states.get(job.name)!;
    if (controller.signal.aborted) return;
    if (job.exclusive && !(await acquireLease(deps.db, `job:${job.name}`, deps.owner, now(), job.exclusive.leaseMs))) {
      state.skipped++;
      deps.onRun?.(job.name, 'skipped', 0);
      return;
    }
    state.running = true;
    state.lastStartedAt = now();
    const started = performance.now();
    // Renewed while the run works, so a short lease never runs out under a long run.
    const held =
      job.exclusive && keepLease(deps.db, `job:${job.name}`, deps.owner, { ttlMs: job.exclusive.leaseMs, now });
    try {
      state.lastResult = (await job.run(controller.signal)) ?? null;
      state.lastError = null;
    } catch (err) {
      state.failures++;
      state.lastError = (err as Error).message ?? String(err);
      deps.log.error({ err, job: job.name }, 'background job failed');
    } finally {
      if (held) held.stop();
      state.runs++;
      state.running = false;
      state.lastFinishedAt = now();
      state.lastDurationMs = Math.round(performance.now() - started);
      deps.onRun?.(job.name, state.lastError === null ? 'ok' : 'failed', performance.now() - started);
      // Stopping hands the lease over at once rather than after it expires.
      if (job.exclusive && controller.signal.aborted)
        await releaseLease(deps.db, `job:${job.name}`, deps.owner).catch(() => undefined);
    }
  };

  const loop = (job: Job) => {
    const run = (current.get(job.name) ?? Promise.resolve()).then(() => runOnce(job));
    current.set(job.name, run);
    void run.finally(() => {
      if (!controller.signal.aborted)
        timers.set(
          job.name,
          setTimeout(() => loop(job), job.everyMs),
        );
    });
  };

  for (const job of jobs) {
    states.set(job.name, {
      name: job.name,
      running: false,
      runs: 0,
      failures: 0,
      lastStartedAt: null,
      lastFinishedAt: null,
      lastDurationMs: null,
      lastError: null,
      lastResult: null,
      skipped: 0,
    });
    loop(job);
  }

  return {
    status: () => [...states.values()].map((s) => ({ ...s })),
    async runNow(name) {
      const job = jobs.find((j) => j.name === name);
      if (!job) throw new Error(`no job named ${name}`);
      const run = (current.get(name) ?? Promise.resolve()).then(() => runOnce(job));
      current.set(name, run);
      await run;
    },
    async stop() {
      controller.abort();
      for (const t of timers.values()) clearTimeout(t);
      await Promise.allSettled(current.values());
      for (const job of jobs)
        if (job.exclusive) await releaseLease(deps.db, `job:${job.name}`, deps.owner).catch(() => undefined);
    },
  };
}
