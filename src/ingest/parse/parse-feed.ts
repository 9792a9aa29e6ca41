// The parser entry point: decode → detect the format → hand off. Each format
// returns the same ParsedFeed; "bozo" records that the document was not
// well-formed (or not in the encoding it claimed) but was read anyway.
import { parseAtom } from './atom.ts';
import { decodeFeed } from './decode.ts';
import { gunzipIfCompressed } from './gzip.ts';
import { parseJsonFeed } from './json-feed.ts';
import { parseRdf } from './rdf.ts';
import { parseRss } from './rss.ts';
import { capFeed, clip } from './limits.ts';
import { statedUrl } from './stated-url.ts';
import { FeedParseError, type ParseOptions, type ParsedFeed } from './types.ts';
import { parseXml } from './xml-tree.ts';

/** Every field of what this returns is within the caps in limits.ts. */
export function parseFeed(input: Buffer | string, opts: ParseOptions = {}): ParsedFeed {
  const bytes = typeof input === 'string' ? input : gunzipIfCompressed(input, opts.maxBytes);
  const decoded = decodeFeed(bytes, opts.httpCharset);
  const text = decoded.text;
  const start = text.slice(0, 1024).trimStart();
  if (!start) throw new FeedParseError('the document is empty');
  if (start[0] === '{' || (/json/i.test(opts.contentType ?? '') && start[0] !== '<')) {
    return capFeed({ ...parseJsonFeed(text, opts.url), encoding: decoded.encoding, bozo: false, bozoReasons: [] });
  }

  const doc = parseXml(text);
  const root = doc.root;
  if (!root) throw new FeedParseError('no XML elements found: not a feed');
  let feed: Omit<ParsedFeed, 'bozo' | 'bozoReasons'>;
  // Read without a URL (a file): relative links resolve against the address the feed states for itself.
  const stated = opts.url ? undefined : statedUrl(root);
  const docUrl = opts.url ?? stated;
  if (root.name === 'rss' || (root.name === 'channel' && root.ns === '')) feed = parseRss(root, docUrl);
  else if (root.name === 'rdf' && root.ns === 'rdf') feed = parseRdf(root, docUrl);
  else if (root.name === 'feed') feed = parseAtom(root, docUrl);
  else if (root.name === 'html' || root.name === 'body' || root.name === 'head') {
    throw new FeedParseError(
      'this is an HTML page, not a feed (look for a <link rel="alternate" type="application/rss+xml"> on it)',
    );
  } else throw new FeedParseError(`unknown feed format: the document's root element is <${clip(root.qname, 80)}>`);

  // [^<>]: the search for a DOCTYPE stops at the next tag, so it stays linear.
  if (feed.version === 'rss 0.91')
    feed.version = /<!DOCTYPE[^<>]*/i.exec(text.slice(0, 2000))?.[0].toLowerCase().includes('netscape')
      ? 'rss 0.91n'
      : 'rss 0.91u';
  const reasons = decoded.problem ? [decoded.problem, ...doc.problems] : doc.problems;
  const mediaType = opts.contentType?.split(';')[0]!.trim().toLowerCase();
  if (mediaType && !/xml|rss|atom|rdf/.test(mediaType))
    reasons.push(`served as ${clip(mediaType, 80)}, not an XML media type`);
  return capFeed({
    ...feed,
    ...(stated ? { statedUrl: stated } : {}),
    encoding: decoded.encoding,
    bozo: reasons.length > 0,
    bozoReasons: reasons,
  });
}
