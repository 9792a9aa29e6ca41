// Snippets: the ~30-word window with the most query words, built from the
// text the viewer is allowed to read (so a snippet never reveals more than
// the paywall does), the same on both databases. Parts are plain text with a
// match flag; the view escapes them and marks the matches.

export interface SnippetPart {
  text: string;
  match: boolean;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** Lower case, accents off (plain ASCII, most words, needs no Unicode normalisation). */
function fold(w: string): string {
  const lower = w.toLowerCase();
  return /[^\x00-\x7f]/.test(lower) ? lower.normalize('NFKD').replace(/[\u0300-\u036f]/g, '') : lower;
}

const stemOf = (folded: string) => (folded.length > 3 ? folded.replace(/(ings|ing|ers|er|ed|es|s|e)$/, '') : folded);

/** Lower case, accents off, a light English suffix strip: "Keepers" and "keeper", "striking" and "strike" meet. */
export function snippetStem(w: string): string {
  return stemOf(fold(w));
}

/**
 * The best window of `maxWords` words of `text` for these terms, matches
 * marked. A term ending in "*" matches any word it begins. An ellipsis part
 * stands for text cut at either end. Pure: no database, no HTML.
 */
export function buildSnippet(text: string, terms: string[], maxWords = 30): SnippetPart[] {
  const words = [...text.matchAll(WORD)];
  if (!words.length || maxWords < 1) return [];
  const exact = new Set(
    terms
      .filter((t) => !t.endsWith('*'))
      .map(snippetStem)
      .filter(Boolean),
  );
  const prefixes = terms
    .filter((t) => t.endsWith('*'))
    .map((t) => fold(t.slice(0, -1)))
    .filter(Boolean);
  const seen = new Map<string, boolean>(); // words repeat: decide each distinct word once
  const isHit = words.map((m) => {
    let hit = seen.get(m[0]);
    if (hit === undefined) {
      const plain = fold(m[0]);
      hit = exact.has(stemOf(plain)) || prefixes.some((p) => plain.startsWith(p));
      seen.set(m[0], hit);
    }
    return hit;
  });
  // Slide the window; the first window with the most hits wins (earlier text reads better).
  let bestStart = 0;
  let best = -1;
  let count = 0;
  for (let i = 0; i < words.length; i++) {
    if (isHit[i]) count++;
    if (i >= maxWords && isHit[i - maxWords]) count--;
    if (i >= Math.min(maxWords, words.length) - 1 && count > best) {
      best = count;
      bestStart = Math.max(0, i - maxWords + 1);
    }
  }
  const end = Math.min(words.length, bestStart + maxWords);
  const from = words[bestStart]!.index!;
  const last = words[end - 1]!;
  const to = last.index! + last[0].length;
  const parts: SnippetPart[] = [];
  if (bestStart > 0) parts.push({ text: '… ', match: false });
  let pos = from;
  for (let i = bestStart; i < end; i++) {
    const m = words[i]!;
    if (!isHit[i]) continue;
    if (m.index! > pos) parts.push({ text: text.slice(pos, m.index), match: false });
    parts.push({ text: m[0], match: true });
    pos = m.index! + m[0].length;
  }
  if (to > pos) parts.push({ text: text.slice(pos, to), match: false });
  if (end < words.length) parts.push({ text: ' …', match: false });
  return parts.map((p) => ({ ...p, text: p.text.replace(/\s+/g, ' ') }));
}
