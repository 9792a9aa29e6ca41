// A tolerant XML reader in one pass: builds a tree with namespaces resolved to
// short keys and, on the way, notes every way the document was not well-formed
// (feedparser's "bozo"), recovering as a reader would: stray & and < kept as
// text, HTML entities decoded, unclosed tags closed, junk after the root ignored.
// Safety: no recursion (an explicit stack), nesting capped, attributes capped,
// DTD entities never expanded beyond one literal level within a budget, and
// nothing external is ever read (no XXE).
import { clip, FIELD_CAPS } from './limits.ts';
import { decodeEntities, type EntityContext } from './text.ts';
import { CONVENTIONAL, NAMESPACES } from './xml-namespaces.ts';
import { readDoctype } from './xml-doctype.ts';

export interface XNode {
  /** Namespace key: 'atom', 'dc', 'content', 'media', … ('' for none), or the URI when unknown. */
  ns: string;
  /** Local name, lower-cased. */
  name: string;
  /** Name as written (prefix:local). */
  qname: string;
  /** Attributes, names lower-cased (xml:base, xml:lang keep their prefix). */
  attrs: Record<string, string>;
  children: (XNode | XText)[];
  parent: XNode | null;
}

export interface XText {
  text: string;
  /** Whether the node began as a CDATA section (adjacent text is merged into one node). */
  cdata: boolean;
}

export interface XmlDocument {
  root: XNode | null;
  /** Reasons it was not well-formed, first one first (at most a few). */
  problems: string[];
}

export interface XmlLimits {
  maxDepth?: number;
  maxNodes?: number;
  maxAttributes?: number;
}

interface Scope {
  prefixes: Map<string, string>;
  parent: Scope | null;
}

/** Shared by every element without attributes (never mutated). */
const NO_ATTRS: Record<string, string> = Object.freeze({}) as Record<string, string>;

const nsKey = (uri: string) => NAMESPACES[uri.toLowerCase()] ?? uri;

/** A name as quoted in a reason: a document may make its names as long as it likes. */
const shown = (name: string) => (name.length <= 60 ? name : `${name.slice(0, 59)}…`);

function lookup(scope: Scope | null, prefix: string): string | undefined {
  for (let s = scope; s; s = s.parent) {
    const v = s.prefixes.get(prefix);
    if (v !== undefined) return v;
  }
  return undefined;
}

const isSpace = (c: number) => c === 32 || c === 10 || c === 9 || c === 13;
/** Letters, _, : and anything beyond ASCII may start a name. */
const isNameStart = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 58 || c >= 128;

// No part of a declaration runs past a '<' (the start of the next one): with `"([^"]*)"` or
// `[^>]*\s*>`, a subset of unterminated declarations cost quadratic time, each one scanning
// the rest of the subset. A value containing '<' was never expanded anyway (see readDoctype).

export function parseXml(text: string, limits: XmlLimits = {}): XmlDocument {
  const maxDepth = limits.maxDepth ?? 256;
  const maxNodes = limits.maxNodes ?? 2_000_000;
  const maxAttributes = limits.maxAttributes ?? 256;
  const problems: string[] = [];
  const problem = (raw: string) => {
    if (problems.length >= 5) return;
    const reason = clip(raw, FIELD_CAPS.reason);
    if (!problems.includes(reason)) problems.push(reason);
  };
  const entities: EntityContext = { declared: new Map(), budget: 1 << 20, problem };
  const decode = (s: string) => (s.indexOf('&') < 0 ? s : decodeEntities(s, entities));

  const top: XNode = { ns: '', name: '#document', qname: '#document', attrs: {}, children: [], parent: null };
  const stack: XNode[] = [top]; // open elements; stack[depth] is the current one
  let current = top;
  let depth = 0;
  const scopes: (Scope | null)[] = [null];
  let nodes = 0;
  let skipped = 0; // open elements beyond the limits, ignored with their content
  let root: XNode | null = null;
  let rootClosed = false;
  const names = new Map<string, [string, string]>(); // qname → [prefix, lower-cased local name]

  if (/[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/.test(text)) problem('control characters that XML does not allow');

  const addText = (s: string, cdata: boolean) => {
    if (skipped > 0) return;
    if (current === top) {
      if (/\S/.test(s)) problem(rootClosed ? 'junk after the document element' : 'text before the document element');
      return;
    }
    const t = cdata ? s : decode(s);
    // Adjacent pieces of text (around a stray "<", a CDATA section) become one node: a million
    // stray "<" must not become a million objects.
    const last = current.children[current.children.length - 1];
    if (last && (last as XNode).name === undefined) (last as XText).text += t;
    else current.children.push({ text: t, cdata });
  };

  const n = text.length;
  let i = 0;
  while (i < n) {
    const lt = text.indexOf('<', i);
    const end = lt < 0 ? n : lt;
    if (end > i) addText(text.slice(i, end), false);
    if (lt < 0) break;
    i = lt;
    const c = text.charCodeAt(i + 1);

    if (c === 47 /* / */) {
      const gt = text.indexOf('>', i + 2);
      if (gt < 0) {
        problem('unterminated end tag');
        break;
      }
      const qname = text.slice(i + 2, gt).trim();
      i = gt + 1;
      if (skipped > 0) {
        skipped--;
        continue;
      }
      let k = depth;
      while (k > 0 && stack[k]!.qname !== qname) k--;
      if (k === 0) {
        problem(`end tag </${shown(qname)}> matches no open element`);
        continue;
      }
      if (k !== depth) problem(`<${shown(current.qname)}> not closed before </${shown(qname)}>`);
      stack.length = k;
      scopes.length = k;
      depth = k - 1;
      current = stack[depth]!;
      if (depth === 0) rootClosed = true;
      continue;
    }

    if (c === 33 /* ! */) {
      if (text.startsWith('<!--', i)) {
        const close = text.indexOf('-->', i + 4);
        if (close < 0) {
          problem('unterminated comment');
          break;
        }
        const dash = text.indexOf('--', i + 4);
        if (dash < close || text.charCodeAt(close - 1) === 45) problem('"--" inside a comment');
        i = close + 3;
      } else if (text.startsWith('<![CDATA[', i)) {
        const close = text.indexOf(']]>', i + 9);
        if (close < 0) problem('unterminated CDATA section');
        const body = text.slice(i + 9, close < 0 ? n : close);
        if (current === top) problem('CDATA outside the document element');
        else addText(body, true);
        i = close < 0 ? n : close + 3;
      } else if (text.startsWith('<!DOCTYPE', i) || text.startsWith('<!doctype', i)) {
        if (root) problem('DOCTYPE after the document element started');
        i = readDoctype(text, i, entities, problem);
      } else {
        problem('markup declaration outside a DTD');
        const gt = text.indexOf('>', i);
        i = gt < 0 ? n : gt + 1;
      }
      continue;
    }

    if (c === 63 /* ? */) {
      const close = text.indexOf('?>', i + 2);
      if (close < 0) {
        problem('unterminated processing instruction');
        break;
      }
      if (/^xml\s/i.test(text.slice(i + 2, i + 6)) && root) problem('XML declaration not at the start of the document');
      i = close + 2;
      continue;
    }

    if (!isNameStart(c)) {
      problem('"<" that does not start a tag');
      addText('<', true); // literal, not to be entity-decoded
      i++;
      continue;
    }

    // Start tag: name, attributes, > or />.
    let j = i + 1;
    while (j < n) {
      const ch = text.charCodeAt(j);
      if (isSpace(ch) || ch === 62 || ch === 47 || ch === 60) break;
      j++;
    }
    const qname = text.slice(i + 1, j);
    let attrs: Record<string, string> | null = null;
    let count = 0;
    let declares: Map<string, string> | null = null;
    let selfClosing = false;
    let closed = false;
    while (j < n) {
      let ch = text.charCodeAt(j);
      if (isSpace(ch)) {
        j++;
        continue;
      }
      if (ch === 62) {
        j++;
        closed = true;
        break;
      }
      if (ch === 47 && text.charCodeAt(j + 1) === 62) {
        j += 2;
        selfClosing = closed = true;
        break;
      }
      if (ch === 60) break;
      // Attribute name.
      const ns = j;
      while (j < n) {
        ch = text.charCodeAt(j);
        if (isSpace(ch) || ch === 61 || ch === 62 || ch === 60 || (ch === 47 && text.charCodeAt(j + 1) === 62)) break;
        j++;
      }
      if (j === ns) {
        problem(`stray "${text[j]}" in <${shown(qname)}>`);
        j++;
        continue;
      }
      const attrName = text.slice(ns, j);
      while (j < n && isSpace(text.charCodeAt(j))) j++;
      let value = '';
      if (text.charCodeAt(j) === 61 /* = */) {
        j++;
        while (j < n && isSpace(text.charCodeAt(j))) j++;
        const q = text.charCodeAt(j);
        if (q === 34 || q === 39) {
          let close = text.indexOf(q === 34 ? '"' : "'", j + 1);
          if (close < 0) {
            problem(`unterminated attribute value in <${shown(qname)}>`);
            close = n;
          }
          value = text.slice(j + 1, close);
          if (value.indexOf('<') >= 0) problem(`"<" in an attribute value of <${shown(qname)}>`);
          j = close + 1;
          const next = text.charCodeAt(j);
          if (j < n && !isSpace(next) && next !== 62 && next !== 47)
            problem(`no space between attributes of <${shown(qname)}>`);
        } else {
          problem(`unquoted attribute value in <${shown(qname)}>`);
          const vs = j;
          while (j < n) {
            ch = text.charCodeAt(j);
            if (isSpace(ch) || ch === 62 || ch === 60) break;
            j++;
          }
          value = text.slice(vs, j);
        }
      } else {
        problem(`attribute ${shown(attrName)} without a value in <${shown(qname)}>`);
      }
      if (++count > maxAttributes) {
        if (count === maxAttributes + 1)
          problem(`more than ${maxAttributes} attributes on <${shown(qname)}>; the rest were ignored`);
        continue;
      }
      value = decode(value);
      const key = attrName.toLowerCase();
      attrs ??= {};
      if (key in attrs) problem(`duplicate attribute ${shown(attrName)} on <${shown(qname)}>`);
      else if (key !== '__proto__') attrs[key] = value;
      if (key === 'xmlns' || key.startsWith('xmlns:'))
        (declares ??= new Map()).set(key === 'xmlns' ? '' : attrName.slice(6), nsKey(value.trim()));
    }
    if (!closed) problem(`unterminated start tag <${shown(qname)}>`);
    i = j;

    if (skipped > 0 || depth >= maxDepth || nodes >= maxNodes) {
      if (skipped === 0)
        problem(
          depth >= maxDepth
            ? `nesting deeper than ${maxDepth} levels; the rest of that element was ignored`
            : 'too many elements; the rest was ignored',
        );
      if (!selfClosing) skipped++;
      continue;
    }
    nodes++;
    let parts = names.get(qname);
    if (!parts) {
      const colon = qname.indexOf(':');
      parts = colon > 0 ? [qname.slice(0, colon), qname.slice(colon + 1).toLowerCase()] : ['', qname.toLowerCase()];
      names.set(qname, parts);
    }
    const scope: Scope | null = declares ? { prefixes: declares, parent: scopes[depth]! } : scopes[depth]!;
    const prefix = parts[0];
    let ns = lookup(scope, prefix);
    if (ns === undefined) {
      if (prefix === 'xml')
        ns = 'xml'; // bound by definition
      else if (prefix) {
        problem(`undeclared namespace prefix ${shown(prefix)}:`);
        ns = CONVENTIONAL[prefix.toLowerCase()] ?? prefix;
      } else ns = '';
    }
    const node: XNode = {
      ns,
      name: parts[1],
      qname,
      attrs: attrs ?? NO_ATTRS,
      children: [],
      parent: current === top ? null : current,
    };
    if (current === top) {
      if (!root) root = node;
      else problem('junk after the document element');
      if (selfClosing) rootClosed = true;
    } else current.children.push(node);
    if (!selfClosing) {
      // Elements after the root are read (so that nesting stays balanced) but never attached.
      current = node;
      depth++;
      stack[depth] = node;
      scopes[depth] = scope;
    }
  }
  if (depth > 0 && !rootClosed) problem(`<${shown(current.qname)}> not closed at the end of the document`);
  else if (depth > 0) problem('unclosed element after the document element');
  if (!root && problems.length === 0) problem('no document element');
  return { root, problems };
}
