// Named entities of one article: people, organisations, places, with a stable key
// per entity (kind + slug) so the same entity links up across articles.
//
// compromise's full parse costs far more per word than an article may spend
// here (the figures are in docs/decisions/0006-curation.md). So the work is split:
// - a cheap chunker walks every word of the title, standfirst and body, finds
//   runs of capitalised words, trims titles, possessives and sentence-initial
//   common words, and classifies each run with compromise's own lexicon (first
//   names, countries, cities, organisations, organisation and place words);
// - compromise's full parse runs only on the first `maxWords` words of title,
//   standfirst and body together, and its people/organisations/places decide the
//   kind of runs the lexicon cannot place; when no such run is in the lede,
//   it is not asked (the same result, for less time).
//   `maxWords` (default 20, most of the time spent here) counts the title and standfirst too.
// Runs that stay unclassified are dropped: precision before recall.
import { slugText } from './slug.ts';
import nlp from 'compromise';
import { guessKind, isAcronym, isCommon, kindFromTags, type EntityKind } from './entity-kinds.ts';
import {
  ABBREVIATIONS,
  CONNECT,
  JUNK_TAGS,
  NAME_TAGS,
  ORG_WORDS,
  PLACE_TAGS,
  STOP,
  TITLES,
  hasTag,
  tagsOf,
} from './entity-words.ts';

/** 'thing': any other named thing: a product or model told by a number in its name ('Galaxy S5', 'Flight MH370'), an event or award ('Tidemark Prize'). */
export type { EntityKind } from './entity-kinds.ts';

export interface Entity {
  kind: EntityKind;
  /** Display form: the fullest form seen, e.g. 'Joe Biden'. */
  name: string;
  /** Stable identity across articles: kind + ':' + entitySlug(name), e.g. 'person:joe-biden'. */
  key: string;
  mentions: number;
  /** 0..1: headline and standfirst mentions and early mentions weigh more. */
  salience: number;
}

export interface EntityOptions {
  /** Words of title + standfirst + body given to compromise's full parse (~30 µs each); 0: lexicon only. */
  maxWords?: number;
  /** At most this many entities, the most salient. */
  max?: number;
}

const DEFAULT_MAX_WORDS = 20;

/** 'Joe Biden' → 'joe-biden': the one slug rule (slug.ts), with a leading 'the' dropped. */
export function entitySlug(name: string): string {
  return slugText(name).replace(/^the-/, '');
}

// ---------------------------------------------------------------- chunking

type Part = 'title' | 'standfirst' | 'body';
interface Mention {
  words: string[]; // cleaned name words, as written
  kind: EntityKind | null;
  titled: boolean; // a title stood before it: a person
  part: Part;
  pos: number; // word index within the part
  acronymOf?: string[]; // 'World Health Organization (WHO)': the WHO mention, aliasing the name
}

const WORD = /[\p{L}\p{M}\p{N}]+(?:[-'’.&][\p{L}\p{M}\p{N}]+)*['’]?/gu;
const isCap = (w: string) => /^\p{Lu}/u.test(w);
const stripPossessive = (w: string) => w.replace(/['’]s?$/u, '');

/** Words of a text with the gaps before them: the chunker's only view of it. */
function tokens(text: string): { word: string; gap: string }[] {
  const out: { word: string; gap: string }[] = [];
  let last = 0;
  for (const m of text.matchAll(WORD)) {
    out.push({ word: m[0], gap: text.slice(last, m.index) });
    last = m.index + m[0].length;
  }
  return out;
}

function chunk(text: string, part: Part, out: Mention[], limit = Infinity): number {
  const toks = tokens(text);
  const n = Math.min(toks.length, limit);
  let sentenceStart = true;
  let i = 0;
  while (i < n) {
    const { word, gap } = toks[i]!;
    if (i > 0) {
      const prev = toks[i - 1]!.word.toLowerCase().replace(/\.$/, '');
      if (/[.!?]/.test(gap) && !ABBREVIATIONS.has(prev) && prev.length > 1) sentenceStart = true;
      if (/\n/.test(gap)) sentenceStart = true;
      if (/["“]\s*$/.test(gap)) sentenceStart = true; // a quotation opens: its first word is capitalised anyway
    }
    if (!isCap(word)) {
      sentenceStart = false;
      i++;
      continue;
    }
    // A run: capitalised words, joined by connectors, broken by punctuation.
    const start = i;
    const run: string[] = [word];
    let j = i + 1;
    while (j < n) {
      const t = toks[j]!;
      const prev = run[run.length - 1]!;
      if (/['’]s?$/u.test(prev)) break; // a possessive ends a name
      if (t.gap.includes('\n')) break; // a line ends a name: 'Barack Obama\nBarack Obama' is two mentions
      if (!/^\s+$/.test(t.gap)) {
        // punctuation ends the run, except the dot of an abbreviation or an initial: 'Sen. Smith', 'John F. Kennedy'
        const dotted = /^\.\s+$/.test(t.gap) && (ABBREVIATIONS.has(prev.toLowerCase()) || /^\p{Lu}$/u.test(prev));
        if (!dotted) break;
      }
      if (isCap(t.word)) {
        run.push(t.word);
        j++;
        continue;
      }
      const lw = t.word.toLowerCase();
      const next = toks[j + 1];
      if (CONNECT.has(lw) && next && j + 1 < n && isCap(next.word) && /^\s+$/.test(next.gap) && /^\s+$/.test(t.gap)) {
        run.push(t.word, next.word);
        j += 2;
        continue;
      }
      break;
    }
    const atStart = sentenceStart;
    sentenceStart = false;
    i = j;
    // 'World Health Organization (WHO)': the acronym aliases the run.
    const after = toks[j];
    let acronym: string | undefined;
    if (after && j < n && /^\s*\($/.test(after.gap) && isAcronym(after.word) && /^\)/.test(toks[j + 1]?.gap ?? ')')) {
      acronym = after.word.replace(/\./g, '');
      i = j + 1;
    }
    const m = clean(run, atStart, part, start);
    if (m) {
      out.push(m);
      if (acronym && m.words.length > 1 && m.kind !== 'person' && m.kind !== 'place' && acronym[0] === m.words[0]![0]) {
        out.push({ words: [acronym], kind: 'organisation', titled: false, part, pos: j, acronymOf: m.words });
      }
    }
  }
  return toks.length;
}

/** Trim a capitalised run to a name and guess its kind; null when it is none. */
function clean(run: string[], atStart: boolean, part: Part, pos: number): Mention | null {
  let w = run.map((x, k) => (k === run.length - 1 ? stripPossessive(x) : x)).map((x) => x.replace(/\.$/, ''));
  if (w[w.length - 1] === '') w.pop();
  // Whole run known to the lexicon ('General Motors', 'New York'): take it as is.
  const whole = tagsOf(w.join(' ').toLowerCase());
  if (w.length > 1 && hasTag(whole, NAME_TAGS))
    return { words: w, kind: kindFromTags(whole), titled: false, part, pos };
  // Sentence-initial common words: 'Other', 'However', 'Yesterday'.
  if (atStart) {
    // only the first word: 'The European Commission' keeps 'European'
    if (w.length && !TITLES.has(w[0]!.toLowerCase()) && isCommon(w[0]!)) w = w.slice(1);
  }
  while (w.length && (w[0]!.toLowerCase() === 'the' || CONNECT.has(w[0]!.toLowerCase()))) w = w.slice(1);
  while (w.length && CONNECT.has(w[w.length - 1]!.toLowerCase())) w.pop();
  if (!w.length) return null;
  // Titles: 'President Biden', 'Trade Secretary Patricia Hewitt', 'Prime Minister'.
  let titled = false;
  let lastTitle = -1;
  for (let k = 0; k < w.length; k++) if (TITLES.has(w[k]!.toLowerCase())) lastTitle = k;
  if (lastTitle >= 0 && !ORG_WORDS.has(w[w.length - 1]!.toLowerCase())) {
    const rest = w.slice(lastTitle + 1);
    if (rest.length === 0 || !isCap(rest[0]!)) return null; // a role alone: 'Prime Minister', 'Secretary of State'
    w = rest;
    titled = true;
  }
  if (w.length === 1) {
    const only = w[0]!;
    const tags = tagsOf(only.toLowerCase());
    if (only.length < 2 || hasTag(tags, JUNK_TAGS) || STOP.has(only.toLowerCase())) return null;
    if (/^\p{Lu}$/u.test(only.replace(/\./g, ''))) return null;
  }
  if (w.every((x) => !/\p{Lu}/u.test(x))) return null;
  return { words: w, kind: titled ? 'person' : guessKind(w), titled, part, pos };
}

// ---------------------------------------------------------------- compromise hints

/** compromise's full parse of the lede: slug → kind, for runs the lexicon cannot place. */
function compromiseHints(text: string): Map<string, EntityKind> {
  const hints = new Map<string, EntityKind>();
  if (!/\S/.test(text)) return hints;
  const doc = nlp(text);
  const add = (names: string[], kind: EntityKind) => {
    for (const raw of names) {
      const m = clean(
        raw
          .replace(/[^\p{L}\p{M}\p{N}'’.&\s-]/gu, ' ')
          .trim()
          .split(/\s+/),
        true,
        'body',
        0,
      );
      if (m && (m.words.length > 1 || kind !== 'person' || m.titled)) {
        const slug = entitySlug(m.words.join(' '));
        if (slug && !hints.has(slug)) hints.set(slug, kind);
      }
    }
  };
  add(doc.people().out('array') as string[], 'person');
  add(doc.organizations().out('array') as string[], 'organisation');
  add(doc.places().out('array') as string[], 'place');
  return hints;
}

// ---------------------------------------------------------------- extraction

const PART_WEIGHT: Record<Part, number> = { title: 3, standfirst: 2, body: 1 };
const EARLY_WORDS = 150; // body mentions in the first words weigh up to double

function weight(m: Mention): number {
  return m.part === 'body' ? 1 + Math.max(0, 1 - m.pos / EARLY_WORDS) : PART_WEIGHT[m.part];
}

/** A headline in Title Case says nothing about which words are names. */
function isTitleCase(title: string): boolean {
  const ws = title.match(WORD) ?? [];
  const content = ws.filter((w) => w.length > 3 && !STOP.has(w.toLowerCase()));
  return content.length >= 3 && content.filter(isCap).length / content.length >= 0.75;
}

/**
 * Lines set like headlines inside a text (subheadings, captions, bylines: Title
 * Case, no closing stop) are blanked for the chunker, as a Title Case headline
 * is: 'Michelle Obama Speaks Out' would read as one long name.
 */
function withoutHeadings(text: string, headings: { text: string; weight: number }[], part: Part): string {
  if (!text.includes('\n')) return text;
  let pos = 0; // words before the line, roughly: early headings weigh more, as early mentions do
  return text
    .split('\n')
    .map((line) => {
      const at = pos;
      pos += line.split(/\s+/).length;
      if (/[.!?:;"”]\s*$/.test(line) || !isTitleCase(line)) return line;
      headings.push({ text: line, weight: weight({ part, pos: at } as Mention) });
      return '';
    })
    .join('\n');
}

interface Group {
  kind: EntityKind | null;
  votes: Map<EntityKind, number>;
  forms: Map<string, number>;
  mentions: Mention[];
}

export function extractEntities(
  a: { title: string; standfirst: string; text: string },
  opts: EntityOptions = {},
): Entity[] {
  const maxWords = opts.maxWords ?? DEFAULT_MAX_WORDS;
  const mentions: Mention[] = [];
  const titleCase = isTitleCase(a.title);
  // Title Case lines are read after the rest, for the names already found in them.
  const headings: { text: string; weight: number }[] = titleCase ? [{ text: a.title, weight: PART_WEIGHT.title }] : [];
  if (!titleCase) chunk(a.title, 'title', mentions);
  chunk(withoutHeadings(a.standfirst, headings, 'standfirst'), 'standfirst', mentions);
  chunk(withoutHeadings(a.text, headings, 'body'), 'body', mentions);

  // compromise reads the first maxWords words of title, standfirst and body together.
  const lede = [titleCase ? '' : a.title, a.standfirst, a.text.slice(0, maxWords * 20)]
    .filter((x) => x.trim())
    .map((x) => x.trim().replace(/[.!?]?$/, '.'))
    .join('\n')
    .split(/(?<=\S)(?=\s)/)
    .slice(0, maxWords)
    .join('');
  // Its hints decide only names the lexicon cannot place: without such a name in the lede, it is not asked.
  const unplaced = new Set(mentions.filter((m) => !m.kind).map((m) => entitySlug(m.words.join(' '))));
  const ledeSlugs = `-${entitySlug(lede)}-${entitySlug(lede.replace(/['’]s\b/g, ''))}-`;
  const hints = [...unplaced].some((slug) => slug && ledeSlugs.includes(`-${slug}-`))
    ? compromiseHints(lede)
    : new Map<string, EntityKind>();

  // Group identical names; a kind comes from the lexicon, a title, or compromise.
  const groups = new Map<string, Group>();
  const aliases = new Map<string, string>(); // acronym slug → name slug
  for (const m of mentions) {
    const slug = entitySlug(m.words.join(' '));
    if (!slug) continue;
    if (m.acronymOf) aliases.set(slug, entitySlug(m.acronymOf.join(' ')));
    let g = groups.get(slug);
    if (!g) groups.set(slug, (g = { kind: null, votes: new Map(), forms: new Map(), mentions: [] }));
    const kind = m.kind ?? hints.get(slug) ?? null;
    if (kind) g.votes.set(kind, (g.votes.get(kind) ?? 0) + (m.titled ? 2 : 1));
    const form = m.words.join(' ');
    g.forms.set(form, (g.forms.get(form) ?? 0) + 1);
    g.mentions.push(m);
  }
  for (const [slug, g] of groups) {
    if (!g.votes.size && hints.has(slug)) g.votes.set(hints.get(slug)!, 1);
    g.kind = [...g.votes].sort((x, y) => y[1] - x[1])[0]?.[0] ?? null;
  }

  // Acronyms defined in parentheses fold into their organisation.
  for (const [acr, target] of aliases) fold(groups, acr, target);

  // Bare surnames (and titled ones) fold into the one full name ending in them.
  const bySurname = new Map<string, string[]>();
  for (const [slug, g] of groups) {
    const words = slug.split('-');
    if (g.kind === 'person' && words.length > 1) {
      const sur = words[words.length - 1]!;
      bySurname.set(sur, [...(bySurname.get(sur) ?? []), slug]);
    }
  }
  for (const [slug, g] of [...groups]) {
    if (slug.includes('-') || (g.kind !== 'person' && g.kind !== null)) continue;
    const full = bySurname.get(slug);
    if (full?.length === 1) fold(groups, slug, full[0]!);
    else if (full && full.length > 1) groups.delete(slug); // 'Smith' with two Smiths: whose?
  }

  // Things fold into the shortest form that names them: 'Samsung Galaxy S5' and 'Galaxy S5', 'Flight MH370' and 'MH370'.
  const things = [...groups]
    .filter(([, g]) => g.kind === 'thing')
    .map(([slug]) => slug)
    .sort((x, y) => x.length - y.length);
  for (const long of things.slice().reverse()) {
    const short = things.find((x) => x !== long && long.endsWith(`-${x}`));
    if (short) fold(groups, long, short);
  }

  const entities: Entity[] = [];
  for (const [slug, g] of groups) {
    if (!g.kind) continue;
    const inBodyOnce = g.mentions.length === 1 && g.mentions[0]!.part === 'body';
    if (inBodyOnce && !slug.includes('-') && !(g.kind === 'place' && hasTag(tagsOf(slug), PLACE_TAGS))) continue;
    let raw = 0;
    for (const m of g.mentions) raw += weight(m);
    const name = displayName(g);
    entities.push({
      kind: g.kind,
      name,
      key: `${g.kind}:${slug}`,
      mentions: g.mentions.length,
      salience: 0,
      _raw: raw,
    } as Entity & { _raw: number });
  }
  // Title Case headlines and subheadings: count the entities already found in them.
  if (headings.length) {
    const texts = headings.map((h) => ` ${h.text.toLowerCase()} `);
    for (const e of entities as (Entity & { _raw: number })[]) {
      // one pattern per entity, of all its forms, tried on every heading
      const forms = [...groups.get(e.key.slice(e.key.indexOf(':') + 1))!.forms.keys()].map((f) =>
        escape(f.toLowerCase()),
      );
      const pattern = new RegExp(`[^\\p{L}\\p{N}](?:${forms.join('|')})[^\\p{L}\\p{N}]`, 'u');
      texts.forEach((t, i) => {
        if (!pattern.test(t)) return;
        e._raw += headings[i]!.weight;
        e.mentions++;
      });
    }
  }
  for (const e of entities as (Entity & { _raw: number })[]) {
    e.salience = Math.round((e._raw / (e._raw + 5)) * 1000) / 1000;
    delete (e as Partial<{ _raw: number }>)._raw;
  }
  entities.sort((x, y) => y.salience - x.salience || y.mentions - x.mentions || x.key.localeCompare(y.key));
  return opts.max !== undefined ? entities.slice(0, opts.max) : entities;
}

function fold(groups: Map<string, Group>, from: string, into: string): void {
  const a = groups.get(from);
  const b = groups.get(into);
  if (!a || !b || a === b) return;
  b.mentions.push(...a.mentions);
  for (const [form, n] of a.forms) b.forms.set(form, (b.forms.get(form) ?? 0) + n);
  for (const [v, c] of a.votes) if (v === b.kind) b.votes.set(v, (b.votes.get(v) ?? 0) + c);
  groups.delete(from);
}

/** The longest form, the most frequent spelling among equals. */
function displayName(g: Group): string {
  return [...g.forms].sort(
    (x, y) => y[0].split(' ').length - x[0].split(' ').length || y[1] - x[1] || y[0].length - x[0].length,
  )[0]![0];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
