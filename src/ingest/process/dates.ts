// Which dates an article gets: published (or updated, or now), never more
// than a small skew into the future; updated only when it is later.

export const FUTURE_SKEW_MS = 10 * 60 * 1000;

export function articleDates(published: Date | undefined, updated: Date | undefined, now: number): { publishedAt: number; updatedAt: number | null } {
  const valid = (d: Date | undefined) => (d && Number.isFinite(d.getTime()) ? d.getTime() : undefined);
  const clamp = (t: number) => Math.min(t, now + FUTURE_SKEW_MS);
  const p = valid(published);
  const u = valid(updated);
  const publishedAt = clamp(p ?? u ?? now);
  const updatedAt = u !== undefined && p !== undefined && clamp(u) > publishedAt ? clamp(u) : null;
  return { publishedAt, updatedAt };
}
