// The one slug rule, for every address we make from a name or a headline:
// publishers, authors, people and places, article paths.
//   "Zoë O'Neil-Brown" → "zoe-oneil-brown", "Marks & Spencer" → "marks-and-spencer"
// Accents and other combining marks go, apostrophes go (O'Neil is one word),
// "&" is "and", every other run of non-letters and non-digits is one "-".

/** The slug of a text, or "" when it has no letters or digits. */
export function slugText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, ''); // runs of separators are one '-' by now
}

/** A slug of at most `maxLength` characters, never empty ("untitled" when the text gives none). */
export function slugify(text: string, maxLength = 80, fallback = 'untitled'): string {
  return slugText(text).slice(0, maxLength).replace(/-$/, '') || fallback;
}
