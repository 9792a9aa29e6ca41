// Text helpers shared by the parsers: XML/HTML entity decoding (tolerant, and
// telling the caller what was wrong), whitespace, and a little HTML escaping.
import { decodeHTML } from 'entities';

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export interface EntityContext {
  /** Internal entities declared in the document's DTD, with their literal values (never expanded further). */
  declared: Map<string, string | null>;
  /** Characters internal entities may still add (billion-laughs guard). */
  budget: number;
  problem: (reason: string) => void;
}

/** "233" or "xE9" → the character, if it is one XML allows. */
function numeric(ref: string): string | undefined {
  const hex = ref[0] === 'x' || ref[0] === 'X';
  const cp = parseInt(hex ? ref.slice(1) : ref, hex ? 16 : 10);
  if (cp === 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return undefined;
  return String.fromCodePoint(cp);
}

const OTHER_THAN_XML = /&(?!(?:lt|gt|amp|quot|apos);)/;
const REFERENCE = /&(?:#([xX][0-9a-fA-F]{1,8}|[0-9]{1,10})|([A-Za-z_:][\w.:-]{0,39}));|&/g;

/**
 * Decodes entity references in XML text. The five XML entities and character
 * references always; internal DTD entities with literal values (one level, within
 * a budget); HTML entity names (&nbsp; &eacute;) as a reader would, flagging them;
 * anything else stays as written and is flagged. Never reads or expands anything external.
 */
export function decodeEntities(s: string, ctx: EntityContext): string {
  if (s.indexOf('&') < 0) return s;
  // Fast path for escaped HTML, the common case: only the five XML entities (&amp; last, so &amp;lt; stays "&lt;").
  if (!OTHER_THAN_XML.test(s))
    return s
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&');
  return s.replace(REFERENCE, (ref: string, num: string | undefined, name: string | undefined) => {
    if (num !== undefined) {
      const rep = numeric(num);
      if (rep === undefined) ctx.problem(`invalid character reference ${ref}`);
      return rep ?? ref;
    }
    if (name === undefined) {
      ctx.problem('unescaped & in text');
      return ref;
    }
    const xml = XML_ENTITIES[name];
    if (xml !== undefined) return xml;
    const declared = ctx.declared.get(name);
    if (declared !== undefined && declared !== null && ctx.budget >= declared.length) {
      ctx.budget -= declared.length;
      return declared;
    }
    if (declared !== undefined) {
      ctx.problem(`entity ${ref} was not expanded (external, nested or over budget)`);
      return ref;
    }
    ctx.problem(`undefined entity ${ref}`);
    return decodeHTML(ref);
  });
}

/** Collapses runs of whitespace and trims; undefined when nothing is left. */
export function clean(s: string | undefined): string | undefined {
  if (s === undefined) return undefined;
  const t = /\s\s|[\t\n\r]/.test(s) ? s.replace(/\s+/g, ' ').trim() : s.trim();
  return t || undefined;
}

export { escapeAttr, escapeHtml } from '../../analysis/markup.ts';

/** Does this look like HTML rather than plain text? */
export function looksLikeHtml(s: string): boolean {
  return /<\/?[a-z][\w:-]*(\s[^<>]*)?\/?>|&(#\d+|#x[0-9a-f]+|[a-z]+);/i.test(s);
}

/** Plain text of a small HTML fragment (titles marked as HTML). */
export function htmlToText(html: string): string {
  // [^<>]: a tag ends at the next "<" too, so a run of "<" costs linear time, not quadratic.
  return decodeHTML(html.replace(/<[^<>]*>/g, '')).trim();
}

/** Language tags as written, with en_US → en-US. */
export function langTag(v: string | undefined): string | undefined {
  return v?.trim().replace(/_/g, '-') || undefined;
}
