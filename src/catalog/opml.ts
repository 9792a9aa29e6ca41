// OPML: the list-of-feeds format every reader app imports and exports.
// Parsing is tolerant (htmlparser2 in XML mode): exported files in the wild are
// often not well-formed.
import { Parser } from 'htmlparser2';

export interface OpmlFeed {
  xmlUrl: string;
  title?: string;
  htmlUrl?: string;
  /** Titles of the enclosing folders, outermost first. */
  folders: string[];
}

export class OpmlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OpmlError';
  }
}

export function parseOpml(text: string): { title?: string; feeds: OpmlFeed[] } {
  const feeds: OpmlFeed[] = [];
  const stack: (string | null)[] = [];
  let sawOpml = false;
  let inTitle = false;
  let title = '';
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        const tag = name.toLowerCase();
        if (tag === 'opml') sawOpml = true;
        if (tag === 'title') inTitle = true;
        if (tag !== 'outline') return;
        const get = (k: string) =>
          Object.entries(attrs)
            .find(([a]) => a.toLowerCase() === k.toLowerCase())?.[1]
            ?.trim() || undefined;
        const xmlUrl = get('xmlUrl') ?? get('url');
        const label = get('title') ?? get('text');
        if (xmlUrl && (get('type') ?? 'rss').toLowerCase() !== 'link') {
          feeds.push({ xmlUrl, title: label, htmlUrl: get('htmlUrl'), folders: stack.filter((s): s is string => !!s) });
          stack.push(null);
        } else {
          stack.push(label ?? null);
        }
      },
      ontext(t) {
        if (inTitle) title += t;
      },
      onclosetag(name) {
        const tag = name.toLowerCase();
        if (tag === 'outline') stack.pop();
        if (tag === 'title') inTitle = false;
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(text);
  parser.end();
  if (!sawOpml) throw new OpmlError('not an OPML file: no <opml> element found');
  return { title: title.trim() || undefined, feeds };
}
