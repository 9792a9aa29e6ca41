// Shared lists (top stories, picks, latest per section) are the same for
// every reader for a few seconds: compute each once per interval, not per
// page view. Single-flight: concurrent misses share one load.
//
// Stale while revalidate: for a while after an entry expires (up to
// STALE_INTERVALS intervals of age), readers get the old value at once and one
// reload runs behind them, so a page's or a list's expiry never makes a
// reader wait for the queries behind it. Older entries, and everything after
// clear(), are loaded while the reader waits, as before.
//
// Reloads behind readers run one at a time, each after the event loop has
// had a turn: many pages cached in the same second expire in the same second,
// and rendering them all in one go (SQLite answers synchronously) would stall
// every request in flight for the whole batch.

const STALE_INTERVALS = 3;
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

interface Entry {
  at: number;
  value: Promise<unknown>;
  /** the load succeeded (only then may it be served stale) */
  ok: boolean;
  /** a reload behind readers is under way */
  refreshing: boolean;
}

export class ListCache {
  private readonly entries = new Map<string, Entry>();
  private reloads: Promise<unknown> = Promise.resolve();
  private readonly children: ListCache[] = [];

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Forget everything: after a takedown or an access change, nobody should wait out the interval. */
  clear(): void {
    this.entries.clear();
    for (const c of this.children) c.clear();
  }

  /** A cache with its own entries (and its own bound), same interval, cleared whenever this one is. */
  child(): ListCache {
    const c = new ListCache(this.ttlMs, this.now);
    this.children.push(c);
    return c;
  }

  get<T>(key: string, load: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    const t = this.now();
    if (hit) {
      const age = t - hit.at;
      if (age < this.ttlMs) return hit.value as Promise<T>;
      if (hit.ok && age < this.ttlMs * STALE_INTERVALS) {
        if (!hit.refreshing) {
          hit.refreshing = true;
          const next = (this.reloads = this.reloads.then(turn, turn).then(load));
          next.then(
            () => {
              // Cleared meanwhile: this load may have read what the clear was for, so it is not kept.
              if (this.entries.get(key) === hit)
                this.entries.set(key, { at: t, value: next, ok: true, refreshing: false });
            },
            () => {
              hit.refreshing = false; // keep serving the old value; the next reader tries again
            },
          );
        }
        return hit.value as Promise<T>;
      }
    }
    const value = load();
    const entry: Entry = { at: t, value, ok: false, refreshing: false };
    this.entries.set(key, entry);
    value.then(
      () => {
        entry.ok = true;
      },
      () => {
        if (this.entries.get(key) === entry) this.entries.delete(key); // a failed load is not cached
      },
    );
    if (this.entries.size > 500) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }
}
