// Feed dates as they are found in the wild: RFC 822/1123 (with and without
// day names, seconds, four-digit years, or known zone names), ISO 8601 /
// W3CDTF (full, date-only, year-month, compact, with offsets or fractions),
// and a few broken forms. Returns undefined rather than guessing wildly.
import { cut, FIELD_CAPS } from './limits.ts';

const MONTHS: Record<string, number> = {
  jan: 0,
  feb: 1,
  mar: 2,
  apr: 3,
  may: 4,
  jun: 5,
  jul: 6,
  aug: 7,
  sep: 8,
  sept: 8,
  oct: 9,
  nov: 10,
  dec: 11,
};

const ZONES: Record<string, number> = {
  ut: 0,
  utc: 0,
  gmt: 0,
  z: 0,
  est: -5,
  edt: -4,
  cst: -6,
  cdt: -5,
  mst: -7,
  mdt: -6,
  pst: -8,
  pdt: -7,
  a: -1,
  b: -2,
  c: -3,
  d: -4,
  e: -5,
  f: -6,
  g: -7,
  h: -8,
  i: -9,
  k: -10,
  l: -11,
  m: -12,
  n: 1,
  o: 2,
  p: 3,
  q: 4,
  r: 5,
  s: 6,
  t: 7,
  u: 8,
  v: 9,
  w: 10,
  x: 11,
  y: 12,
  cet: 1,
  cest: 2,
  eet: 2,
  eest: 3,
  bst: 1,
  ist: 5.5,
  jst: 9,
  kst: 9,
  aest: 10,
  aedt: 11,
  nzst: 12,
  nzdt: 13,
  hst: -10,
  akst: -9,
  akdt: -8,
  ast: -4,
  adt: -3,
  nst: -3.5,
  ndt: -2.5,
  msk: 3,
  wet: 0,
  west: 1,
};

function zoneOffsetMinutes(z: string | undefined): number | undefined {
  if (!z) return 0;
  const s = z.trim();
  const num = /^(?:gmt|utc)?([+-])(\d{1,2}):?(\d{2})?$/i.exec(s);
  if (num) return (num[1] === '-' ? -1 : 1) * (Number(num[2]) * 60 + Number(num[3] ?? 0));
  const named = ZONES[s.toLowerCase()];
  return named === undefined ? undefined : named * 60;
}

function utc(
  y: number,
  mo: number,
  d: number,
  h: number,
  mi: number,
  s: number,
  ms: number,
  offsetMin: number,
): Date | undefined {
  if (mo < 0 || mo > 11 || d < 1 || d > 31 || h > 24 || mi > 59 || s > 61) return undefined;
  const t = Date.UTC(y, mo, d, h, mi, Math.min(s, 59), ms) - offsetMin * 60_000;
  const date = new Date(t);
  return Number.isFinite(t) && date.getUTCFullYear() > 1000 ? date : undefined;
}

function fullYear(y: string): number {
  const n = Number(y);
  if (y.length === 2) return n < 50 ? 2000 + n : 1900 + n;
  if (y.length === 3) return 1900 + n;
  return n;
}

function iso(s: string): Date | undefined {
  // 2003-12-31T10:14:55.123+01:00, 2003-12-31 10:14, 20031231T101455Z, 2003-12-31, 2003-12, 2003
  const m =
    /^(\d{4})(?:-?(\d{2})(?:-?(\d{2})(?:[T\s](\d{2}):?(\d{2})(?::?(\d{2})(?:[.,](\d+))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?)?)?$/i.exec(
      s,
    );
  if (!m) {
    // Ordinal (2003-335) and week dates are rare enough in feeds to skip.
    return undefined;
  }
  const ms = m[7] ? Math.round(Number(`0.${m[7]}`) * 1000) : 0;
  const offset = m[8] ? (m[8].toUpperCase() === 'Z' ? 0 : zoneOffsetMinutes(m[8])) : 0;
  if (offset === undefined) return undefined;
  return utc(
    Number(m[1]),
    m[2] ? Number(m[2]) - 1 : 0,
    m[3] ? Number(m[3]) : 1,
    Number(m[4] ?? 0),
    Number(m[5] ?? 0),
    Number(m[6] ?? 0),
    ms,
    offset,
  );
}

function rfc822(s: string): Date | undefined {
  // [Thu,] 01 Jan 2004 19:48:21 GMT ; also "1 Jan 04 19:48 +0100", "Jan 1 2004 ...", trailing junk like "(PST)"
  const cleaned = s
    .replace(/\b(\d{1,2})-([A-Za-z]{3,9})-(\d{2,4})\b/, '$1 $2 $3') // RFC 850: 31-Dec-03
    .replace(/\([^()]*\)/g, ' ') // [^()]: each "(" is scanned only to the next one, never rescanned to the end
    .replace(/,/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const parts = cleaned.split(' ');
  if (/^[a-z]+\.?$/i.test(parts[0] ?? '') && MONTHS[parts[0]!.slice(0, 3).toLowerCase()] === undefined) parts.shift(); // day name
  let day: string | undefined;
  let mon: string | undefined;
  let year: string | undefined;
  let rest: string[];
  if (/^\d{1,2}$/.test(parts[0] ?? '')) [day, mon, year, ...rest] = parts;
  else [mon, day, year, ...rest] = parts; // "Jan 01 2004"
  const month =
    MONTHS[(mon ?? '').replace(/\.$/, '').slice(0, 4).toLowerCase()] ?? MONTHS[(mon ?? '').slice(0, 3).toLowerCase()];
  if (month === undefined || !day || !/^\d{1,2}$/.test(day) || !year || !/^\d{2,4}$/.test(year)) return undefined;
  let time = rest[0] ?? '00:00:00';
  let zone = rest[1];
  // "19:48:21GMT" or "19:48:21+0100"
  const glued = /^(\d{1,2}:\d{2}(?::\d{2})?)([A-Za-z+-].*)$/.exec(time);
  if (glued) [time, zone] = [glued[1]!, glued[2]!];
  const t = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(time);
  if (!t) return undefined;
  const offset = zoneOffsetMinutes(zone);
  if (offset === undefined) return undefined;
  return utc(fullYear(year), month, Number(day), Number(t[1]), Number(t[2]), Number(t[3] ?? 0), 0, offset);
}

export function parseDate(raw: string | undefined | null): Date | undefined {
  // No date is longer than FIELD_CAPS.date; reading no further bounds the work on junk.
  const s = raw === undefined || raw === null ? undefined : cut(raw, FIELD_CAPS.date).trim();
  if (!s) return undefined;
  if (/^\d{4}/.test(s)) {
    const d = iso(s) ?? iso(s.replace(/\s+/, 'T'));
    if (d) return d;
  }
  const d = rfc822(s);
  if (d) return d;
  // Last resort: what the platform understands, but only when it names a year.
  if (/\b\d{4}\b/.test(s)) {
    // Without a zone the platform would use the server's local time; feeds mean UTC far more often.
    const zoned = /(?:Z|UT|UTC|GMT|[+-]\d{2}:?\d{2})\s*$/i.test(s);
    const t = zoned ? Date.parse(s) : Date.parse(`${s} UTC`);
    if (Number.isFinite(t)) return new Date(t);
  }
  return undefined;
}
