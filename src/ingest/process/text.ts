// HTML → plain text, word counts, reading time, standfirsts. Every plain text
// made here is free of the characters XML cannot carry (see stripControls).
import { parseDocument } from 'htmlparser2';
import { isTag, type AnyNode } from 'domhandler';
import { ARTICLE_CAPS, clip } from '../parse/limits.ts';
import { limitMarkup } from './html-limits.ts';

const BLOCK = new Set([
  'p',
  'div',
  'br',
  'li',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'figure',
  'figcaption',
  'tr',
  'pre',
  'hr',
  'section',
  'article',
  'ul',
  'ol',
  'table',
]);
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'svg', 'math']);

/**
 * Plain text of an HTML fragment: paragraphs separated by blank lines, whitespace folded.
 * `captions: false` leaves out <figcaption>s — the article's prose only, as used for
 * bodyText, word counts and the extraction benchmark (whose ground truth has no captions).
 */
export function htmlToText(html: string, opts: { captions?: boolean } = {}): string {
  if (!html) return '';
  if (!/[<&]/.test(html))
    return stripControls(html)
      .replace(/[ \t\r\f\v]+/g, ' ')
      .trim();
  // Unwrapped past MAX_HTML_DEPTH / MAX_HTML_ELEMENTS first: htmlparser2's cost grows with the square of the depth.
  const doc = parseDocument(limitMarkup(html).html, { decodeEntities: true });
  const parts: string[] = [];
  // Iterative walk: deep markup must not overflow the stack.
  const stack: { node: AnyNode; exit?: boolean }[] = doc.children.map((node) => ({ node })).reverse();
  while (stack.length) {
    const { node, exit } = stack.pop()!;
    if (exit) {
      parts.push('\n\n');
      continue;
    }
    if (node.type === 'text') parts.push((node as unknown as { data: string }).data);
    else if (isTag(node)) {
      if (SKIP.has(node.name) || (opts.captions === false && node.name === 'figcaption')) continue;
      const block = BLOCK.has(node.name);
      if (block) {
        parts.push('\n\n');
        stack.push({ node, exit: true });
      }
      for (let i = node.children.length - 1; i >= 0; i--) stack.push({ node: node.children[i]! });
    }
  }
  // Controls are stripped after decoding: "&#1;" is one too. Runs of spaces are folded
  // first, so " ?\n ?" does what " *\n *" did without rescanning a run from each of its spaces.
  return stripControls(parts.join(''))
    .replace(/[ \t\r\f\v\u00a0]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * Removes what XML 1.0 cannot carry and so would make our RSS output ill-formed:
 * C0 controls other than tab, line feed and carriage return, U+FFFE, U+FFFF and
 * lone surrogates (\p{Cs} with the u flag matches a surrogate only when it is unpaired).
 */
export function stripControls(s: string): string {
  return s.replace(/[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF\p{Cs}]/gu, '');
}

export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}

/** Minutes at 230 words a minute, rounded up, at least one. */
export function readingMinutes(words: number): number {
  return Math.max(1, Math.ceil(words / 230));
}

/** How much of a text a standfirst is looked for in: its opening, not the megabytes after it. */
const STANDFIRST_READ = 16 * ARTICLE_CAPS.standfirst;

/** A standfirst of at most `maxWords` (and ARTICLE_CAPS.standfirst characters), cut at a sentence boundary where possible. */
export function standfirstOf(text: string, maxWords = 60): string {
  const head = text.length > STANDFIRST_READ ? text.slice(0, STANDFIRST_READ) : text;
  const clean = stripControls(head).replace(/\s+/g, ' ').trim();
  const words = clean.split(' ');
  if (words.length <= maxWords && head === text) return clip(clean, ARTICLE_CAPS.standfirst);
  const cut = words.slice(0, maxWords).join(' ');
  const sentence = /^[\s\S]*[.!?]["'”’)]?(?=\s|$)/.exec(cut)?.[0];
  return clip(
    sentence && countWords(sentence) >= maxWords / 3 ? sentence : `${cut.replace(/[,;:]$/, '')}…`,
    ARTICLE_CAPS.standfirst,
  );
}

/** Plain text for one-line fields (titles, captions, names): tags gone, entities decoded, whitespace folded, controls stripped. */
export function plainLine(s: string | undefined): string {
  if (!s) return '';
  return htmlToText(s).replace(/\s+/g, ' ').trim();
}
