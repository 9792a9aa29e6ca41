// Atom 1.0 and its predecessor 0.3 (which differs in names: issued/modified,
// tagline, copyright, and content modes escaped/base64).
import { atomLinks, categoriesOf, mediaOf, personFromElement, resolveHtmlUrls } from './common.ts';
import { parseDate } from './dates.ts';
import { escapeHtml, htmlToText, langTag, looksLikeHtml } from './text.ts';
import type { ParsedFeed, ParsedItem, ParsedPerson } from './types.ts';
import { baseOf, innerXml, isNode, kid, kids, textOf, trimmed } from './xml-query.ts';
import type { XNode } from './xml-tree.ts';

type Ns = readonly string[];

/** Atom text constructs → { text, html }: type text | html | xhtml, and 0.3's mode escaped | base64 | xml. */
export function atomText(el: XNode | undefined, v03 = false): { text?: string; html?: string } {
  if (!el) return {};
  const type = (el.attrs.type?.trim() || 'text').toLowerCase(); // type="" is text, not a media type
  const mode = (el.attrs.mode ?? '').toLowerCase();
  let raw: string;
  // Atom 1.0: any media type that is not text or XML is base64 (RFC 4287 §4.1.3.3); 0.3 says so with mode="base64".
  const base64 =
    mode === 'base64' ||
    (!v03 && !['text', 'html', 'xhtml'].includes(type) && !type.startsWith('text/') && !type.includes('xml'));
  if (base64) {
    raw = Buffer.from(textOf(el).replace(/\s+/g, ''), 'base64').toString('utf8');
  } else if (
    type === 'xhtml' ||
    type.includes('xhtml') ||
    mode === 'xml' ||
    ((type.includes('xml') || type === 'text') && el.children.some(isNode))
  ) {
    // Atom 1.0 wraps xhtml in a <div> that is not part of the content; 0.3 had no such rule.
    const div = el.children.find((c): c is XNode => isNode(c) && c.name === 'div');
    raw = !v03 && div && el.children.filter(isNode).length === 1 ? innerXml(div) : innerXml(el);
    return { text: undefined, html: raw.trim() };
  } else {
    raw = textOf(el);
  }
  const isHtml =
    type === 'html' ||
    type === 'text/html' ||
    mode === 'escaped' ||
    type.includes('html') ||
    (base64 && looksLikeHtml(raw));
  if (isHtml) return { html: raw.trim() };
  return { text: raw.trim(), html: escapeHtml(raw.trim()) };
}

function people(el: XNode, NS: Ns, name: 'author' | 'contributor', docUrl?: string): ParsedPerson[] {
  return kids(el, NS, name)
    .map((a) => personFromElement(a, NS, docUrl))
    .filter((p): p is ParsedPerson => !!p);
}

function parseEntry(
  entry: XNode,
  NS: Ns,
  feedAuthors: ParsedPerson[],
  docUrl: string | undefined,
  v03: boolean,
): ParsedItem {
  const links = atomLinks(entry, docUrl);
  const alternate =
    links.find((l) => l.rel === 'alternate' && (!l.type || /html/i.test(l.type))) ??
    links.find((l) => l.rel === 'alternate');
  const titleEl = kid(entry, NS, 'title');
  const summaryEl = kid(entry, NS, 'summary');
  const contentEl = kid(entry, NS, 'content');
  const rightsEl = kid(entry, NS, 'rights') ?? kid(entry, NS, 'copyright');
  const title = atomText(titleEl, v03);
  const summary = atomText(summaryEl, v03);
  const content = contentEl && !contentEl.attrs.src ? atomText(contentEl, v03) : {};
  const rights = atomText(rightsEl, v03);
  const html = (t: { html?: string; text?: string }, el: XNode | undefined) =>
    t.html !== undefined ? resolveHtmlUrls(t.html, baseOf(el ?? entry, docUrl)) : undefined;
  const publishedRaw =
    trimmed(kid(entry, NS, 'published')) ??
    trimmed(kid(entry, NS, 'issued')) ??
    trimmed(kid(entry, NS, 'created')) ??
    trimmed(kid(entry, 'dc', 'date'));
  const updatedRaw = trimmed(kid(entry, NS, 'updated')) ?? trimmed(kid(entry, NS, 'modified'));
  const authors = people(entry, NS, 'author', docUrl);
  const source = kid(entry, NS, 'source');
  return {
    id: trimmed(kid(entry, NS, 'id')),
    title: title.text ?? (title.html !== undefined ? htmlToText(title.html) : undefined),
    titleHtml: title.text === undefined ? html(title, titleEl) : undefined,
    link: alternate?.href,
    links,
    summary: html(summary, summaryEl) ?? summary.text,
    content: html(content, contentEl) ?? content.text,
    published: parseDate(publishedRaw),
    publishedRaw,
    updated: parseDate(updatedRaw),
    updatedRaw,
    authors: authors.length ? authors : source ? people(source, NS, 'author', docUrl) : feedAuthors,
    categories: categoriesOf(entry),
    media: mediaOf(entry, docUrl),
    language: entry.attrs['xml:lang'],
    rights: rights.text ?? html(rights, rightsEl),
    baseUrl: baseOf(contentEl ?? entry, docUrl),
  };
}

export function parseAtom(root: XNode, docUrl: string | undefined): Omit<ParsedFeed, 'bozo' | 'bozoReasons'> {
  const v03 = root.ns === 'atom03' || root.attrs.version === '0.3';
  // A <feed> in an unknown namespace (a draft or a typo) is still read as Atom.
  const NS: Ns = ['atom', 'atom03', '', root.ns];
  const authors = people(root, NS, 'author', docUrl);
  const links = atomLinks(root, docUrl);
  const titleEl = kid(root, NS, 'title');
  const subtitleEl = kid(root, NS, 'subtitle') ?? kid(root, NS, 'tagline');
  const rightsEl = kid(root, NS, 'rights') ?? kid(root, NS, 'copyright');
  // Feed-level text keeps its markup when the feed says it is HTML (as feedparser does).
  const asHtml = (el: XNode | undefined) => {
    const t = atomText(el, v03);
    return t.text ?? (t.html !== undefined ? resolveHtmlUrls(t.html, baseOf(el ?? root, docUrl)) : undefined);
  };
  const logo = trimmed(kid(root, NS, 'logo')) ?? trimmed(kid(root, NS, 'icon'));
  return {
    format: 'atom',
    version: v03 ? 'atom 0.3' : root.ns === 'atom' ? 'atom 1.0' : 'atom',
    title: asHtml(titleEl),
    link: (links.find((l) => l.rel === 'alternate') ?? links.find((l) => l.rel !== 'self'))?.href,
    links,
    description: asHtml(subtitleEl),
    language: langTag(root.attrs['xml:lang']),
    image: logo ? { url: new URL(logo, baseOf(root, docUrl) ?? 'http://invalid/').href } : undefined,
    authors,
    categories: categoriesOf(root),
    updated: parseDate(trimmed(kid(root, NS, 'updated')) ?? trimmed(kid(root, NS, 'modified'))),
    generator: trimmed(kid(root, NS, 'generator')),
    rights: asHtml(rightsEl),
    skipHours: [],
    skipDays: [],
    items: kids(root, NS)
      .filter((e) => e.name === 'entry' || e.name === 'item')
      .map((e) => parseEntry(e, NS, authors, docUrl, v03)),
  };
}
