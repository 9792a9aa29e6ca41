// HTML → plain text, word counts, reading time, standfirsts.
import { parseDocument } from 'htmlparser2';
import { isTag, type AnyNode } from 'domhandler';

const BLOCK = new Set(['p', 'div', 'br', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'figure', 'figcaption', 'tr', 'pre', 'hr', 'section', 'article', 'ul', 'ol', 'table']);
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'svg', 'math']);

/**
 * Plain text of an HTML fragment: paragraphs separated by blank lines, whitespace folded.
 * `captions: false` leaves out <figcaption>s — the article's prose only, as used for
 * bodyText, word counts and the extraction benchmark (whose ground truth has no captions).
 */
export function htmlToText(html: string, opts: { captions?: boolean } = {}): string {
  if (!html) return '';
  if (!/[<&]/.test(html)) return html.replace(/[ \t\r\f\v]+/g, ' ').trim();
  const doc = parseDocument(html, { decodeEntities: true });
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
  return parts
    .join('')
    .replace(/[ \t\r\f\v\u00a0]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}

/** Minutes at 230 words a minute, rounded up, at least one. */
export function readingMinutes(words: number): number {
  return Math.max(1, Math.ceil(words / 230));
}

/** A standfirst of at most `maxWords`, cut at a sentence boundary where possible. */
export function standfirstOf(text: string, maxWords = 60): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  const words = clean.split(' ');
  if (words.length <= maxWords) return clean;
  const cut = words.slice(0, maxWords).join(' ');
  const sentence = /^[\s\S]*[.!?]["'”’)]?(?=\s|$)/.exec(cut)?.[0];
  return sentence && countWords(sentence) >= maxWords / 3 ? sentence : `${cut.replace(/[,;:]$/, '')}…`;
}

/** Plain text for one-line fields (titles, captions, names): tags gone, entities decoded, whitespace folded. */
export function plainLine(s: string | undefined): string {
  if (!s) return '';
  return htmlToText(s).replace(/\s+/g, ' ').trim();
}
