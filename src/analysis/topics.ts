// Topics of an article on the IPTC Media Topics scheme, without a model or
// training data: a hand-written, weighted lexicon of news vocabulary, matched
// on lightly stemmed words (and word prefixes and two- or three-word phrases),
// plus the feed's own categories and the publisher's section, which are the
// strongest evidence there is. The lexicon was written from general knowledge
// of news language; it must never be fitted to an evaluation corpus.
import { words } from './tokens.ts';
import { ALIASES } from './topics-aliases.ts';
import { LEXICON } from './topics-lexicon.ts';

export interface TopicDef {
  slug: string;
  name: string;
  /** IPTC Media Topic code, e.g. 'medtop:11000000'. */
  iptc: string;
  parent: string | null;
}

export interface TopicInput {
  title: string;
  standfirst: string;
  text: string;
  categories: string[];
  section: string | null;
}

/** score in 0..1 */
export interface TopicScore {
  slug: string;
  score: number;
}

// Second-level codes are IPTC's where the concept exists one level down; the
// sports are IPTC level-3 concepts under 'competition discipline' and space
// sits under 'natural science': those carry the code of that nearest concept.
export const TOPICS: readonly TopicDef[] = Object.freeze(
  (
    [
      ['arts-culture-entertainment-media', 'Arts, culture, entertainment and media', '01000000', null],
      ['arts-culture-entertainment-media/film', 'Film', '20000005', 'arts-culture-entertainment-media'],
      ['arts-culture-entertainment-media/music', 'Music', '20000018', 'arts-culture-entertainment-media'],
      ['arts-culture-entertainment-media/television', 'Television', '20000051', 'arts-culture-entertainment-media'],
      [
        'arts-culture-entertainment-media/books',
        'Books and literature',
        '20000013',
        'arts-culture-entertainment-media',
      ],
      ['crime-law-justice', 'Crime, law and justice', '02000000', null],
      ['crime-law-justice/courts', 'Courts', '20000106', 'crime-law-justice'],
      ['crime-law-justice/police', 'Police', '20000129', 'crime-law-justice'],
      ['disaster-accident-emergency', 'Disaster, accident and emergency incident', '03000000', null],
      ['economy-business-finance', 'Economy, business and finance', '04000000', null],
      ['economy-business-finance/economy', 'Economy', '20000344', 'economy-business-finance'],
      ['economy-business-finance/markets', 'Markets', '20000385', 'economy-business-finance'],
      ['economy-business-finance/companies', 'Companies', '20000170', 'economy-business-finance'],
      ['education', 'Education', '05000000', null],
      ['environment', 'Environment', '06000000', null],
      ['environment/climate-change', 'Climate change', '20000418', 'environment'],
      ['health', 'Health', '07000000', null],
      ['health/medicine', 'Medicine and treatment', '20000464', 'health'],
      ['human-interest', 'Human interest', '08000000', null],
      ['human-interest/celebrity', 'Celebrity', '20000505', 'human-interest'],
      ['labour', 'Labour', '09000000', null],
      ['lifestyle-leisure', 'Lifestyle and leisure', '10000000', null],
      ['politics', 'Politics', '11000000', null],
      ['politics/elections', 'Elections', '20000574', 'politics'],
      ['politics/government', 'Government', '20000593', 'politics'],
      ['politics/international-relations', 'International relations', '20000638', 'politics'],
      ['religion', 'Religion', '12000000', null],
      ['science-technology', 'Science and technology', '13000000', null],
      ['science-technology/technology', 'Technology and the internet', '20000756', 'science-technology'],
      ['science-technology/space', 'Space', '20000717', 'science-technology'],
      ['society', 'Society', '14000000', null],
      ['sport', 'Sport', '15000000', null],
      ['sport/football', 'Football', '20000822', 'sport'],
      ['sport/tennis', 'Tennis', '20000822', 'sport'],
      ['sport/cricket', 'Cricket', '20000822', 'sport'],
      ['sport/motor-racing', 'Motor racing', '20000822', 'sport'],
      ['sport/rugby', 'Rugby', '20000822', 'sport'],
      ['sport/golf', 'Golf', '20000822', 'sport'],
      ['sport/athletics', 'Athletics', '20000822', 'sport'],
      ['conflict-war-peace', 'Conflict, war and peace', '16000000', null],
      ['conflict-war-peace/terrorism', 'Terrorism', '20000053', 'conflict-war-peace'],
      ['weather', 'Weather', '17000000', null],
    ] as const
  ).map(([slug, name, code, parent]) => Object.freeze({ slug, name, iptc: `medtop:${code}`, parent })),
);

const BY_SLUG = new Map(TOPICS.map((t) => [t.slug, t]));

export function topicBySlug(slug: string): TopicDef | undefined {
  return BY_SLUG.get(slug);
}

// ---------------------------------------------------------------------------
// Stemming: Porter's first step and final-e rule, for English. What matters is
// that the lexicon and the text go through the same function: plurals, -ed and
// -ing go (vote, votes, voted, voting → vote; injure, injured → injur), -ize is
// spelt -ise and adverbs in -ally, -ously, -fully … lose their -ly.

function isConsonant(w: string, i: number): boolean {
  const c = w[i]!;
  if ('aeiou'.includes(c)) return false;
  if (c === 'y') return i === 0 || !isConsonant(w, i - 1);
  return true;
}

/** Porter's measure: the number of vowel-consonant sequences. */
function measure(w: string): number {
  let m = 0;
  let prevVowel = false;
  for (let i = 0; i < w.length; i++) {
    const vowel = !isConsonant(w, i);
    if (!vowel && prevVowel) m++;
    prevVowel = vowel;
  }
  return m;
}

function hasVowel(w: string): boolean {
  for (let i = 0; i < w.length; i++) if (!isConsonant(w, i)) return true;
  return false;
}

/** Ends consonant-vowel-consonant, the last not w, x or y (hop, vot). */
function cvc(w: string): boolean {
  const n = w.length;
  return (
    n >= 3 && isConsonant(w, n - 3) && !isConsonant(w, n - 2) && isConsonant(w, n - 1) && !'wxy'.includes(w[n - 1]!)
  );
}

export function stem(word: string): string {
  let w = word;
  if (w.endsWith("'s")) w = w.slice(0, -2);
  else if (w.endsWith("'")) w = w.slice(0, -1);
  if (w.length <= 3) return w;
  w = w.replace(/iz(e|es|ed|ing|ation|ations|er|ers)$/, 'is$1');
  // plurals
  if (w.endsWith('ies') && w.length > 4) w = w.slice(0, -3) + 'y';
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (/(?:x|z|ch|sh)es$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);
  // -ed, -ing
  let cut: string | null = null;
  if (w.endsWith('ied') && w.length > 4) w = w.slice(0, -3) + 'y';
  else if (w.endsWith('ing') && w.length > 5 && hasVowel(w.slice(0, -3))) cut = w.slice(0, -3);
  else if (w.endsWith('ed') && !w.endsWith('eed') && w.length > 4 && hasVowel(w.slice(0, -2))) cut = w.slice(0, -2);
  if (cut !== null) {
    const n = cut.length;
    if (/(?:at|bl|is)$/.test(cut)) w = cut + 'e';
    else if (n >= 4 && cut[n - 1] === cut[n - 2] && isConsonant(cut, n - 1) && !'lsz'.includes(cut[n - 1]!))
      w = cut.slice(0, -1);
    else if (measure(cut) === 1 && cvc(cut)) w = cut + 'e';
    else w = cut;
  }
  // adverbs
  const ly = /(al|ous|ful|ive|ent|ant|less|ic)ly$/.exec(w);
  if (ly && w.length > 6) w = w.slice(0, -2);
  // final e
  if (w.endsWith('e') && w.length > 3) {
    const base = w.slice(0, -1);
    const m = measure(base);
    if (m > 1 || (m === 1 && !cvc(base))) w = base;
  }
  return w;
}

// ---------------------------------------------------------------------------
// Compilation, once at load.

interface Hit {
  topic: number; // index into TOPICS
  weight: number;
}

const TOPIC_INDEX = new Map(TOPICS.map((t, i) => [t.slug, i]));
const PARENT_INDEX = TOPICS.map((t) => (t.parent ? TOPIC_INDEX.get(t.parent)! : -1));

const exactHits = new Map<string, Hit[]>(); // stemmed word → hits
const prefixHits = new Map<string, Hit[]>(); // raw prefix → hits
const phraseHits = new Map<string, Hit[]>(); // stemmed words joined by ' ' → hits
const phraseStarts = new Set<string>(); // first stem of every phrase
let minPrefix = Infinity;
let maxPrefix = 0;

// Amounts written as one token ("5bn", "$3tn") become one marker word.
const BN = /^\d+(?:[.,]\d+)?(?:bn|tn)$/;

function tokens(text: string): string[] {
  const out: string[] = [];
  for (const w of words(text)) out.push(BN.test(w) ? '#bn' : stem(w));
  return out;
}

// A lexicon word must never stem to one of these (a guard against stemming accidents).
const FUNCTION_WORDS = new Set(
  'a an the in on at of to for by as is it be do go up so no or and but not was has had his her its one two set get put out off all new'.split(
    ' ',
  ),
);

function addHit(map: Map<string, Hit[]>, key: string, hit: Hit): void {
  const list = map.get(key);
  if (!list) map.set(key, [hit]);
  else {
    const same = list.find((h) => h.topic === hit.topic);
    if (same) same.weight = Math.max(same.weight, hit.weight);
    else list.push(hit);
  }
}

for (const [slug, body] of Object.entries(LEXICON)) {
  const topic = TOPIC_INDEX.get(slug);
  if (topic === undefined) throw new Error(`lexicon names an unknown topic ${slug}`);
  for (const raw of body.split(',')) {
    const entry = raw.trim();
    if (!entry) continue;
    const m = /^(.*\S)\s+(\d+(?:\.\d+)?)$/.exec(entry);
    const term = (m ? m[1]! : entry).trim();
    const weight = m ? Number(m[2]) : 1;
    if (weight === 0) continue;
    if (term.endsWith('*')) {
      const p = term.slice(0, -1).toLowerCase();
      addHit(prefixHits, p, { topic, weight });
      minPrefix = Math.min(minPrefix, p.length);
      maxPrefix = Math.max(maxPrefix, p.length);
      continue;
    }
    const stems = tokens(term);
    if (stems.length === 0) throw new Error(`empty lexicon entry in ${slug}: ${entry}`);
    if (stems.length === 1) {
      if (FUNCTION_WORDS.has(stems[0]!)) throw new Error(`lexicon entry ${entry} in ${slug} stems to a function word`);
      addHit(exactHits, stems[0]!, { topic, weight });
    } else if (stems.length <= 4) {
      addHit(phraseHits, stems.join(' '), { topic, weight });
      phraseStarts.add(stems[0]!);
    } else throw new Error(`phrase too long in ${slug}: ${entry}`);
  }
}

// Word → its stem and the hits it produces on its own (stem and prefixes), memoised.
interface WordInfo {
  stem: string;
  hits: readonly Hit[];
}
const EMPTY: readonly Hit[] = [];
const wordMemo = new Map<string, WordInfo>();
const MEMO_LIMIT = 200_000;

function wordInfo(word: string): WordInfo {
  const cached = wordMemo.get(word);
  if (cached) return cached;
  const stemmed = BN.test(word) ? '#bn' : stem(word);
  let found: Hit[] | undefined;
  const exact = exactHits.get(stemmed);
  if (exact) found = exact.map((h) => ({ ...h }));
  const top = Math.min(maxPrefix, word.length);
  for (let n = minPrefix; n <= top; n++) {
    const p = prefixHits.get(word.slice(0, n));
    if (!p) continue;
    found ??= [];
    for (const h of p) {
      const same = found.find((f) => f.topic === h.topic);
      if (same) same.weight = Math.max(same.weight, h.weight);
      else found.push({ ...h });
    }
  }
  const info = { stem: stemmed, hits: found ?? EMPTY };
  if (wordMemo.size >= MEMO_LIMIT) wordMemo.clear();
  wordMemo.set(word, info);
  return info;
}

/** Sum of lexicon weights per topic over a text (parents credited with their children's hits); returns the word count. */
function accumulate(text: string, into: Float64Array): number {
  if (!text) return 0;
  const raw = words(text);
  const info = raw.map(wordInfo);
  for (let i = 0; i < info.length; i++) {
    const { stem: s, hits } = info[i]!;
    for (const h of hits) credit(into, h);
    if (phraseStarts.has(s)) {
      let key = s;
      for (let n = 1; n < 4 && i + n < info.length; n++) {
        key += ' ' + info[i + n]!.stem;
        const p = phraseHits.get(key);
        if (p) for (const h of p) credit(into, h);
      }
    }
  }
  return raw.length;
}

function credit(into: Float64Array, h: Hit): void {
  into[h.topic]! += h.weight;
  const parent = PARENT_INDEX[h.topic]!;
  if (parent >= 0) into[parent]! += h.weight;
}

function normaliseLabel(label: string): string {
  return label
    .normalize('NFKC')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

// ---------------------------------------------------------------------------
// Scoring.

/** Evidence of one category or section that is in the alias table. */
const LABEL_EVIDENCE = 15;
/** Lexicon hits inside a free-text label (not in the table) count this many times over, up to LABEL_EVIDENCE. */
const LABEL_LEXICON_FACTOR = 2.5;
const TITLE_FACTOR = 1.5;
const STANDFIRST_FACTOR = 0.8;
/** Standfirsts longer than this many words are scaled down to it. */
const STANDFIRST_WORDS = 40;
/** The body counts as hits per 100 words, over at least this many words. */
const BODY_MIN_WORDS = 100;
const BODY_FACTOR = 1.2;
/** score = 1 − exp(−evidence / SCALE) */
const SCALE = 6;
const MIN_SCORE = 0.3;
/** A further top-level topic needs at least this share of the best one's evidence. */
const RELATIVE_TO_BEST = 0.4;
const MAX_TOP_LEVEL = 3;

function labelEvidence(label: string, into: Float64Array): void {
  const key = normaliseLabel(label);
  if (!key) return;
  const slugs = ALIASES[key] ?? ALIASES[key.replace(/ news$/, '')];
  if (slugs) {
    for (const slug of slugs) credit(into, { topic: TOPIC_INDEX.get(slug)!, weight: LABEL_EVIDENCE });
    return;
  }
  const hits = new Float64Array(TOPICS.length);
  accumulate(label, hits);
  for (let t = 0; t < hits.length; t++) into[t]! += Math.min(LABEL_EVIDENCE, hits[t]! * LABEL_LEXICON_FACTOR);
}

export function assignTopics(input: TopicInput, opts: { max?: number } = {}): TopicScore[] {
  const max = opts.max ?? 6;
  const n = TOPICS.length;
  const evidence = new Float64Array(n);

  const field = new Float64Array(n);
  accumulate(input.title, field);
  for (let t = 0; t < n; t++) evidence[t]! += TITLE_FACTOR * field[t]!;

  field.fill(0);
  const standWords = accumulate(input.standfirst, field);
  const standScale = STANDFIRST_FACTOR * Math.min(1, STANDFIRST_WORDS / Math.max(1, standWords));
  for (let t = 0; t < n; t++) evidence[t]! += standScale * field[t]!;

  field.fill(0);
  const bodyWords = accumulate(input.text, field);
  const bodyScale = (BODY_FACTOR * 100) / Math.max(BODY_MIN_WORDS, bodyWords);
  for (let t = 0; t < n; t++) evidence[t]! += bodyScale * field[t]!;

  for (const c of input.categories) labelEvidence(c, evidence);
  if (input.section) labelEvidence(input.section, evidence);

  const score = (t: number) => 1 - Math.exp(-evidence[t]! / SCALE);

  let best = 0;
  for (let t = 0; t < n; t++) if (PARENT_INDEX[t] === -1) best = Math.max(best, evidence[t]!);
  const tops: number[] = [];
  for (let t = 0; t < n; t++) {
    if (PARENT_INDEX[t] !== -1) continue;
    if (score(t) >= MIN_SCORE && evidence[t]! >= RELATIVE_TO_BEST * best) tops.push(t);
  }
  tops.sort((a, b) => evidence[b]! - evidence[a]!);
  tops.length = Math.min(tops.length, MAX_TOP_LEVEL);
  const kept = new Set(tops);

  const out: TopicScore[] = tops.map((t) => ({ slug: TOPICS[t]!.slug, score: score(t) }));
  for (let t = 0; t < n; t++) {
    const parent = PARENT_INDEX[t]!;
    if (parent >= 0 && kept.has(parent) && score(t) >= MIN_SCORE) out.push({ slug: TOPICS[t]!.slug, score: score(t) });
  }
  out.sort((a, b) => b.score - a.score || a.slug.localeCompare(b.slug));
  return out.slice(0, max);
}
