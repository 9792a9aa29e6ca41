// Text helpers shared by the parsers: XML/HTML entity decoding (tolerant, and
// telling the caller what was wrong), whitespace, and a little HTML escaping.
import { decodeHTML } from 'entities';

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const ENTITY_NAME = /^[A-Za-z_:][\w.:-]*$/;

export interface EntityContext {
  /** Internal entities declared in the document's DTD, with their literal values (never expanded further). */
  declared: Map<string, string | null>;
  /** Characters internal entities may still add (billion-laughs guard). */
  budget: number;
  problem: (reason: string) => void;
}

function numeric(ref: string): string | undefined {
  const hex = ref[1] === 'x' || ref[1] === 'X';
  const digits = ref.slice(hex ? 2 : 1);
  if (!digits || !(hex ? /^[0-9a-fA-F]+$/ : /^\d+$/).test(digits)) return undefined;
  const cp = parseInt(digits, hex ? 16 : 10);
  if (cp === 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return undefined;
  return String.fromCodePoint(cp);
}

/**
 * Decodes entity references in XML text. The five XML entities and character
 * references always; internal DTD entities with literal values (one level, within
 * a budget); HTML entity names (&nbsp; &eacute;) as a reader would, flagging them;
 * anything else stays as written and is flagged. Never reads or expands anything external.
 */
export function decodeEntities(s: string, ctx: EntityContext): string {
  let amp = s.indexOf('&');
  if (amp < 0) return s;
  let out = '';
  let last = 0;
  while (amp >= 0) {
    const semi = s.indexOf(';', amp + 1);
    const ref = semi > amp && semi - amp <= 40 ? s.slice(amp + 1, semi) : '';
    let rep: string | undefined;
    if (ref[0] === '#') {
      rep = numeric(ref);
      if (rep === undefined) ctx.problem(`invalid character reference &${ref};`);
    } else if (ref && ENTITY_NAME.test(ref)) {
      rep = XML_ENTITIES[ref];
      if (rep === undefined) {
        const declared = ctx.declared.get(ref);
        if (declared !== undefined && declared !== null && ctx.budget >= declared.length) {
          ctx.budget -= declared.length;
          rep = declared;
        } else if (declared !== undefined) {
          ctx.problem(`entity &${ref}; was not expanded (external, nested or over budget)`);
        } else {
          ctx.problem(`undefined entity &${ref};`);
          const html = decodeHTML(`&${ref};`);
          if (html !== `&${ref};`) rep = html;
        }
      }
    } else {
      ctx.problem('unescaped & in text');
    }
    if (rep !== undefined) {
      out += s.slice(last, amp) + rep;
      last = semi + 1;
      amp = s.indexOf('&', last);
    } else {
      amp = s.indexOf('&', amp + 1);
    }
  }
  return out + s.slice(last);
}

/** Collapses runs of whitespace and trims; undefined when nothing is left. */
export function clean(s: string | undefined): string | undefined {
  if (s === undefined) return undefined;
  const t = /\s\s|[\t\n\r]/.test(s) ? s.replace(/\s+/g, ' ').trim() : s.trim();
  return t || undefined;
}

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeAttr(s: string): string {
  return escapeHtml(s).replace(/"/g, '&quot;');
}

/** Does this look like HTML rather than plain text? */
export function looksLikeHtml(s: string): boolean {
  return /<\/?[a-z][\w:-]*(\s[^<>]*)?\/?>|&(#\d+|#x[0-9a-f]+|[a-z]+);/i.test(s);
}

/** Plain text of a small HTML fragment (titles marked as HTML). */
export function htmlToText(html: string): string {
  return decodeHTML(html.replace(/<[^>]*>/g, '')).trim();
}

/** Language tags as written, with en_US → en-US. */
export function langTag(v: string | undefined): string | undefined {
  return v?.trim().replace(/_/g, '-') || undefined;
}
