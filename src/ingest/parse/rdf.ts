// RSS 1.0 and 0.90: an <rdf:RDF> root with the channel, image and items side by side.
import { channelFields, parseRssItem, type RssContext } from './rss-item.ts';
import type { ParsedFeed } from './types.ts';
import { kid, kids } from './xml-query.ts';
import type { XNode } from './xml-tree.ts';

export function parseRdf(root: XNode, docUrl: string | undefined): Omit<ParsedFeed, 'bozo' | 'bozoReasons'> {
  const ctx: RssContext = { core: ['', 'rss1', 'rss090', 'rdf'], docUrl };
  const channel = kid(root, ctx.core, 'channel');
  const beside = kids(root, ctx.core, 'item');
  const items = beside.length ? beside : kids(channel, ctx.core, 'item');
  const v090 =
    kid(root, 'rss090', 'channel') !== undefined ||
    Object.values(root.attrs).some((v) => v.includes('my.netscape.com/rdf/simple/0.9'));
  return {
    format: 'rdf',
    version: v090 ? 'rss 0.90' : 'rss 1.0',
    ...channelFields(channel, root, ctx),
    items: items.map((i) => parseRssItem(i, ctx)),
  };
}
