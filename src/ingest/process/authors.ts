// Author names as feeds give them: "By Jane Doe and John Roe", "jane@x.org
// (Jane Doe)", "Staff, Wire", repeated entries. Out: clean, distinct names.
import type { ParsedPerson } from '../parse/types.ts';
import { plainLine } from './text.ts';

const NOT_A_NAME = /^(admin|administrator|editor|staff|webmaster|unknown|anonymous|guest|null|undefined)$/i;

export function authorNames(people: ParsedPerson[]): string[] {
  const out: string[] = [];
  for (const p of people) {
    const raw = plainLine(p.name ?? (p.email ? '' : ''));
    for (const part of raw.replace(/^(by|from)\s+/i, '').split(/\s*(?:,|&|\band\b|\/|;)\s*/i)) {
      const name = part.replace(/^(by)\s+/i, '').replace(/\s+/g, ' ').trim();
      if (!name || name.length > 80 || NOT_A_NAME.test(name) || /@/.test(name) || /^https?:/i.test(name)) continue;
      if (!out.some((o) => o.toLowerCase() === name.toLowerCase())) out.push(name);
    }
  }
  return out.slice(0, 10);
}
