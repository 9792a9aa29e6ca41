// At most N requests at once per host: polite to publishers, and one slow
// host cannot take every worker. A small keyed semaphore, first come first served.

export class HostLimiter {
  private readonly active = new Map<string, number>();
  private readonly waiting = new Map<string, (() => void)[]>();

  constructor(private readonly perHost: number) {
    if (!(perHost >= 1)) throw new Error(`perHost must be at least 1, not ${perHost}`);
  }

  /** Runs fn once a slot for `host` is free; a signal aborted while waiting gives up the place in the queue. */
  async run<T>(host: string, fn: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    await this.acquire(host.toLowerCase(), signal);
    try {
      return await fn();
    } finally {
      this.release(host.toLowerCase());
    }
  }

  /** Requests running and waiting for a host (for tests and metrics). */
  load(host: string): { active: number; waiting: number } {
    const key = host.toLowerCase();
    return { active: this.active.get(key) ?? 0, waiting: this.waiting.get(key)?.length ?? 0 };
  }

  private acquire(host: string, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    const n = this.active.get(host) ?? 0;
    if (n < this.perHost) {
      this.active.set(host, n + 1);
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const q = this.waiting.get(host) ?? [];
      const onAbort = () => {
        const i = q.indexOf(grant);
        if (i >= 0) q.splice(i, 1);
        if (q.length === 0 && this.waiting.get(host) === q) this.waiting.delete(host);
        reject(abortReason(signal!));
      };
      const grant = () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      q.push(grant);
      this.waiting.set(host, q);
    });
  }

  private release(host: string): void {
    const q = this.waiting.get(host);
    const next = q?.shift();
    if (q && q.length === 0) this.waiting.delete(host);
    if (next) return next(); // the slot passes straight to the next waiter
    const n = (this.active.get(host) ?? 1) - 1;
    if (n <= 0) this.active.delete(host);
    else this.active.set(host, n);
  }
}

function abortReason(signal: AbortSignal): Error {
  return signal.reason instanceof Error ? signal.reason : new Error('aborted');
}
