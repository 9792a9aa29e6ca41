// JSON Feed 1.0 and 1.1 (https://jsonfeed.org): already structured, so the
// work is validation and tolerance of the fields' known variants.
import { parseDate } from './dates.ts';
import type { ParsedFeed, ParsedItem, ParsedPerson } from './types.ts';
import { FeedParseError } from './types.ts';
import { escapeHtml } from './text.ts';
import { resolveUrl } from './xml-query.ts';

type Json = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
const obj = (v: unknown): Json | undefined =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : undefined;
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

function person(v: unknown, base?: string): ParsedPerson | undefined {
  const o = obj(v);
  if (!o) return undefined;
  const p = { name: str(o.name), url: resolveUrl(str(o.url), base) };
  return p.name || p.url ? p : undefined;
}

export function parseJsonFeed(text: string, docUrl?: string): Omit<ParsedFeed, 'bozo' | 'bozoReasons'> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new FeedParseError(`not valid JSON: ${(e as Error).message}`);
  }
  const feed = obj(data);
  const version = str(feed?.version) ?? '';
  if (!feed || !/jsonfeed\.org\/version\//.test(version))
    throw new FeedParseError('JSON document is not a JSON Feed (no "version": "https://jsonfeed.org/version/1.x")');
  const base = str(feed.feed_url) ?? docUrl;
  const feedAuthors = [...arr(feed.authors).map((a) => person(a, base)), person(feed.author, base)].filter(
    (p): p is ParsedPerson => !!p,
  );
  const items: ParsedItem[] = arr(feed.items).flatMap((raw) => {
    const it = obj(raw);
    if (!it) return [];
    const link = resolveUrl(str(it.url), base);
    const publishedRaw = str(it.date_published);
    const updatedRaw = str(it.date_modified);
    const authors = [...arr(it.authors).map((a) => person(a, base)), person(it.author, base)].filter(
      (p): p is ParsedPerson => !!p,
    );
    const image = str(it.image) ?? str(it.banner_image);
    const text = str(it.content_text);
    return [
      {
        id: it.id === undefined || it.id === null ? undefined : String(it.id),
        title: str(it.title),
        link,
        links: [
          ...(link ? [{ href: link, rel: 'alternate' }] : []),
          ...(str(it.external_url) ? [{ href: resolveUrl(str(it.external_url), base)!, rel: 'related' }] : []),
        ],
        summary: str(it.summary),
        content:
          str(it.content_html) ??
          (text
            ? text
                .split(/\n{2,}/)
                .map((p) => `<p>${escapeHtml(p)}</p>`)
                .join('')
            : undefined),
        published: parseDate(publishedRaw),
        publishedRaw,
        updated: parseDate(updatedRaw),
        updatedRaw,
        authors: authors.length ? authors : feedAuthors,
        categories: arr(it.tags)
          .filter((t): t is string => typeof t === 'string')
          .map((term) => ({ term })),
        media: [
          ...(image ? [{ url: resolveUrl(image, base)!, medium: 'image', source: 'image' as const }] : []),
          ...arr(it.attachments).flatMap((a) => {
            const o = obj(a);
            const url = resolveUrl(str(o?.url), base);
            return url
              ? [
                  {
                    url,
                    type: str(o?.mime_type),
                    title: str(o?.title),
                    length: typeof o?.size_in_bytes === 'number' ? o.size_in_bytes : undefined,
                    source: 'attachment' as const,
                  },
                ]
              : [];
          }),
        ],
        language: str(it.language),
        baseUrl: link ?? base,
      },
    ];
  });
  return {
    format: 'json',
    version: `json ${version.split('/').pop()}`,
    title: str(feed.title),
    link: resolveUrl(str(feed.home_page_url), base),
    links: [...(str(feed.feed_url) ? [{ href: str(feed.feed_url)!, rel: 'self' }] : [])],
    description: str(feed.description),
    language: str(feed.language),
    image:
      (str(feed.icon) ?? str(feed.favicon))
        ? { url: resolveUrl(str(feed.icon) ?? str(feed.favicon), base)! }
        : undefined,
    authors: feedAuthors,
    categories: [],
    skipHours: [],
    skipDays: [],
    items,
  };
}
