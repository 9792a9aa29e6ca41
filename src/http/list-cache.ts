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
/** Distinct kinds of key reported to an observer; later ones are reported as "other". */
const MAX_KINDS = 32;

/** Told of each lookup: the key's kind (what precedes its first colon) and whether it was answered from the cache. */
export type CacheObserver = (kind: string, result: 'hit' | 'stale' | 'miss') => void;

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
  private readonly listeners: (() => void)[] = [];
  private readonly kinds = new Set<string>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
    private readonly observe?: CacheObserver,
  ) {}

  /** Forget everything: after a takedown or an access change, nobody should wait out the interval. */
  clear(): void {
    this.forget();
    for (const tell of this.listeners) tell();
  }

  /** Forget everything here, telling nobody (another process has announced the change already). */
  forget(): void {
    this.entries.clear();
    for (const c of this.children) c.forget();
  }

  /** Calls `listener` after every clear(): how the other processes hear of it (http/shared-caches.ts). */
  onClear(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** A cache with its own entries (and its own bound), same interval, cleared whenever this one is. */
  child(kind = 'child'): ListCache {
    const c = new ListCache(this.ttlMs, this.now, this.observe && ((_k, result) => this.observe!(kind, result)));
    this.children.push(c);
    return c;
  }

  get<T>(key: string, load: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    const t = this.now();
    if (hit) {
      const age = t - hit.at;
      if (age < this.ttlMs) {
        this.report(key, 'hit');
        return hit.value as Promise<T>;
      }
      if (hit.ok && age < this.ttlMs * STALE_INTERVALS) {
        this.report(key, 'stale');
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
    this.report(key, 'miss');
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

  private report(key: string, result: 'hit' | 'stale' | 'miss'): void {
    if (!this.observe) return;
    const colon = key.indexOf(':');
    let kind = colon < 0 ? key : key.slice(0, colon);
    if (!this.kinds.has(kind)) {
      if (this.kinds.size >= MAX_KINDS) kind = 'other';
      else this.kinds.add(kind);
    }
    this.observe(kind, result);
  }
}
