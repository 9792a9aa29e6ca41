// Reading the tree: children by namespace and name, text content, inline
// markup serialised back, and xml:base resolution. Depth is capped by the
// reader (xml-tree.ts), so the short recursions here are bounded.
import { clean, escapeAttr, escapeHtml } from './text.ts';
import type { XNode, XText } from './xml-tree.ts';

export function isNode(n: XNode | XText): n is XNode {
  return (n as XNode).name !== undefined;
}

export function kids(el: XNode | null | undefined, ns?: string | readonly string[], name?: string): XNode[] {
  const out: XNode[] = [];
  if (!el) return out;
  for (const c of el.children) {
    if (!isNode(c) || (name !== undefined && c.name !== name)) continue;
    if (ns === undefined || (typeof ns === 'string' ? c.ns === ns : ns.includes(c.ns))) out.push(c);
  }
  return out;
}

export function kid(el: XNode | null | undefined, ns: string | readonly string[], name: string): XNode | undefined {
  if (!el) return undefined;
  for (const c of el.children) {
    if (isNode(c) && c.name === name && (typeof ns === 'string' ? c.ns === ns : ns.includes(c.ns))) return c;
  }
  return undefined;
}

/** Text content (entities decoded, CDATA as is), not trimmed. */
export function textOf(el: XNode | null | undefined): string {
  if (!el) return '';
  const first = el.children[0];
  if (el.children.length === 1 && first && !isNode(first)) return first.text;
  let out = '';
  const todo: (XNode | XText)[] = [...el.children].reverse();
  while (todo.length) {
    const c = todo.pop()!;
    if (isNode(c)) for (let k = c.children.length - 1; k >= 0; k--) todo.push(c.children[k]!);
    else out += c.text;
  }
  return out;
}

/** Text content with whitespace collapsed; undefined when empty. */
export function trimmed(el: XNode | null | undefined): string | undefined {
  return el ? clean(textOf(el)) : undefined;
}

const VOID = /^(br|hr|img|input|meta|link|area|base|col|embed|source|track|wbr)$/;

/** Serialises children back to markup (inline XHTML content, or HTML written unescaped). */
export function innerXml(el: XNode): string {
  let out = '';
  for (const c of el.children) {
    if (!isNode(c)) {
      out += escapeHtml(c.text);
      continue;
    }
    const name = c.ns === 'xhtml' || c.ns === '' || c.ns === 'atom' ? c.name : c.qname;
    let attrs = '';
    for (const k in c.attrs)
      if (k !== 'xmlns' && !k.startsWith('xmlns:')) attrs += ` ${k}="${escapeAttr(c.attrs[k]!)}"`;
    out += c.children.length
      ? `<${name}${attrs}>${innerXml(c)}</${name}>`
      : VOID.test(name)
        ? `<${name}${attrs} />`
        : `<${name}${attrs}></${name}>`;
  }
  return out;
}

/**
 * The xml:base in effect at this element, resolved against the document URL: always an absolute URL or
 * undefined. A relative xml:base with nothing absolute above it ("/r/news/" in a feed read from a file)
 * is skipped, not returned as a base: a relative base would make every link resolved against it fail,
 * absolute ones included.
 */
export function baseOf(el: XNode | null, docUrl?: string): string | undefined {
  let chain: string[] | undefined;
  for (let n: XNode | null = el; n; n = n.parent) {
    const b = n.attrs['xml:base'];
    if (b !== undefined) (chain ??= []).push(b);
  }
  let base = absoluteUrl(docUrl, undefined) === undefined ? undefined : docUrl;
  if (!chain) return base;
  for (let k = chain.length - 1; k >= 0; k--) base = absoluteUrl(chain[k], base) ?? base;
  return base;
}

/** `href` as an absolute URL (resolved against `base` when relative), or undefined when it cannot be one. */
export function absoluteUrl(href: string | undefined, base: string | undefined): string | undefined {
  const h = href?.trim();
  if (!h) return undefined;
  try {
    return new URL(h, base).href;
  } catch {
    return undefined;
  }
}

export function resolveUrl(href: string | undefined, base: string | undefined): string | undefined {
  const h = href?.trim();
  if (!h) return undefined;
  // Already absolute: kept as written (resolved, not canonicalised; that is the normaliser's job).
  if (/^[a-z][a-z0-9+.-]*:/i.test(h)) return h;
  try {
    return new URL(h, base).href;
  } catch {
    return h;
  }
}
