// Escaping text for where we write it: HTML text, HTML attribute values and
// XML (feeds out, sitemaps, the demo's feeds). The one implementation: no
// surface rolls its own. XML 1.0 cannot carry C0 controls (other than tab, LF
// and CR), lone surrogates, U+FFFE or U+FFFF at all, not even as references:
// they are dropped, or a reader app refuses the whole document.

/** Text between tags. */
export const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A double-quoted attribute value (or text: it is safe there too). */
export const escapeAttr = (s: string): string => escapeHtml(s).replace(/"/g, '&quot;');

const NOT_XML =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Drops the characters XML 1.0 cannot represent. */
export const xmlSafe = (s: string): string => s.replace(NOT_XML, '');

/** Text or a double-quoted attribute value in XML: invalid characters dropped, &, <, >, " escaped. */
export const escapeXml = (s: string): string => escapeAttr(xmlSafe(s));
