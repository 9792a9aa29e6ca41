// A tolerant XML tree with namespaces resolved. htmlparser2 in XML mode reads
// what a browser-like reader would (unclosed tags, stray ampersands); a strict
// pass with saxes decides whether the document was well-formed ("bozo").
// Entities are never expanded from a DTD: no billion laughs, no external files.
import { decodeHTML } from 'entities';
import { Parser } from 'htmlparser2';
import { SaxesParser } from 'saxes';

export interface XNode {
  /** Namespace key: 'atom', 'dc', 'content', 'media', … ('' for none), or the raw prefix when unknown. */
  ns: string;
  /** Local name, lower-cased. */
  name: string;
  /** Name as written (prefix:local). */
  qname: string;
  attrs: Record<string, string>;
  children: (XNode | XText)[];
  parent: XNode | null;
}

export interface XText {
  text: string;
  cdata: boolean;
}

const NAMESPACES: Record<string, string> = {
  'http://www.w3.org/2005/atom': 'atom',
  'http://purl.org/atom/ns#': 'atom03',
  'http://purl.org/rss/1.0/': 'rss1',
  'http://my.netscape.com/rdf/simple/0.9/': 'rss090',
  'http://www.w3.org/1999/02/22-rdf-syntax-ns#': 'rdf',
  'http://purl.org/rss/1.0/modules/content/': 'content',
  'http://purl.org/dc/elements/1.1/': 'dc',
  'http://purl.org/dc/terms/': 'dcterms',
  'http://search.yahoo.com/mrss/': 'media',
  'http://search.yahoo.com/mrss': 'media',
  'http://www.itunes.com/dtds/podcast-1.0.dtd': 'itunes',
  'http://www.w3.org/1999/xhtml': 'xhtml',
  'http://backend.userland.com/rss2': '',
  'http://blogs.law.harvard.edu/tech/rss': '',
  'http://purl.org/rss/1.0/modules/syndication/': 'sy',
  'http://wellformedweb.org/commentapi/': 'wfw',
  'http://www.w3.org/xml/1998/namespace': 'xml',
  'http://purl.org/syndication/thread/1.0': 'thr',
  'http://rssnamespace.org/feedburner/ext/1.0': 'feedburner',
  'http://www.georss.org/georss': 'georss',
  'http://purl.org/rss/1.0/modules/image/': 'image',
};

/** Prefixes commonly used without a declaration, mapped as if declared. */
const CONVENTIONAL: Record<string, string> = { dc: 'dc', content: 'content', media: 'media', itunes: 'itunes', atom: 'atom', rdf: 'rdf', dcterms: 'dcterms', xml: 'xml', xhtml: 'xhtml' };

export interface XmlDocument {
  root: XNode | null;
  /** Reasons it was not well-formed, if any. */
  problems: string[];
}

/** Well-formedness check (strict): the first error, or null. Cheap relative to a fetch; bounded by input size. */
export function wellFormedProblem(input: string): string | null {
  // Readers accept whitespace or comments before the XML declaration; only judge what follows.
  const decl = input.indexOf('<?xml');
  const text = decl > 0 && /^(\s|<!--[\s\S]*?-->)*$/.test(input.slice(0, decl)) ? input.slice(decl) : input.trimStart();
  const sax = new SaxesParser({ xmlns: false, position: true });
  let problem: string | null = null;
  sax.on('error', (e) => {
    problem ??= e.message;
  });
  try {
    sax.write(text).close();
  } catch (e) {
    problem ??= (e as Error).message;
  }
  return problem;
}

export function parseXml(text: string, opts: { maxDepth?: number; maxNodes?: number } = {}): XmlDocument {
  const maxDepth = opts.maxDepth ?? 256;
  const maxNodes = opts.maxNodes ?? 2_000_000;
  const problems: string[] = [];
  const top: XNode = { ns: '', name: '#document', qname: '#document', attrs: {}, children: [], parent: null };
  let current = top;
  let depth = 0;
  let nodes = 0;
  let skipped = 0; // open elements beyond maxDepth, ignored with their content
  const scopes: Map<string, string>[] = [new Map()];
  // CDATA text arrives through ontext between oncdatastart/oncdataend: it is kept as is, not entity-decoded.
  let inCdata = false;

  const parser = new Parser(
    {
      onopentag(qname, rawAttrs) {
        if (skipped > 0 || depth >= maxDepth || nodes >= maxNodes) {
          if (skipped === 0) problems.push(depth >= maxDepth ? `nesting deeper than ${maxDepth} levels; the rest of that element was ignored` : 'too many elements; the rest was ignored');
          skipped++;
          return;
        }
        nodes++;
        const attrs: Record<string, string> = {};
        const scope = new Map(scopes.at(-1));
        for (const [k, v] of Object.entries(rawAttrs)) {
          const value = decodeHTML(v);
          attrs[k.toLowerCase()] = value;
          if (k === 'xmlns') scope.set('', value);
          else if (k.startsWith('xmlns:')) scope.set(k.slice(6).toLowerCase(), value);
        }
        scopes.push(scope);
        const colon = qname.indexOf(':');
        const prefix = colon >= 0 ? qname.slice(0, colon).toLowerCase() : '';
        const uri = scope.get(prefix);
        const ns = uri !== undefined ? (NAMESPACES[uri.toLowerCase()] ?? uri) : (CONVENTIONAL[prefix] ?? prefix);
        const node: XNode = { ns, name: (colon >= 0 ? qname.slice(colon + 1) : qname).toLowerCase(), qname, attrs, children: [], parent: current };
        current.children.push(node);
        current = node;
        depth++;
      },
      onclosetag() {
        if (skipped > 0) {
          skipped--;
          return;
        }
        if (current.parent) {
          current = current.parent;
          scopes.pop();
          depth--;
        }
      },
      ontext(data) {
        if (skipped > 0) return;
        current.children.push(inCdata ? { text: data, cdata: true } : { text: decodeHTML(data), cdata: false });
      },
      oncdatastart() {
        inCdata = true;
      },
      oncdataend() {
        inCdata = false;
      },
    },
    { xmlMode: true, decodeEntities: false, recognizeCDATA: true, lowerCaseTags: false, lowerCaseAttributeNames: false },
  );
  parser.write(text);
  parser.end();
  const root = top.children.find((c): c is XNode => 'name' in c) ?? null;
  if (root) root.parent = null;
  return { root, problems };
}

export function isNode(n: XNode | XText): n is XNode {
  return 'name' in n;
}

export function kids(el: XNode | null | undefined, ns?: string | string[], name?: string): XNode[] {
  if (!el) return [];
  const nss = ns === undefined ? undefined : Array.isArray(ns) ? ns : [ns];
  return el.children.filter((c): c is XNode => isNode(c) && (nss === undefined || nss.includes(c.ns)) && (name === undefined || c.name === name));
}

export function kid(el: XNode | null | undefined, ns: string | string[], name: string): XNode | undefined {
  return kids(el, ns, name)[0];
}

/** Text content (entities decoded, CDATA as is), not trimmed. */
export function textOf(el: XNode | null | undefined): string {
  if (!el) return '';
  let out = '';
  const walk = (n: XNode) => {
    for (const c of n.children) out += isNode(c) ? (walk(c), '') : c.text;
  };
  walk(el);
  return out;
}

export function trimmed(el: XNode | null | undefined): string | undefined {
  const t = textOf(el).replace(/\s+/g, ' ').trim();
  return t || undefined;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escAttr = (s: string) => esc(s).replace(/"/g, '&quot;');

/** Serialises children back to markup (for inline XHTML content). */
export function innerXml(el: XNode): string {
  let out = '';
  for (const c of el.children) {
    if (!isNode(c)) out += esc(c.text);
    else {
      const name = c.ns === 'xhtml' || c.ns === '' || c.ns === 'atom' ? c.name : c.qname;
      const attrs = Object.entries(c.attrs)
        .filter(([k]) => k !== 'xmlns' && !k.startsWith('xmlns:'))
        .map(([k, v]) => ` ${k}="${escAttr(v)}"`)
        .join('');
      out += c.children.length ? `<${name}${attrs}>${innerXml(c)}</${name}>` : `<${name}${attrs}${/^(br|hr|img|input|meta|link)$/.test(name) ? ' /' : `></${name}`}>`;
    }
  }
  return out;
}

/** The xml:base in effect at this element, resolved against the document URL. */
export function baseOf(el: XNode | null, docUrl?: string): string | undefined {
  const chain: string[] = [];
  for (let n: XNode | null = el; n; n = n.parent) if (n.attrs['xml:base']) chain.unshift(n.attrs['xml:base']);
  let base = docUrl;
  for (const b of chain) {
    try {
      base = new URL(b, base).href;
    } catch {
      if (!base) base = b;
    }
  }
  return base;
}

export function resolveUrl(href: string | undefined, base: string | undefined): string | undefined {
  const h = href?.trim();
  if (!h) return undefined;
  try {
    return new URL(h, base).href;
  } catch {
    return h;
  }
}
