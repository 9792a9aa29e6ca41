// User text → a safe search query. Users may write words, "exact phrases",
// -exclusions, and a trailing word* prefix; nothing they type reaches the
// database's query syntax except as quoted terms.
import { normaliseText } from '../analysis/tokens.ts';

export interface ParsedQuery {
  terms: string[];
  phrases: string[][];
  excluded: string[];
  prefix: string | null;
}

const word = /[\p{L}\p{N}]+/gu;

export function parseQuery(input: string): ParsedQuery {
  const text = normaliseText(input.slice(0, 500))
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');
  const phrases: string[][] = [];
  const rest = text.replace(/"([^"]*)"?/g, (_, p: string) => {
    const w = p.match(word) ?? [];
    if (w.length) phrases.push(w.slice(0, 10));
    return ' ';
  });
  const terms: string[] = [];
  const excluded: string[] = [];
  let prefix: string | null = null;
  const parts = rest.split(/\s+/).filter(Boolean);
  parts.forEach((part, i) => {
    const neg = part.startsWith('-');
    const words = part.match(word) ?? [];
    if (neg) excluded.push(...words);
    else if (i === parts.length - 1 && part.endsWith('*') && words.length === 1) prefix = words[0]!;
    else terms.push(...words);
  });
  return { terms: terms.slice(0, 20), phrases: phrases.slice(0, 5), excluded: excluded.slice(0, 10), prefix };
}

export function isEmpty(q: ParsedQuery): boolean {
  return !q.terms.length && !q.phrases.length && !q.prefix;
}

/** All words a match may highlight; the type-ahead prefix keeps its star ("budg*"), as buildSnippet reads it. */
export function highlightTerms(q: ParsedQuery): string[] {
  return [...new Set([...q.terms, ...q.phrases.flat(), ...(q.prefix ? [`${q.prefix}*`] : [])])];
}

/** SQLite FTS5 MATCH expression: every part quoted, so no operator can be injected. */
export function toFts5(q: ParsedQuery): string {
  const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const parts = [
    ...q.terms.map(quote),
    ...q.phrases.map((p) => quote(p.join(' '))),
    ...(q.prefix ? [`${quote(q.prefix)}*`] : []),
  ];
  const not = q.excluded.map((e) => `NOT ${quote(e)}`).join(' ');
  return `${parts.join(' AND ')}${not ? ` ${not}` : ''}`;
}

/**
 * PostgreSQL websearch_to_tsquery input, rebuilt from the parsed parts with every
 * word quoted, so a typed "or" is a word (as in FTS5), never the OR operator.
 */
export function toWebsearch(q: ParsedQuery): string {
  const quote = (words: string[]) => `"${words.join(' ')}"`;
  return [
    ...q.terms.map((t) => quote([t])),
    ...q.phrases.map(quote),
    ...(q.prefix ? [quote([q.prefix])] : []),
    ...q.excluded.map((e) => `-${quote([e])}`),
  ].join(' ');
}

/**
 * Relevance with a recency boost: score = relevance × (1 + 1 / (1 + age_days / 7)).
 * A story published now counts double, a week-old one 1.5×, a month-old one about
 * 1.2×, an old one barely more than its relevance; so recency breaks near-ties and
 * never buries a much better match. Future dates count as now. The SQL in
 * search.ts computes the same formula inside the query, to sort and page there.
 */
export function combineScore(relevance: number, ageMs: number): number {
  const ageDays = Math.max(0, ageMs) / 86_400_000;
  return relevance * (1 + 1 / (1 + ageDays / 7));
}
