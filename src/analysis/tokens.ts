// Text → words, the same way everywhere: Unicode-normalised, lower-case,
// punctuation dropped, letters and digits of every script kept.

export function normaliseText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

export function words(text: string): string[] {
  return normaliseText(text).match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu) ?? [];
}
