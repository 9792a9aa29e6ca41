// RSS 0.91–0.94 and 2.0: a <channel> inside <rss>, items inside the channel.
import { channelFields, parseRssItem, type RssContext } from './rss-item.ts';
import type { ParsedFeed } from './types.ts';
import { kid, kids } from './xml-query.ts';
import type { XNode } from './xml-tree.ts';

export function rssVersion(root: XNode): string {
  const v = (root.attrs.version ?? '').trim();
  if (['0.91', '0.92', '0.93', '0.94'].includes(v)) return `rss ${v}`;
  if (v.startsWith('2')) return 'rss 2.0';
  return v ? `rss ${v}` : 'rss';
}

export function parseRss(root: XNode, docUrl: string | undefined): Omit<ParsedFeed, 'bozo' | 'bozoReasons'> {
  // The root's own namespace counts as core: some feeds declare an odd default one.
  const ctx: RssContext = { core: ['', 'rss1', 'rss090', 'rdf', root.ns], docUrl };
  const channel = kid(root, ctx.core, 'channel');
  // Some feeds put items directly under <rss>; read both.
  const items = [...kids(channel, ctx.core, 'item'), ...kids(root, ctx.core, 'item')];
  return {
    format: 'rss',
    version: rssVersion(root),
    ...channelFields(channel, root, ctx),
    items: items.map((i) => parseRssItem(i, ctx)),
  };
}
