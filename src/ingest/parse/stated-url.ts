// The address a feed gives for itself, for a document read without one (a
// file given to `masthead feeds check`): its self link (atom:link rel="self",
// or Atom's own link rel="self"), else the site it links to (the RSS channel's
// <link>, Atom's alternate link), else an absolute xml:base on the root or the
// channel. Relative links in the items resolve against it as they would
// against the URL the feed was fetched from. Only http(s) addresses count.
import { absoluteUrl, baseOf, kid, kids, trimmed } from './xml-query.ts';
import type { XNode } from './xml-tree.ts';

const CORE = ['', 'rss1', 'rss090', 'rdf'];
const ATOM = ['atom', 'atom03'];

const web = (u: string | undefined) => (u && /^https?:\/\//i.test(u) ? u : undefined);

function linkHref(holder: XNode, rel: (r: string) => boolean, ns: readonly string[]): string | undefined {
  const base = baseOf(holder);
  for (const l of kids(holder, ns, 'link')) {
    if (l.attrs.href === undefined || !rel((l.attrs.rel ?? 'alternate').trim().toLowerCase())) continue;
    const href = web(absoluteUrl(l.attrs.href, base));
    if (href) return href;
  }
  return undefined;
}

/** The http(s) address the feed states for itself, or undefined when it states none. */
export function statedUrl(root: XNode): string | undefined {
  const channel = kid(root, [...CORE, root.ns], 'channel');
  const holders = channel ? [channel, root] : [root];
  const atomNs = root.name === 'feed' ? [...ATOM, root.ns, ''] : ATOM;
  for (const h of holders) {
    const self = linkHref(h, (r) => r === 'self', atomNs);
    if (self) return self;
  }
  for (const h of holders) {
    const site =
      web(absoluteUrl(trimmed(kids(h, [...CORE, root.ns], 'link').find((l) => !l.attrs.href)), baseOf(h))) ??
      linkHref(h, (r) => r === 'alternate', atomNs);
    if (site) return site;
  }
  for (const h of holders) {
    const base = web(baseOf(h));
    if (base) return base;
  }
  return undefined;
}
