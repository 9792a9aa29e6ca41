// One name across articles. Within an article the scanner merges the forms of
// a name (analysis/entities.ts); across articles these pure rules say when two
// keys name the same person or thing, for developing stories (cluster-rules.ts)
// and for the entity a name's page gathers (store.ts).

/** The last word of an entity key's name: 'person:joe-biden' → 'biden', 'thing:galaxy-s5' → 's5'. */
export const entityTail = (key: string): string => key.slice(key.lastIndexOf(key.includes('-') ? '-' : ':') + 1);

/**
 * The same name across two articles: the same words whatever kind the scanner
 * gave each ('Nova X7' a firm in one, a thing in another), or a longer form
 * that puts words in front of a name of the same kind:
 * - a person's surname alone and a full name ending in it ('person:biden', 'person:joe-biden');
 * - a model, told by a number, and a longer form of it ('thing:galaxy-s5',
 *   'thing:samsung-galaxy-s5'); not events ('World Cup' is not 'Rugby World Cup').
 * Organisations and places never: 'City Council', 'Premier League' and
 * 'Ministry of Health' each name many ('Leeds City Council', 'Indian Premier
 * League'), and 'York' is not 'New York'. Within one article the scanner has
 * merged such forms already (entities.ts).
 */
export function sameName(a: string, b: string): boolean {
  const kind = a.slice(0, a.indexOf(':'));
  const x = a.slice(kind.length + 1);
  const y = b.slice(b.indexOf(':') + 1);
  if (x === y) return true;
  if (!b.startsWith(`${kind}:`)) return false;
  const [short, long] = x.length < y.length ? [x, y] : [y, x];
  return long.endsWith(`-${short}`) && canStandForLonger(`${kind}:${short}`);
}

/** Whether a name may stand for a longer one ending in it (see sameName). */
export function canStandForLonger(key: string): boolean {
  const kind = key.slice(0, key.indexOf(':'));
  const words = key.slice(kind.length + 1).split('-');
  if (kind === 'person') return words.length === 1;
  if (kind === 'thing') return /\d/.test(key);
  return false;
}

/**
 * The one known entity a new name stands for, or null to give it its own:
 * a bare surname for the single known full name ending in it ('person:biden'
 * for 'person:joe-biden', not when a 'person:jill-biden' is known too), and a
 * model for the known form of it ('thing:samsung-galaxy-s5' for
 * 'thing:galaxy-s5', and the other way; the fullest shorter form if several).
 * `known`: keys of the same kind that may match (store.ts looks them up).
 */
export function aliasTarget(key: string, known: readonly string[]): string | null {
  if (key.startsWith('person:') && key.includes('-')) return null; // a full name is its own
  if (key.startsWith('place:') || key.startsWith('organisation:')) return null;
  const matches = [...new Set(known)].filter((k) => k !== key && sameName(key, k));
  if (matches.length === 1) return matches[0]!;
  // Shorter forms of this one lie on one chain ('galaxy-s5' and 's5' of 'samsung-galaxy-s5'): the fullest.
  if (matches.length > 1 && matches.every((k) => k.length < key.length))
    return matches.sort((a, b) => b.length - a.length)[0]!;
  return null;
}

/** The shorter forms a name could be filed under, as keys ('thing:samsung-galaxy-s5' → 'thing:galaxy-s5', 'thing:s5'); a full name never goes under a bare surname. */
export function shorterForms(key: string): string[] {
  const kind = key.slice(0, key.indexOf(':'));
  if (kind === 'person') return [];
  const words = key.slice(kind.length + 1).split('-');
  const out: string[] = [];
  for (let i = 1; i < words.length; i++) {
    const k = `${kind}:${words.slice(i).join('-')}`;
    if (canStandForLonger(k)) out.push(k);
  }
  return out;
}
