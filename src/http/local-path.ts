// Where a form or link may send the reader back to: a path on this site and
// nothing else. Browsers forgive a great deal in a Location header (they drop
// tabs and newlines, read backslashes as slashes, so "/\t/evil.example" goes to
// another site), so anything with a control character or a backslash is
// refused outright, and what is kept is the URL parser's own ASCII,
// percent-encoded form of it (which also keeps the header valid).
const BASE = 'http://masthead.invalid';

/** The same-site path `next` names, normalised; undefined when it is anything else. */
export function localPath(next: unknown): string | undefined {
  if (typeof next !== 'string' || next.length === 0 || next.length > 2000) return undefined;
  if (!next.startsWith('/') || next.startsWith('//') || /[\u0000-\u0020\u007f-\u009f\\]/.test(next)) return undefined;
  let url: URL;
  try {
    url = new URL(next, BASE);
  } catch {
    return undefined;
  }
  if (url.origin !== BASE) return undefined;
  const path = url.pathname + url.search + url.hash;
  return path.startsWith('//') ? undefined : path;
}

/** A same-site path, or the fallback. */
export const localPathOr = (next: unknown, fallback: string): string => localPath(next) ?? fallback;
