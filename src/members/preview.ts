// The preview a visitor may read: whole leading paragraphs of the (already
// sanitised) body until about `maxWords` words, never cutting mid-paragraph
// unless the first paragraph alone is too long. The rest of the text never
// leaves the server for someone who may not read it.
import { parseDocument } from 'htmlparser2';
import render from 'dom-serializer';
import { textContent } from 'domutils';
import type { AnyNode } from 'domhandler';

const BLOCKS = new Set(['p', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'ul', 'ol', 'figure', 'pre', 'table', 'dl']);

function words(text: string): string[] {
  return text.split(/\s+/).filter(Boolean);
}

export interface Preview {
  html: string;
  text: string;
  words: number;
  /** True when the body had more than the preview shows. */
  truncated: boolean;
}

export function previewOf(bodyHtml: string, maxWords = 100): Preview {
  const doc = parseDocument(bodyHtml);
  // Extracted bodies come wrapped (<div><div>…</div></div>): look inside single wrappers.
  let nodes: AnyNode[] = doc.children;
  for (;;) {
    const significant = nodes.filter((n) => n.type === 'tag' || textContent(n).trim());
    const only = significant[0];
    if (significant.length === 1 && only && only.type === 'tag' && ['div', 'section', 'article', 'main'].includes((only as unknown as { name: string }).name)) {
      nodes = (only as unknown as { children: AnyNode[] }).children;
    } else break;
  }
  const kept: AnyNode[] = [];
  let count = 0;
  let truncated = false;
  for (const node of nodes) {
    const isBlock = node.type === 'tag' && BLOCKS.has(node.name);
    const text = textContent(node).trim();
    if (!isBlock && !text) continue;
    // Figures (images) carry no words of the story but are part of the shape of the page; keep only the first.
    if (isBlock && node.type === 'tag' && node.name === 'figure') {
      if (kept.length === 0) kept.push(node);
      continue;
    }
    const n = words(text).length;
    if (count > 0 && count + n > maxWords) {
      truncated = true;
      break;
    }
    if (count === 0 && n > maxWords * 1.5) {
      // One very long opening paragraph: cut it at a sentence (or word) boundary, as text.
      const cut = words(text).slice(0, maxWords).join(' ');
      const sentence = cut.match(/^[\s\S]*[.!?]["'”’)]?(?=\s|$)/)?.[0] ?? cut;
      return { html: `<p>${escapeHtml(sentence)}</p>`, text: sentence, words: words(sentence).length, truncated: true };
    }
    kept.push(node);
    count += n;
  }
  if (!truncated) truncated = kept.length < nodes.filter((c) => c.type === 'tag' || textContent(c).trim()).length;
  const html = render(kept, { decodeEntities: false });
  return { html, text: kept.map((k) => textContent(k).trim()).filter(Boolean).join('\n\n'), words: count, truncated };
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
