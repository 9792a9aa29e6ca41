// What kind of name a capitalised run is: person, organisation, place or
// thing, from compromise's lexicon and the words around it (entity-words.ts).
// Pure; the scanner (entities.ts) calls it on each run it trims.
import {
  CONNECT,
  EVENT_WORDS,
  EXTRA_ORGS,
  FIRST_NAME_TAGS,
  LAST_NAME,
  NAME_TAGS,
  ORG_TAGS,
  ORG_WORDS,
  PERSON_TAGS,
  PLACE_FIRST_WORDS,
  PLACE_TAGS,
  PLACE_WORDS,
  STOP,
  SURNAME_PLACE_WORDS,
  hasTag,
  tagsOf,
  type Tags,
} from './entity-words.ts';

export type EntityKind = 'person' | 'organisation' | 'place' | 'thing';

export const isAcronym = (w: string) => /^\p{Lu}{2,8}s?$/u.test(w.replace(/\./g, ''));

export function isCommon(word: string): boolean {
  const lw = word.toLowerCase();
  if (STOP.has(lw)) return true;
  if (EXTRA_ORGS.has(lw)) return false;
  const tags = tagsOf(lw);
  return tags !== undefined && !hasTag(tags, NAME_TAGS) && !isAcronym(word);
}

function kindOfWords(lowerName: string): EntityKind | null {
  return EXTRA_ORGS.has(lowerName) ? 'organisation' : kindFromTags(tagsOf(lowerName));
}

export function kindFromTags(tags: Tags): EntityKind | null {
  if (hasTag(tags, PERSON_TAGS)) return 'person';
  if (hasTag(tags, ORG_TAGS)) return 'organisation';
  if (hasTag(tags, PLACE_TAGS)) return 'place';
  return null;
}

export function guessKind(w: string[]): EntityKind | null {
  const lower = w.map((x) => x.toLowerCase());
  const known = kindOfWords(lower.join(' '));
  if (known) return known;
  const last = lower[lower.length - 1]!;
  if (w.length > 1 && ORG_WORDS.has(last)) return 'organisation';
  if (w.length > 2 && ORG_WORDS.has(lower[0]!) && lower[1] === 'of') return 'organisation'; // 'Bank of England'
  if (w.length === 2 && SURNAME_PLACE_WORDS.has(last) && hasTag(tagsOf(lower[0]!), FIRST_NAME_TAGS)) return 'person';
  if (w.length > 1 && PLACE_WORDS.has(last)) return 'place';
  if (w.length > 1 && w.length <= 3 && PLACE_FIRST_WORDS.has(lower[0]!)) return 'place';
  if (w.length > 1 && EVENT_WORDS.has(last)) return 'thing';
  // 'Galaxy S5', 'Flight MH370', 'Windows 11', 'MH370': a word with a digit names a thing, never a person.
  // A single such word needs two letters and three characters: not 'Q3', 'G7' or 'A1'.
  if (w.some((x) => /\p{N}/u.test(x))) {
    const only = w.length === 1 ? w[0]! : null;
    return only && (only.length < 3 || (only.match(/\p{L}/gu) ?? []).length < 2) ? null : 'thing';
  }
  if (w.length === 1) {
    if (isAcronym(w[0]!))
      return kindFromTags(tagsOf(lower[0]!)) ?? (tagsOf(lower[0]!) === undefined ? 'organisation' : null);
    return kindFromTags(tagsOf(lower[0]!));
  }
  if (
    w.length <= 4 &&
    hasTag(tagsOf(lower[0]!), FIRST_NAME_TAGS) &&
    lower.every((x) => !CONNECT.has(x) || x === 'de' || x === 'van' || x === 'von' || x === 'al' || x === 'bin')
  ) {
    // capitalised mid-run, so 'Brown' after 'Gordon' is a surname whatever else it may be
    if (!STOP.has(last) && !hasTag(tagsOf(last), PLACE_TAGS)) return 'person';
  }
  if (w.length <= 4 && hasTag(tagsOf(last), LAST_NAME)) return 'person';
  // 'Arsene Wenger': two words the lexicon has never seen, none an
  // organisation or place word, read as a foreign or uncommon person's name.
  if (
    w.length === 2 &&
    !w.some(isAcronym) &&
    lower.every((x) => tagsOf(x) === undefined || hasTag(tagsOf(x), LAST_NAME)) &&
    tagsOf(lower[0]!) === undefined &&
    !lower.some((x) => CONNECT.has(x))
  )
    return 'person';
  return null;
}
