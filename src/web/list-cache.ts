// Shared lists (top stories, picks, latest per section) are the same for
// every reader for a few seconds: compute each once per interval, not per
// page view. Single-flight: concurrent misses share one load.

export class ListCache {
  private readonly entries = new Map<string, { at: number; value: Promise<unknown> }>();

  constructor(private readonly ttlMs: number, private readonly now: () => number = Date.now) {}

  /** Forget everything: after a takedown or an access change, nobody should wait out the interval. */
  clear(): void {
    this.entries.clear();
  }

  get<T>(key: string, load: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    const t = this.now();
    if (hit && t - hit.at < this.ttlMs) return hit.value as Promise<T>;
    const value = load();
    this.entries.set(key, { at: t, value });
    value.catch(() => this.entries.delete(key)); // a failed load is not cached
    if (this.entries.size > 500) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }
}
