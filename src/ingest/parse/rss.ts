// RSS 0.9x, 2.0 and RSS 1.0 / 0.90 (RDF). The formats share their item
// vocabulary; RDF keeps items beside the channel instead of inside it.
import { atomLinks, categoriesOf, mediaOf, personFromText, resolveHtmlUrls } from './common.ts';
import { parseDate } from './dates.ts';
import type { ParsedFeed, ParsedItem, ParsedPerson } from './types.ts';
import { baseOf, innerXml, kid, kids, resolveUrl, textOf, trimmed, type XNode } from './xml-tree.ts';

// Core RSS names: no namespace, RSS 1.0's, 0.90's; plus the root's own when a feed declares an odd one.
let CORE = ['', 'rss1', 'rss090', 'rdf'];

function people(el: XNode): ParsedPerson[] {
  const out: ParsedPerson[] = [];
  for (const n of [...kids(el, CORE, 'author'), ...kids(el, 'dc', 'creator'), ...kids(el, 'dc', 'author'), ...kids(el, 'itunes', 'author'), ...kids(el, 'dc', 'contributor')]) {
    const p = personFromText(textOf(n));
    if (p && !out.some((o) => o.name === p.name && o.email === p.email)) out.push(p);
  }
  return out;
}

/** Text of an element; markup written inline (unescaped) is kept as markup. */
function text(el: XNode | undefined): string | undefined {
  if (!el) return undefined;
  const t = (el.children.some((c) => 'name' in c) ? innerXml(el) : textOf(el)).trim();
  return t || undefined;
}

export function parseItem(item: XNode, docUrl: string | undefined): ParsedItem {
  const base = baseOf(item, docUrl);
  const guidEl = kid(item, CORE, 'guid');
  const guid = trimmed(guidEl);
  const permalink = guidEl ? (guidEl.attrs.ispermalink ?? 'true').toLowerCase() !== 'false' : undefined;
  const links = atomLinks(item, docUrl);
  const rawLink = trimmed(kid(item, CORE, 'link')) ?? item.attrs['rdf:about'];
  let link = resolveUrl(rawLink, base) ?? links.find((l) => l.rel === 'alternate')?.href;
  if (!link && guid && permalink && /^https?:\/\//i.test(guid)) link = guid;
  const publishedRaw = trimmed(kid(item, CORE, 'pubdate')) ?? trimmed(kid(item, 'dc', 'date')) ?? trimmed(kid(item, 'dcterms', 'issued')) ?? trimmed(kid(item, 'dcterms', 'created'));
  const updatedRaw = trimmed(kid(item, 'dcterms', 'modified')) ?? trimmed(kid(item, ['atom'], 'updated'));
  const xhtmlBody = kid(item, 'xhtml', 'body');
  const content = text(kid(item, 'content', 'encoded')) ?? (xhtmlBody ? innerXml(xhtmlBody).trim() || undefined : undefined) ?? text(kid(item, CORE, 'fullitem'));
  const summary = text(kid(item, CORE, 'description')) ?? text(kid(item, 'itunes', 'summary')) ?? text(kid(item, 'dc', 'description'));
  return {
    id: guid ?? item.attrs['rdf:about'],
    idIsPermalink: guidEl ? permalink : undefined,
    title: text(kid(item, CORE, 'title')) ?? text(kid(item, 'dc', 'title')) ?? text(kid(item, 'media', 'title')) ?? text(kid(kid(item, 'media', 'group'), 'media', 'title')),
    link,
    links: link && !links.some((l) => l.href === link) ? [{ href: link, rel: 'alternate' }, ...links] : links,
    summary: summary === undefined ? undefined : resolveHtmlUrls(summary, base),
    content: content === undefined ? undefined : resolveHtmlUrls(content, base),
    published: parseDate(publishedRaw),
    publishedRaw,
    updated: parseDate(updatedRaw),
    updatedRaw,
    authors: people(item),
    categories: categoriesOf(item),
    media: mediaOf(item, docUrl),
    language: trimmed(kid(item, 'dc', 'language')) ?? item.attrs['xml:lang'],
    rights: trimmed(kid(item, 'dc', 'rights')),
    baseUrl: base,
  };
}

function channelFields(channel: XNode | undefined, root: XNode, docUrl: string | undefined) {
  const base = baseOf(channel ?? root, docUrl);
  const imageEl = kid(channel, CORE, 'image') ?? kid(root, CORE, 'image');
  const itunesImage = kid(channel, 'itunes', 'image')?.attrs.href;
  const image = trimmed(kid(imageEl, CORE, 'url')) ?? imageEl?.attrs['rdf:resource'] ?? itunesImage;
  const ttl = Number(trimmed(kid(channel, CORE, 'ttl')));
  const skipHours = kids(kid(channel, CORE, 'skiphours'), CORE, 'hour')
    .map((h) => Number(trimmed(h)))
    .filter((h) => Number.isInteger(h) && h >= 0 && h <= 24)
    .map((h) => h % 24);
  const skipDays = kids(kid(channel, CORE, 'skipdays'), CORE, 'day').map((d) => trimmed(d) ?? '').filter(Boolean);
  const link = trimmed(kid(channel, CORE, 'link'));
  return {
    title: text(kid(channel, CORE, 'title')) ?? text(kid(channel, 'dc', 'title')),
    link: resolveUrl(link, base),
    links: atomLinks(channel ?? root, docUrl),
    description: text(kid(channel, CORE, 'description')) ?? text(kid(channel, 'itunes', 'summary')) ?? text(kid(channel, 'itunes', 'subtitle')),
    language: langTag(trimmed(kid(channel, CORE, 'language')) ?? trimmed(kid(channel, 'dc', 'language')) ?? channel?.attrs['xml:lang'] ?? root.attrs['xml:lang']),
    image: image ? { url: resolveUrl(image, base)!, title: trimmed(kid(imageEl, CORE, 'title')), link: trimmed(kid(imageEl, CORE, 'link')) } : undefined,
    authors: channel ? [...kids(channel, CORE, 'author'), ...kids(channel, CORE, 'managingeditor'), ...kids(channel, 'dc', 'creator'), ...kids(channel, 'dc', 'author'), ...kids(channel, CORE, 'webmaster'), ...kids(channel, 'itunes', 'author')].map((n) => personFromText(textOf(n))).filter((p): p is ParsedPerson => !!p).slice(0, 3) : [],
    categories: channel ? categoriesOf(channel) : [],
    updated: parseDate(trimmed(kid(channel, CORE, 'lastbuilddate')) ?? trimmed(kid(channel, CORE, 'pubdate')) ?? trimmed(kid(channel, 'dc', 'date')) ?? trimmed(kid(channel, 'dcterms', 'modified'))),
    generator: trimmed(kid(channel, CORE, 'generator')) ?? kid(channel, 'admin', 'generatoragent')?.attrs['rdf:resource'],
    rights: trimmed(kid(channel, CORE, 'copyright')) ?? trimmed(kid(channel, 'dc', 'rights')),
    ttlMinutes: Number.isFinite(ttl) && ttl > 0 ? ttl : undefined,
    skipHours,
    skipDays,
  };
}

export function langTag(v: string | undefined): string | undefined {
  return v?.trim().replace(/_/g, '-') || undefined;
}

export function rssVersion(root: XNode): string {
  const v = (root.attrs.version ?? '').trim();
  if (['0.91', '0.92', '0.93', '0.94'].includes(v)) return `rss ${v}`;
  if (v.startsWith('2')) return 'rss 2.0';
  return v ? `rss ${v}` : 'rss';
}

export function parseRss(root: XNode, docUrl: string | undefined): Omit<ParsedFeed, 'bozo' | 'bozoReasons'> {
  CORE = ['', 'rss1', 'rss090', 'rdf', root.ns];
  const channel = kid(root, CORE, 'channel');
  // Some feeds put items directly under <rss>; read both.
  const items = [...kids(channel, CORE, 'item'), ...kids(root, CORE, 'item')];
  return { format: 'rss', version: rssVersion(root), ...channelFields(channel, root, docUrl), items: items.map((i) => parseItem(i, docUrl)) };
}

export function parseRdf(root: XNode, docUrl: string | undefined): Omit<ParsedFeed, 'bozo' | 'bozoReasons'> {
  CORE = ['', 'rss1', 'rss090', 'rdf'];
  const channel = kid(root, CORE, 'channel');
  const items = kids(root, CORE, 'item').length ? kids(root, CORE, 'item') : kids(channel, CORE, 'item');
  const version = kids(root, 'rss090').length || Object.values(root.attrs).some((v) => v.includes('my.netscape.com/rdf/simple/0.9')) ? 'rss 0.90' : 'rss 1.0';
  return { format: 'rdf', version, ...channelFields(channel, root, docUrl), items: items.map((i) => parseItem(i, docUrl)) };
}
