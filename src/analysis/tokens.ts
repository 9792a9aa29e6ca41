// Text → words, the same way everywhere: Unicode-normalised (NFKC), lower-case,
// punctuation dropped, letters, combining marks and digits of every script kept.
// Scripts written without spaces between words (Chinese, Japanese kana) yield
// one token per character, so their texts shingle like any other.

/** NFKC and lower case; punctuation is left in place (search relies on this). */
export function normaliseText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

// A word starts with a letter or digit; marks (Devanagari vowel signs, Arabic
// harakat, …) stay inside it; one inner apostrophe run is kept: don't, o'neill.
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:'[\p{L}\p{M}\p{N}]+)*/gu;
const UNSPACED = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]/u;
const UNSPACED_SPLIT = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]|[^\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]+/gu;

/** The words of a text, normalised; typographic apostrophes count as ASCII ones. */
export function words(text: string): string[] {
  const found =
    normaliseText(text)
      .replace(/[\u2018\u2019\u02bc]/g, "'")
      .match(WORD) ?? [];
  if (!found.some((w) => UNSPACED.test(w))) return found;
  const out: string[] = [];
  for (const w of found) {
    if (UNSPACED.test(w)) out.push(...(w.match(UNSPACED_SPLIT) ?? []));
    else out.push(w);
  }
  return out;
}
