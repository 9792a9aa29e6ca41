// Which dates an article gets. Published: the feed's published date, else its
// updated date, else now. Updated: only when it is later than published.
// Nothing is dated in the future: a date more than FUTURE_SKEW_MS ahead of
// now (clock skew we tolerate) is taken to be wrong and becomes now. Dates
// before EARLIEST (epoch-zero and year-1 placeholders from broken feeds) count
// as missing.

export const FUTURE_SKEW_MS = 10 * 60 * 1000;
export const EARLIEST = Date.UTC(1995, 0, 1);

function plausible(d: Date | undefined, now: number): number | undefined {
  const t = d?.getTime();
  if (t === undefined || !Number.isFinite(t) || t < EARLIEST) return undefined;
  return t > now + FUTURE_SKEW_MS ? now : t;
}

export function articleDates(published: Date | undefined, updated: Date | undefined, now: number): { publishedAt: number; updatedAt: number | null } {
  const p = plausible(published, now);
  const u = plausible(updated, now);
  const publishedAt = p ?? u ?? now;
  const updatedAt = p !== undefined && u !== undefined && u > publishedAt ? u : null;
  return { publishedAt, updatedAt };
}
