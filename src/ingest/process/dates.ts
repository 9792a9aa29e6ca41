// Which dates an article gets. Published: the feed's published date, else its
// updated date, else now. Updated: only when it is later than published.
// Nothing is dated in the future: a date more than FUTURE_SKEW_MS ahead of
// now (clock skew we tolerate) is taken to be wrong and becomes now. Dates
// before EARLIEST (epoch-zero and year-1 placeholders from broken feeds) count
// as missing. Each such substitution is explained in `notes` when given, so
// that `feeds check` can say why an article carries its fetch time.

export const FUTURE_SKEW_MS = 10 * 60 * 1000;
export const EARLIEST = Date.UTC(1995, 0, 1);

const iso = (t: number) => new Date(t).toISOString();

function plausible(d: Date | undefined, now: number, which: string, notes: string[] | undefined): number | undefined {
  const t = d?.getTime();
  if (t === undefined || !Number.isFinite(t)) return undefined;
  if (t < EARLIEST) {
    notes?.push(`the ${which} date ${iso(t)} is before 1995, so it was ignored`);
    return undefined;
  }
  if (t > now + FUTURE_SKEW_MS) {
    notes?.push(
      `the ${which} date ${iso(t)} is more than ${FUTURE_SKEW_MS / 60_000} minutes in the future, so the fetch time ${iso(now)} was used instead`,
    );
    return now;
  }
  return t;
}

export function articleDates(
  published: Date | undefined,
  updated: Date | undefined,
  now: number,
  notes?: string[],
): { publishedAt: number; updatedAt: number | null } {
  const p = plausible(published, now, 'published', notes);
  const u = plausible(updated, now, 'updated', notes);
  const publishedAt = p ?? u ?? now;
  if (p === undefined)
    notes?.push(
      u === undefined
        ? `no usable date, so the article is dated ${iso(now)}, when it was fetched`
        : 'no usable published date, so the article is dated by its updated date',
    );
  const updatedAt = p !== undefined && u !== undefined && u > publishedAt ? u : null;
  return { publishedAt, updatedAt };
}
