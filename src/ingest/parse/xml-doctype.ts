// A DOCTYPE and its internal subset: skipped, with literal internal entities
// remembered for one-level expansion and nothing external ever read.
import type { EntityContext } from './text.ts';

const DECLARATION = /<!ENTITY\s+(%\s+)?([^\s"'%<>]+)\s+(?:"([^"<]*)"\s*|'([^'<]*)'\s*|(SYSTEM|PUBLIC)\b[^<>]*)>/g;

/**
 * Skips a DOCTYPE (with its internal subset) and returns the index after it.
 * Internal general entities with literal values are remembered for one-level
 * expansion; external ones (SYSTEM/PUBLIC) and parameter entities are never read.
 */
export function readDoctype(
  text: string,
  start: number,
  entities: EntityContext,
  problem: (reason: string) => void,
): number {
  const n = text.length;
  let j = start + 9;
  let subsetStart = -1;
  let subsetEnd = -1;
  while (j < n) {
    const ch = text.charCodeAt(j);
    if (ch === 34 || ch === 39) {
      const close = text.indexOf(ch === 34 ? '"' : "'", j + 1);
      j = close < 0 ? n : close + 1;
      continue;
    }
    if (ch === 91 /* [ */ && subsetStart < 0) subsetStart = j + 1;
    else if (ch === 93 /* ] */ && subsetStart >= 0 && subsetEnd < 0) subsetEnd = j;
    else if (ch === 62 /* > */ && (subsetStart < 0 || subsetEnd >= 0)) break;
    else if (ch === 60 /* < */ && subsetStart >= 0 && subsetEnd < 0 && text.startsWith('<!--', j)) {
      const close = text.indexOf('-->', j + 4);
      j = close < 0 ? n : close + 3;
      continue;
    }
    j++;
  }
  if (j >= n) {
    problem('unterminated DOCTYPE');
    return n;
  }
  if (subsetStart >= 0) {
    for (const m of text.slice(subsetStart, subsetEnd).matchAll(DECLARATION)) {
      if (m[1]) continue; // parameter entity: never expanded
      const name = m[2]!;
      const value = m[3] ?? m[4];
      if (entities.declared.has(name)) continue; // the first declaration binds
      // Literal values only, never nested references or markup: no billion laughs, no external files.
      entities.declared.set(name, value !== undefined && !/[&<%]/.test(value) && value.length <= 1024 ? value : null);
    }
  }
  return j + 1;
}
