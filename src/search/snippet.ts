// Snippets: the ~30-word window with the most query words, built from the
// text the viewer is allowed to read (so a snippet never reveals more than
// the paywall does). Parts are plain text with a match flag; the view escapes.

export interface SnippetPart {
  text: string;
  match: boolean;
}

const WORD = /[\p{L}\p{N}]+/gu;

function stem(w: string): string {
  return w.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/(ing|ed|es|s)$/, '');
}

export function buildSnippet(text: string, terms: string[], maxWords = 30): SnippetPart[] {
  const words = [...text.matchAll(WORD)];
  if (!words.length) return [];
  const wanted = new Set(terms.map(stem).filter(Boolean));
  const isHit = words.map((m) => wanted.has(stem(m[0])));
  let bestStart = 0;
  let best = -1;
  let count = 0;
  for (let i = 0; i < words.length; i++) {
    if (isHit[i]) count++;
    if (i >= maxWords && isHit[i - maxWords]) count--;
    if (i >= maxWords - 1 && count > best) {
      best = count;
      bestStart = i - maxWords + 1;
    }
  }
  if (words.length < maxWords) bestStart = 0;
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
