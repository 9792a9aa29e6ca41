// Author names as feeds give them: "By Jane Doe and John Roe", "jane@x.org
// (Jane Doe)", "Jane Doe <jane@x.org>", "Staff, Wire", repeated entries.
// Out: clean, distinct names (first spelling wins), at most ARTICLE_CAPS.authors
// of at most ARTICLE_CAPS.author characters each.
//
// Every pattern here is linear on any input: an email pattern that could start
// anywhere in a long name was quadratic, and one long author name held the
// process for very long (docs/security.md). Addresses are now matched only from
// the start of a token, and the two sides of an "@" can never overlap.
import { ARTICLE_CAPS } from '../parse/limits.ts';
import type { ParsedPerson } from '../parse/types.ts';
import { plainLine } from './text.ts';

export const MAX_AUTHORS = ARTICLE_CAPS.authors;
const NOT_A_NAME = /^(admin|administrator|editor|staff|webmaster|unknown|anonymous|guest|null|undefined|none|n\/a)$/i;
const SEPARATORS = new Set([' ', '<', '>', '(', ')', '@', ',', ';']);
const isSeparator = (c: string) => SEPARATORS.has(c) || c.trim() === '';
const isLetter = (c: string | undefined) => c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));

/**
 * The first bare address ("jane@x.org" in "Jane jane@x.org") removed, found by
 * walking out from each "@" to the separators around it: the pattern this
 * replaces, /[^\s<>()@,;]+@[^\s<>()@,;]+\.[a-z]{2,}/i, rescanned a long run
 * from each of its characters. Each character is looked at a bounded number of times.
 */
function withoutBareAddress(s: string): string {
  for (let at = s.indexOf('@'); at >= 0; at = s.indexOf('@', at + 1)) {
    let start = at;
    while (start > 0 && !isSeparator(s[start - 1]!)) start--;
    let end = at + 1;
    while (end < s.length && !isSeparator(s[end]!)) end++;
    if (start === at) continue;
    // The domain ends with the last ".xx" (two or more letters) that has something before it.
    for (let dot = end - 3; dot > at + 1; dot--) {
      if (s[dot] !== '.' || !isLetter(s[dot + 1]) || !isLetter(s[dot + 2])) continue;
      let stop = dot + 3;
      while (isLetter(s[stop])) stop++;
      return s.slice(0, start) + s.slice(stop);
    }
  }
  return s;
}

/** "jane@x.org (Jane Doe)" → "Jane Doe", found with indexOf; undefined for any other form. */
function nameAfterAddress(s: string): string | undefined {
  const t = s.trim();
  if (!t.endsWith(')')) return undefined;
  const open = t.lastIndexOf('(');
  const address = t.slice(0, open).trimEnd();
  const name = t.slice(open + 1, -1);
  const at = address.indexOf('@', 1);
  if (open < 0 || !name || name.includes(')') || at < 0 || at === address.length - 1 || /\s/.test(address))
    return undefined;
  return name;
}

/** "jane@x.org (Jane Doe)" → "Jane Doe"; "Jane Doe <jane@x.org>" → "Jane Doe"; a bare address → "". */
function withoutEmail(s: string): string {
  const named = nameAfterAddress(s);
  if (named !== undefined) return named;
  // The part before "@" cannot contain one, so where the address splits is never in doubt.
  return withoutBareAddress(
    s.replace(/<\s*[^<>\s@]+@[^<>\s]+\s*>/g, '').replace(/\(\s*[^()\s@]+@[^()\s]+\s*\)/g, ''),
  ).trim();
}

export function authorNames(people: ParsedPerson[]): string[] {
  const out: string[] = [];
  for (const p of people) {
    // An email field counts only in RSS's "address (Name)" form.
    const raw = p.name?.trim() ? withoutEmail(p.name) : (/\(([^()]+)\)\s*$/.exec(p.email ?? '')?.[1] ?? '');
    if (/^\s*(https?:|www\.)/i.test(raw)) continue; // a profile URL, not a name
    // Split on the separators alone and trim each part: /\s*(?:,|…)\s*/ rescanned runs of spaces.
    for (const part of plainLine(raw).split(/,|&|\band\b|\/|;|\|/i)) {
      const name = part
        .trim()
        .replace(/^(?:by|from|written by|words by)\s*:?\s+/i, '')
        .replace(/\s+/g, ' ')
        .trim();
      if (
        !name ||
        name.length > ARTICLE_CAPS.author ||
        NOT_A_NAME.test(name) ||
        name.includes('@') ||
        /^[a-z][a-z0-9+.-]*:/i.test(name) ||
        !/\p{L}/u.test(name)
      )
        continue;
      if (!out.some((o) => o.toLowerCase() === name.toLowerCase())) out.push(name);
      if (out.length >= MAX_AUTHORS) return out;
    }
  }
  return out;
}
