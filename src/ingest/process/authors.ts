// Author names as feeds give them: "By Jane Doe and John Roe", "jane@x.org
// (Jane Doe)", "Jane Doe <jane@x.org>", "Staff, Wire", repeated entries.
// Out: clean, distinct names (first spelling wins), at most MAX_AUTHORS.
import type { ParsedPerson } from '../parse/types.ts';
import { plainLine } from './text.ts';

export const MAX_AUTHORS = 10;
const NOT_A_NAME = /^(admin|administrator|editor|staff|webmaster|unknown|anonymous|guest|null|undefined|none|n\/a)$/i;
const EMAIL = /[^\s<>()@,;]+@[^\s<>()@,;]+\.[a-z]{2,}/i;

/** "jane@x.org (Jane Doe)" → "Jane Doe"; "Jane Doe <jane@x.org>" → "Jane Doe"; a bare address → "". */
function withoutEmail(s: string): string {
  const inParens = /^\s*\S+@\S+\s*\(([^()]+)\)\s*$/.exec(s);
  if (inParens) return inParens[1]!;
  return s
    .replace(/<\s*[^<>\s]+@[^<>\s]+\s*>/g, '')
    .replace(/\(\s*[^()\s]+@[^()\s]+\s*\)/g, '')
    .replace(EMAIL, '')
    .trim();
}

export function authorNames(people: ParsedPerson[]): string[] {
  const out: string[] = [];
  for (const p of people) {
    // An email field counts only in RSS's "address (Name)" form.
    const raw = p.name?.trim() ? withoutEmail(p.name) : /\(([^()]+)\)\s*$/.exec(p.email ?? '')?.[1] ?? '';
    if (/^\s*(https?:|www\.)/i.test(raw)) continue; // a profile URL, not a name
    for (const part of plainLine(raw).split(/\s*(?:,|&|\band\b|\/|;|\|)\s*/i)) {
      const name = part
        .replace(/^(?:by|from|written by|words by)\s*:?\s+/i, '')
        .replace(/\s+/g, ' ')
        .trim();
      if (!name || name.length > 80 || NOT_A_NAME.test(name) || name.includes('@') || /^[a-z][a-z0-9+.-]*:/i.test(name) || !/\p{L}/u.test(name)) continue;
      if (!out.some((o) => o.toLowerCase() === name.toLowerCase())) out.push(name);
    }
  }
  return out.slice(0, MAX_AUTHORS);
}
