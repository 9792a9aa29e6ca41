// How long read events are kept. A read event (one reader, one article, one kind, one UTC day) is the
// only record of *who* read what: the daily roll-up (read_counts) keeps the counts per article and day
// for ever, but not the reader, and a monthly payout splits each member's fee between the publishers
// that member read, so it needs the events themselves. They are kept for:
//   - what the running code reads back: top stories (the trending horizon) and the check that a
//     qualified read follows a view (today and yesterday);
//   - every payout month still open (not yet settled), from its first day;
//   - at least `keepMonths` calendar months, the current one included (13: a full year of statements
//     to check against, plus the month in progress), whether or not payouts are run yet.
// Whatever is older than all three goes. The rule is a pure function; the clean-up job applies it.
import { DEFAULT_TRENDING_RULES } from './trending-rules.ts';

export interface ReadRetentionRules {
  /** Calendar months of events always kept, the current month included. */
  keepMonths: number;
  /** How far back the running code reads events (the trending horizon, the view before a read). */
  codeNeedsMs: number;
}

const DAY_MS = 86_400_000;

export const DEFAULT_READ_RETENTION: ReadRetentionRules = {
  keepMonths: 13,
  codeNeedsMs: Math.max(DEFAULT_TRENDING_RULES.horizonMs, 2 * DAY_MS),
};

const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);

/**
 * The first UTC day (YYYY-MM-DD) whose read events must be kept: events of earlier days may be deleted.
 * `oldestOpenPayoutMonth` (YYYY-MM) is the earliest month not yet settled, or null when none is open.
 */
export function readEventsCutoff(
  now: number,
  oldestOpenPayoutMonth: string | null,
  rules: ReadRetentionRules = DEFAULT_READ_RETENTION,
): string {
  const d = new Date(now);
  const months = Math.max(1, Math.floor(rules.keepMonths));
  const keptMonthsStart = isoDay(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - (months - 1), 1));
  // The day `codeNeedsMs` ago is kept whole: a day's events are deleted together.
  const codeStart = isoDay(now - rules.codeNeedsMs);
  const candidates = [keptMonthsStart, codeStart];
  if (oldestOpenPayoutMonth && /^\d{4}-\d{2}$/.test(oldestOpenPayoutMonth))
    candidates.push(`${oldestOpenPayoutMonth}-01`);
  return candidates.sort()[0]!;
}
