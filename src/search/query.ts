// User text → a small query tree, and the tree → each database's query syntax.
//
// Readers may write words, "exact phrases", OR between alternatives (ferry OR
// bridge), -exclusions (-word, -"a phrase", NOT word) and a trailing word*
// prefix. Words as common as "the", "and", "of" are left out unless inside a
// phrase: they are in nearly every article, so they would narrow nothing (and
// PostgreSQL's english configuration does not index them at all, so both
// databases drop the same list). Nothing typed reaches a query syntax except as
// a quoted word or a bound parameter, and every part is capped, so hostile
// text (unbalanced quotes, a lone "-", OR at either end, thousands of words)
// gives a smaller query, never a syntax error.
import { sql, type RawBuilder } from 'kysely';
import { normaliseText } from '../analysis/tokens.ts';
import { isStopWord } from './stop-words.ts';

export type Leaf =
  { kind: 'word'; word: string } | { kind: 'phrase'; words: string[] } | { kind: 'prefix'; word: string };
type Excluded = Exclude<Leaf, { kind: 'prefix' }>;

export interface ParsedQuery {
  /** Every group must match; a group matches when any of its leaves does ("ferry OR bridge" is one group). */
  groups: Leaf[][];
  /** No article containing one of these matches. */
  excluded: Excluded[];
  /** Words left out as too common to search for, in the order typed. */
  ignored: string[];
  /** True when words past the caps were dropped. */
  capped: boolean;
}

/** At most this many words and phrases are searched for, this many excluded, this many words per phrase. */
export const MAX_TERMS = 20;
export const MAX_EXCLUDED = 10;
export const MAX_PHRASE_WORDS = 10;
/** Only the start of a very long input is read. */
const MAX_INPUT = 1000;

const WORD = /[\p{L}\p{N}]+/gu;

type Token = { op: 'or' } | { op: 'not' } | { leaf: Leaf; negated: boolean; stop: boolean; raw: string };

const fold = (s: string) =>
  normaliseText(s)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');

/** A word or phrase as the reader typed it, without the operators around it. */
const shown = (raw: string) =>
  fold(raw)
    .replace(/^-+|["*]/g, '')
    .trim();

/** A run of words as one leaf: a word, or a phrase when punctuation split it (o'brien, covid-19). */
function leafOf(words: string[]): { leaf: Leaf; stop: boolean } | null {
  const w = words.slice(0, MAX_PHRASE_WORDS);
  if (!w.length) return null;
  // Quoted or not, a stop word alone is not searchable: PostgreSQL's index does not hold it.
  const stop = w.every(isStopWord);
  return { leaf: w.length === 1 ? { kind: 'word', word: w[0]! } : { kind: 'phrase', words: w }, stop };
}

function tokenize(input: string): { tokens: Token[]; capped: boolean } {
  const text = input.slice(0, MAX_INPUT);
  const tokens: Token[] = [];
  // A quoted phrase (an unbalanced quote runs to the end), or a run of anything else but spaces and quotes.
  const chunk = /(-*)"([^"]*)"?|[^\s"]+/gu;
  for (const m of text.matchAll(chunk)) {
    if (tokens.length > 4 * (MAX_TERMS + MAX_EXCLUDED)) return { tokens, capped: true };
    const raw = m[0];
    if (m[2] !== undefined) {
      const made = leafOf(fold(m[2]).match(WORD) ?? []);
      if (made) tokens.push({ ...made, negated: m[1]!.length > 0, raw });
      continue;
    }
    if (raw === 'OR' || raw === '|' || raw === '||') tokens.push({ op: 'or' });
    else if (raw === 'NOT') tokens.push({ op: 'not' });
    else if (raw === 'AND' || raw === '&&' || raw === '&' || raw === '+') continue;
    else {
      const negated = raw.startsWith('-');
      const words = fold(raw).match(WORD) ?? [];
      if (!negated && words.length === 1 && raw.endsWith('*'))
        tokens.push({ leaf: { kind: 'prefix', word: words[0]! }, negated, stop: false, raw });
      else {
        const made = leafOf(words);
        if (made) tokens.push({ ...made, negated, raw });
      }
    }
  }
  return { tokens, capped: false };
}

export function parseQuery(input: string): ParsedQuery {
  const { tokens, capped: cut } = tokenize(input);
  const groups: { leaves: Leaf[]; stop: boolean }[] = [];
  const excluded: Excluded[] = [];
  const ignored: string[] = [];
  let capped = cut;
  let joinNext = false;
  let negateNext = false;
  let terms = 0;
  tokens.forEach((t, i) => {
    if ('op' in t) {
      if (t.op === 'not') negateNext = true;
      // OR joins the next word to the previous group, when both are there: at either end it is ignored.
      else joinNext = groups.length > 0 && !negateNext;
      return;
    }
    const negated = t.negated || negateNext;
    negateNext = false;
    if (negated) {
      joinNext = false;
      if (t.stop) ignored.push(shown(t.raw));
      else if (t.leaf.kind !== 'prefix') {
        if (excluded.length < MAX_EXCLUDED) excluded.push(t.leaf);
        else capped = true;
      }
      return;
    }
    if (t.stop) ignored.push(shown(t.raw));
    // A prefix counts only as the last thing typed: earlier, "budg*" is a word someone finished.
    const leaf: Leaf =
      t.leaf.kind === 'prefix' && i !== tokens.length - 1 ? { kind: 'word', word: t.leaf.word } : t.leaf;
    if (terms >= MAX_TERMS) {
      capped = true;
      return;
    }
    terms++;
    const previous = groups.at(-1);
    if (joinNext && previous) {
      previous.leaves.push(leaf);
      previous.stop ||= t.stop;
    } else groups.push({ leaves: [leaf], stop: t.stop });
    joinNext = false;
  });
  // A stop word matches nearly everything: a group holding one narrows nothing, so it is left out whole.
  return { groups: groups.filter((g) => !g.stop).map((g) => g.leaves), excluded, ignored, capped };
}

/** Nothing left to search for: no words, or only exclusions or common words. */
export function isEmpty(q: ParsedQuery): boolean {
  return q.groups.length === 0;
}

const leafWords = (l: Leaf) => (l.kind === 'phrase' ? l.words : l.kind === 'word' ? [l.word] : [`${l.word}*`]);

/**
 * All words a match may highlight, but the stop words inside phrases (every "of" in a snippet is noise); the
 * type-ahead prefix keeps its star ("budg*"), as buildSnippet reads it.
 */
export function highlightTerms(q: ParsedQuery): string[] {
  return [...new Set(q.groups.flat().flatMap(leafWords))].filter((w) => !isStopWord(w));
}

/** SQLite FTS5 MATCH expression: every word quoted, so no operator can be injected. */
export function toFts5(q: ParsedQuery): string {
  const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const leaf = (l: Leaf) =>
    l.kind === 'word' ? quote(l.word) : l.kind === 'phrase' ? quote(l.words.join(' ')) : `${quote(l.word)}*`;
  const positive = q.groups.map((g) => (g.length === 1 ? leaf(g[0]!) : `(${g.map(leaf).join(' OR ')})`)).join(' AND ');
  if (!q.excluded.length) return positive;
  return `${q.groups.length > 1 ? `(${positive})` : positive} ${q.excluded.map((e) => `NOT ${leaf(e)}`).join(' ')}`;
}

/**
 * A PostgreSQL tsquery expression built from the tree: each word and phrase through plainto_tsquery and
 * phraseto_tsquery ('english', as the index), as a bound parameter; a prefix through both 'english' (which
 * stems it: "lighthouse*" → lighthous:*) and 'simple' (which keeps a stop word still being typed: "the*" →
 * the:*, finding "theatre"). Null when there is nothing to search for.
 */
export function toTsquery(q: ParsedQuery): RawBuilder<unknown> | null {
  if (isEmpty(q)) return null;
  const leaf = (l: Leaf): RawBuilder<unknown> =>
    l.kind === 'word'
      ? sql`plainto_tsquery('english', ${l.word})`
      : l.kind === 'phrase'
        ? sql`phraseto_tsquery('english', ${l.words.join(' ')})`
        : sql`(to_tsquery('english', ${`${l.word}:*`}) || to_tsquery('simple', ${`${l.word}:*`}))`;
  const group = (g: Leaf[]) => (g.length === 1 ? leaf(g[0]!) : sql`(${sql.join(g.map(leaf), sql` || `)})`);
  const parts = [...q.groups.map(group), ...q.excluded.map((e) => sql`!!${leaf(e)}`)];
  return sql`(${sql.join(parts, sql` && `)})`;
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
