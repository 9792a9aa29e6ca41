// One name across articles. Within an article the scanner merges the forms of
// a name (analysis/entities.ts); across articles these pure rules say when two
// keys name the same person, organisation or thing, for developing stories (cluster-rules.ts)
// and for the entity a name's page gathers (store.ts).

/** The last word of an entity key's name: 'person:joe-biden' → 'biden', 'thing:galaxy-s5' → 's5'. */
export const entityTail = (key: string): string => key.slice(key.lastIndexOf(key.includes('-') ? '-' : ':') + 1);

/**
 * The same name across two articles: the same words whatever kind the scanner
 * gave each ('Nova X7' a firm in one, a thing in another), or a longer form
 * that puts words in front of a name of the same kind:
 * - a person's surname alone and a full name ending in it ('person:biden', 'person:joe-biden');
 * - a thing and a longer form of it ('thing:galaxy-s5', 'thing:samsung-galaxy-s5');
 * - an organisation of two words or more and a qualified form of it
 *   ('organisation:premier-league', 'organisation:english-premier-league'); a
 *   single word is too loose ('United', 'Manchester United').
 * Places never: 'York' is not 'New York'. Within one article the scanner has
 * merged such forms already (entities.ts).
 */
export function sameName(a: string, b: string): boolean {
  const kind = a.slice(0, a.indexOf(':'));
  const x = a.slice(kind.length + 1);
  const y = b.slice(b.indexOf(':') + 1);
  if (x === y) return true;
  if (!b.startsWith(`${kind}:`)) return false;
  const [short, long] = x.length < y.length ? [x, y] : [y, x];
  if (!long.endsWith(`-${short}`)) return false;
  const words = short.split('-').length;
  return kind === 'thing' || (kind === 'person' && words === 1) || (kind === 'organisation' && words >= 2);
}

/**
 * The one known entity a new name stands for, or null to give it its own:
 * a bare surname for the single known full name ending in it ('person:biden'
 * for 'person:joe-biden', not when a 'person:jill-biden' is known too), and a
 * thing or organisation for the single known form of its name
 * ('thing:samsung-galaxy-s5' for 'thing:galaxy-s5'). `known`: keys of the same kind and tail.
 */
export function aliasTarget(key: string, known: readonly string[]): string | null {
  if (key.startsWith('person:') && key.includes('-')) return null; // a full name is its own
  const matches = known.filter((k) => k !== key && sameName(key, k));
  return matches.length === 1 ? matches[0]! : null;
}
