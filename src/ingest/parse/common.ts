// Pieces shared by the XML formats: people, media, categories, links.
import { COUNT_CAPS, cut, FIELD_CAPS } from './limits.ts';
import { clean } from './text.ts';
import { baseOf, kid, kids, resolveUrl, textOf, trimmed } from './xml-query.ts';
import type { XNode } from './xml-tree.ts';
import type { ParsedItem, ParsedMedia, ParsedPerson } from './types.ts';

const num = (v: string | undefined) => {
  const n = Number(v);
  return v !== undefined && v !== '' && Number.isFinite(n) ? n : undefined;
};

// Anchored, and the parts either side of the one "@" cannot overlap: linear on any input.
const ADDRESS = /^[^\s@()<>]+@[^\s@()<>]+$/;
const PAREN_ADDRESS = /^[^\s@()]+@[^\s@()]+$/;
const ANGLE_ADDRESS = /^[^\s@<>]+@[^\s@<>]+$/;
const BARE_ADDRESS = /^[^\s@]+@[^\s@]+$/;

/**
 * "jane@x.org (Jane Doe)", "Jane Doe (jane@x.org)", "Jane Doe <jane@x.org>", "jane@x.org", "Jane Doe".
 * Split with indexOf rather than the `^(.*?)\s*\(…\)$` patterns this used to
 * have, which backtracked quadratically on a long name.
 */
export function personFromText(text: string | undefined): ParsedPerson | undefined {
  // Nothing longer is a person; the cap keeps the work on a hostile one small.
  const s = text === undefined ? undefined : clean(cut(text, 4 * FIELD_CAPS.personName));
  if (!s) return undefined;
  if (s.endsWith(')')) {
    // "address (Name)": the address runs to the first "(", the name has no ")".
    const first = s.indexOf('(');
    const email = s.slice(0, first).trimEnd();
    const name = s.slice(first + 1, -1);
    if (first > 0 && !name.includes(')') && ADDRESS.test(email)) return { email, name: name.trim() || undefined };
    // "Name (address)": the address is inside the last "(".
    const last = s.lastIndexOf('(');
    const before = s.slice(0, last).trimEnd();
    const inner = s.slice(last + 1, -1);
    if (last > 0 && before && PAREN_ADDRESS.test(inner)) return { name: before, email: inner };
  }
  if (s.endsWith('>')) {
    const open = s.lastIndexOf('<');
    const inner = s.slice(open + 1, -1);
    if (open >= 0 && ANGLE_ADDRESS.test(inner)) return { name: s.slice(0, open).trim() || undefined, email: inner };
  }
  if (BARE_ADDRESS.test(s)) return { email: s };
  return { name: s };
}

/** Atom-style person: <name>, <email>, <uri>/<url>. */
export function personFromElement(
  el: XNode,
  ns: string | readonly string[],
  docUrl?: string,
): ParsedPerson | undefined {
  const name = trimmed(kid(el, ns, 'name'));
  const email = trimmed(kid(el, ns, 'email'));
  const uri = trimmed(kid(el, ns, 'uri')) ?? trimmed(kid(el, ns, 'url')) ?? trimmed(kid(el, ns, 'homepage'));
  if (!name && !email && !uri) return personFromText(textOf(el));
  return { name, email, url: resolveUrl(uri, baseOf(el, docUrl)) };
}

function mediaFrom(
  el: XNode,
  source: ParsedMedia['source'],
  base: string | undefined,
  inherited: Partial<ParsedMedia>,
): ParsedMedia | undefined {
  const url = resolveUrl(el.attrs.url ?? el.attrs.href, base);
  if (!url) return undefined;
  const caption = trimmed(kid(el, 'media', 'description')) ?? trimmed(kid(el, 'media', 'title')) ?? inherited.caption;
  const credit = trimmed(kid(el, 'media', 'credit')) ?? trimmed(kid(el, 'media', 'copyright')) ?? inherited.credit;
  return {
    url,
    type: el.attrs.type,
    medium: el.attrs.medium,
    length: num(el.attrs.filesize ?? el.attrs.length),
    width: num(el.attrs.width),
    height: num(el.attrs.height),
    title: trimmed(kid(el, 'media', 'title')),
    caption,
    credit,
    source,
  };
}

/** media:content (also inside media:group), media:thumbnail, enclosure, itunes:image. */
export function mediaOf(item: XNode, docUrl?: string): ParsedMedia[] {
  const base = baseOf(item, docUrl);
  const out: ParsedMedia[] = [];
  const shared = (scope: XNode): Partial<ParsedMedia> => ({
    caption: trimmed(kid(scope, 'media', 'description')),
    credit: trimmed(kid(scope, 'media', 'credit')),
  });
  const scopes = [item, ...kids(item, 'media', 'group')];
  for (const scope of scopes) {
    const inherited = shared(scope);
    for (const c of kids(scope, 'media', 'content')) {
      const m = mediaFrom(c, 'media:content', base, inherited);
      if (m) out.push(m);
      for (const t of kids(c, 'media', 'thumbnail')) {
        const tm = mediaFrom(t, 'media:thumbnail', base, { caption: m?.caption, credit: m?.credit });
        if (tm) out.push(tm);
      }
    }
    for (const t of kids(scope, 'media', 'thumbnail')) {
      const m = mediaFrom(t, 'media:thumbnail', base, inherited);
      if (m) out.push(m);
    }
  }
  for (const e of kids(item, '', 'enclosure')) {
    const m = mediaFrom(e, 'enclosure', base, {});
    if (m) out.push(m);
  }
  for (const l of kids(item, ['atom', 'atom03'], 'link')) {
    if ((l.attrs.rel ?? '').toLowerCase() === 'enclosure') {
      const m = mediaFrom(l, 'enclosure', base, {});
      if (m) out.push({ ...m, title: l.attrs.title });
    }
  }
  const it = kid(item, 'itunes', 'image');
  if (it) {
    const m = mediaFrom(it, 'itunes:image', base, {});
    if (m) out.push(m);
  }
  return out;
}

/** Categories of an element, at most COUNT_CAPS.categories of them, each term once. */
export function categoriesOf(item: XNode): ParsedItem['categories'] {
  const out: ParsedItem['categories'] = [];
  // A Set and a count cap: a keywords list of a million terms must not cost a million squared comparisons.
  const seen = new Set<string>();
  const add = (c: ParsedItem['categories'][number], unique = false) => {
    if (out.length >= COUNT_CAPS.categories || (unique && seen.has(c.term))) return;
    seen.add(c.term);
    out.push(c);
  };
  for (const c of kids(item, ['', 'atom', 'atom03', 'rss1'], 'category')) {
    const term = c.attrs.term ?? trimmed(c);
    if (term) add({ term: term.trim(), scheme: c.attrs.scheme ?? c.attrs.domain, label: c.attrs.label });
  }
  for (const c of kids(item, 'dc', 'subject')) {
    const term = trimmed(c);
    if (term) add({ term });
  }
  const itunes = (el: XNode) => {
    for (const c of kids(el, 'itunes', 'category')) {
      if (c.attrs.text) add({ term: c.attrs.text, scheme: 'http://www.itunes.com/' });
      itunes(c); // nested subcategories (depth is capped by the XML reader)
    }
  };
  itunes(item);
  for (const c of kids(item, 'media', 'category')) {
    const term = trimmed(c);
    if (term)
      add({ term, scheme: c.attrs.scheme ?? 'http://search.yahoo.com/mrss/category_schema', label: c.attrs.label });
  }
  for (const k of [...kids(item, 'media', 'keywords'), ...kids(item, 'itunes', 'keywords')]) {
    for (const raw of textOf(k).split(',')) {
      if (out.length >= COUNT_CAPS.categories) break;
      const term = raw.trim();
      if (term) add({ term }, true);
    }
  }
  return out;
}

/** Atom-style <link> elements of an element, absolute. */
export function atomLinks(el: XNode, docUrl?: string): ParsedItem['links'] {
  return kids(el, ['atom', 'atom03'], 'link')
    .map((l) => ({
      href: resolveUrl(l.attrs.href, baseOf(l, docUrl)) ?? '',
      rel: l.attrs.rel ?? 'alternate',
      type: l.attrs.type,
      title: l.attrs.title,
    }))
    .filter((l) => l.href);
}

/** Makes href/src/poster URLs in an HTML fragment absolute against `base`. */
export function resolveHtmlUrls(html: string, base: string | undefined): string {
  if (!base || !/\b(href|src|poster)\s*=/i.test(html)) return html;
  return html.replace(
    /(\s(?:href|src|poster)\s*=\s*)(["'])([^"']*)\2/gi,
    (all, pre: string, q: string, url: string) => {
      if (!url || /^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('#')) return all;
      try {
        return `${pre}${q}${new URL(url.replace(/&amp;/g, '&'), base).href.replace(/&/g, '&amp;')}${q}`;
      } catch {
        return all;
      }
    },
  );
}
