/** URL-safe slug: "Zoë O'Neil-Brown" → "zoe-oneil-brown". */
export function slugify(text: string, maxLength = 80): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '') // runs of separators are one '-' by now
    .slice(0, maxLength)
    .replace(/-$/, '');
  return slug || 'untitled';
}
