// The vocabulary RSS 0.9x/2.0 and RSS 1.0 (RDF) share: channel fields and
// items, with the namespaces in common use (content:encoded, dc:*, dcterms:*,
// media:*, itunes:*, atom:link). `core` names the namespaces that count as
// the format's own (none, RSS 1.0's, 0.90's, or an odd one the root declares).
import { atomLinks, categoriesOf, mediaOf, personFromText, resolveHtmlUrls } from './common.ts';
import { parseDate } from './dates.ts';
import { COUNT_CAPS } from './limits.ts';
import { langTag } from './text.ts';
import type { ParsedFeed, ParsedItem, ParsedPerson } from './types.ts';
import { baseOf, innerXml, isNode, kid, kids, resolveUrl, textOf, trimmed } from './xml-query.ts';
import type { XNode } from './xml-tree.ts';

export interface RssContext {
  core: readonly string[];
  docUrl: string | undefined;
}

type ChannelFields = Omit<ParsedFeed, 'format' | 'version' | 'items' | 'bozo' | 'bozoReasons'>;

function people(el: XNode, ctx: RssContext): ParsedPerson[] {
  const out: ParsedPerson[] = [];
  for (const n of [
    ...kids(el, ctx.core, 'author'),
    ...kids(el, 'dc', 'creator'),
    ...kids(el, 'dc', 'author'),
    ...kids(el, 'itunes', 'author'),
    ...kids(el, 'dc', 'contributor'),
  ]) {
    if (out.length >= COUNT_CAPS.authors) break; // the de-duplication below is quadratic in the count
    const p = personFromText(textOf(n));
    if (p && !out.some((o) => o.name === p.name && o.email === p.email)) out.push(p);
  }
  return out;
}

/** Text of an element; markup written inline (unescaped) is kept as markup. */
function text(el: XNode | undefined): string | undefined {
  if (!el) return undefined;
  const t = (el.children.some(isNode) ? innerXml(el) : textOf(el)).trim();
  return t || undefined;
}

export function parseRssItem(item: XNode, ctx: RssContext): ParsedItem {
  const { core, docUrl } = ctx;
  const base = baseOf(item, docUrl);
  const guidEl = kid(item, core, 'guid');
  const guid = trimmed(guidEl);
  const permalink = guidEl ? (guidEl.attrs.ispermalink ?? 'true').trim().toLowerCase() !== 'false' : undefined;
  const links = atomLinks(item, docUrl);
  const rawLink = trimmed(kid(item, core, 'link')) ?? item.attrs['rdf:about'];
  let link = resolveUrl(rawLink, base) ?? links.find((l) => l.rel === 'alternate')?.href;
  if (!link && guid && permalink && /^https?:\/\//i.test(guid)) link = guid;
  const publishedRaw =
    trimmed(kid(item, core, 'pubdate')) ??
    trimmed(kid(item, 'dc', 'date')) ??
    trimmed(kid(item, 'dcterms', 'issued')) ??
    trimmed(kid(item, 'dcterms', 'created'));
  const updatedRaw = trimmed(kid(item, 'dcterms', 'modified')) ?? trimmed(kid(item, 'atom', 'updated'));
  const xhtmlBody = kid(item, 'xhtml', 'body') ?? kid(item, core, 'body');
  const content =
    text(kid(item, 'content', 'encoded')) ??
    (xhtmlBody ? innerXml(xhtmlBody).trim() || undefined : undefined) ??
    text(kid(item, core, 'fullitem'));
  const summary =
    text(kid(item, core, 'description')) ??
    text(kid(item, 'itunes', 'summary')) ??
    text(kid(item, 'dc', 'description'));
  const group = kid(item, 'media', 'group');
  return {
    id: guid ?? item.attrs['rdf:about'],
    idIsPermalink: guidEl ? permalink : undefined,
    title:
      text(kid(item, core, 'title')) ??
      text(kid(item, 'dc', 'title')) ??
      text(kid(item, 'media', 'title')) ??
      text(kid(group, 'media', 'title')),
    link,
    links: link && !links.some((l) => l.href === link) ? [{ href: link, rel: 'alternate' }, ...links] : links,
    summary: summary === undefined ? undefined : resolveHtmlUrls(summary, base),
    content: content === undefined ? undefined : resolveHtmlUrls(content, base),
    published: parseDate(publishedRaw),
    publishedRaw,
    updated: parseDate(updatedRaw),
    updatedRaw,
    authors: people(item, ctx),
    categories: categoriesOf(item),
    media: mediaOf(item, docUrl),
    language: langTag(trimmed(kid(item, 'dc', 'language')) ?? item.attrs['xml:lang']),
    rights: trimmed(kid(item, 'dc', 'rights')),
    baseUrl: base,
  };
}

export function channelFields(channel: XNode | undefined, root: XNode, ctx: RssContext): ChannelFields {
  const { core, docUrl } = ctx;
  const base = baseOf(channel ?? root, docUrl);
  const imageEl = kid(channel, core, 'image') ?? kid(root, core, 'image');
  const itunesEl = kid(channel, 'itunes', 'image');
  const itunesImage = itunesEl?.attrs.href ?? itunesEl?.attrs.url;
  const image = trimmed(kid(imageEl, core, 'url')) ?? imageEl?.attrs['rdf:resource'] ?? itunesImage;
  const ttl = Number(trimmed(kid(channel, core, 'ttl')));
  const skipHours = kids(kid(channel, core, 'skiphours'), core, 'hour')
    .map((h) => Number(trimmed(h)))
    .filter((h) => Number.isInteger(h) && h >= 0 && h <= 24)
    .map((h) => h % 24);
  const skipDays = kids(kid(channel, core, 'skipdays'), core, 'day')
    .map((d) => trimmed(d) ?? '')
    .filter(Boolean);
  const authorEls = channel
    ? [
        ...kids(channel, core, 'author'),
        ...kids(channel, core, 'managingeditor'),
        ...kids(channel, 'dc', 'creator'),
        ...kids(channel, 'dc', 'author'),
        ...kids(channel, core, 'webmaster'),
        ...kids(channel, 'itunes', 'author'),
      ]
    : [];
  const link = resolveUrl(trimmed(kid(channel, core, 'link')), base);
  const links = atomLinks(channel ?? root, docUrl);
  return {
    title: text(kid(channel, core, 'title')) ?? text(kid(channel, 'dc', 'title')),
    link,
    links: link && !links.some((l) => l.href === link) ? [{ href: link, rel: 'alternate' }, ...links] : links,
    description:
      text(kid(channel, core, 'description')) ??
      text(kid(channel, 'itunes', 'summary')) ??
      text(kid(channel, 'itunes', 'subtitle')) ??
      text(kid(channel, 'dc', 'description')),
    language: langTag(
      trimmed(kid(channel, core, 'language')) ??
        trimmed(kid(channel, 'dc', 'language')) ??
        channel?.attrs['xml:lang'] ??
        root.attrs['xml:lang'],
    ),
    image: image
      ? {
          url: resolveUrl(image, base)!,
          title: trimmed(kid(imageEl, core, 'title')),
          link: resolveUrl(trimmed(kid(imageEl, core, 'link')), base),
        }
      : undefined,
    authors: authorEls
      .map((n) => personFromText(textOf(n)))
      .filter((p): p is ParsedPerson => !!p)
      .slice(0, 3),
    categories: channel ? categoriesOf(channel) : [],
    updated: parseDate(
      trimmed(kid(channel, core, 'lastbuilddate')) ??
        trimmed(kid(channel, core, 'pubdate')) ??
        trimmed(kid(channel, 'dc', 'date')) ??
        trimmed(kid(channel, 'dcterms', 'modified')),
    ),
    generator:
      trimmed(kid(channel, core, 'generator')) ?? kid(channel, 'admin', 'generatoragent')?.attrs['rdf:resource'],
    rights: trimmed(kid(channel, core, 'copyright')) ?? trimmed(kid(channel, 'dc', 'rights')),
    ttlMinutes: Number.isFinite(ttl) && ttl > 0 ? ttl : undefined,
    skipHours,
    skipDays,
  };
}
