// The feed vocabularies we know by namespace URI, under the short key the
// parsers use (atom, dc, media, …), and the prefixes feeds use undeclared.

export const NAMESPACES: Record<string, string> = {
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
  'http://webns.net/mvcb/': 'admin',
};

/** Prefixes commonly used without a declaration, read as if declared (but the document is bozo). */
export const CONVENTIONAL: Record<string, string> = {
  dc: 'dc',
  content: 'content',
  media: 'media',
  itunes: 'itunes',
  atom: 'atom',
  rdf: 'rdf',
  dcterms: 'dcterms',
  xhtml: 'xhtml',
};
