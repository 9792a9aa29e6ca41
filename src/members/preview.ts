// The preview a visitor may read: whole leading paragraphs of the (already
// sanitised) body, never more than `maxWords` words nor more than half of the
// article's words, whatever its length. The rest of the text never leaves the
// server for someone who may not read it.
//
// The preview is cut from the sanitiser's own output, never serialised again:
// the parse here only finds where each leading block starts and ends, and the
// preview is those exact byte ranges. Re-serialising a parsed tree is where
// text turns back into markup (an encoded "&lt;img onerror…&gt;" written out
// unencoded), so it is not done at all. The one place text is written, an
// over-long opening paragraph cut at a sentence, is escaped.
import { parseDocument } from 'htmlparser2';
import { isTag, type AnyNode } from 'domhandler';
import { escapeHtml } from '../analysis/markup.ts';

const BLOCKS = new Set(['p', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'ul', 'ol', 'figure', 'pre', 'table', 'dl']);
const WRAPPERS = new Set(['div', 'section', 'article', 'main']);

function words(text: string): string[] {
  return text.split(/\s+/).filter(Boolean);
}

/** A node's text, as textContent gives it, without recursion (deep markup must not overflow the stack). */
export function textOf(node: AnyNode): string {
  const out: string[] = [];
  const stack: AnyNode[] = [node];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === 'text') out.push((n as unknown as { data: string }).data);
    else if (isTag(n) || n.type === 'root') {
      const children = (n as unknown as { children: AnyNode[] }).children;
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
    }
  }
  return out.join('');
}

export interface Preview {
  html: string;
  text: string;
  words: number;
  /** True when the body had more than the preview shows. */
  truncated: boolean;
}

/** The words a preview of a body with `total` words may show. */
export function previewLimit(total: number, maxWords = 100): number {
  return Math.min(maxWords, Math.floor(total / 2));
}

export function previewOf(bodyHtml: string, maxWords = 100): Preview {
  const doc = parseDocument(bodyHtml, { withStartIndices: true, withEndIndices: true });
  // Extracted bodies come wrapped (<div><div>…</div></div>): look inside single wrappers.
  let nodes: AnyNode[] = doc.children;
  let significant = nodes.filter((n) => isTag(n) || textOf(n).trim());
  for (;;) {
    const only = significant[0];
    if (significant.length !== 1 || !only || !isTag(only) || !WRAPPERS.has(only.name)) break;
    nodes = only.children;
    significant = nodes.filter((n) => isTag(n) || textOf(n).trim());
  }
  const texts = significant.map((n) => textOf(n).trim());
  const counts = texts.map((t) => words(t).length);
  const limit = previewLimit(
    counts.reduce((a, b) => a + b, 0),
    maxWords,
  );

  const slices: string[] = [];
  const shown: string[] = [];
  let count = 0;
  let prose = false; // a block of text (not a figure) is in the preview
  let truncated = false;
  for (const [i, node] of significant.entries()) {
    const n = counts[i]!;
    // Figures (pictures) are part of the page's shape: the first one stays if its caption fits; later ones go.
    if (isTag(node) && node.name === 'figure') {
      if (slices.length === 0 && n <= limit) {
        slices.push(bodyHtml.slice(node.startIndex!, node.endIndex! + 1));
        shown.push(texts[i]!);
        count += n;
      } else truncated = true;
      continue;
    }
    if (count + n > limit) {
      truncated = true;
      if (!prose && limit - count > 0) {
        // An opening paragraph longer than the whole preview: cut it, as text, at a sentence (or a word).
        const cut = words(texts[i]!)
          .slice(0, limit - count)
          .join(' ');
        const sentence = /^[\s\S]*[.!?]["'”’)]?(?=\s|$)/.exec(cut)?.[0] ?? cut;
        slices.push(`<p>${escapeHtml(sentence)}</p>`);
        shown.push(sentence);
        count += words(sentence).length;
      }
      break;
    }
    const isBlock = isTag(node) && BLOCKS.has(node.name);
    slices.push(bodyHtml.slice(node.startIndex!, node.endIndex! + 1));
    shown.push(texts[i]!);
    count += n;
    if (isBlock || n > 0) prose = true;
  }
  if (shown.length < significant.length) truncated = true;
  return { html: slices.join(''), text: shown.filter(Boolean).join('\n\n'), words: count, truncated };
}
