// Escaping text for the three places we write it: HTML text, HTML attribute
// values and XML (feeds out, sitemaps). One helper each, so no surface rolls
// its own. XML 1.0 cannot carry C0 controls (other than tab, LF and CR), lone
// surrogates, U+FFFE or U+FFFF at all, not even as references: they are
// dropped, or a reader app refuses the whole document.
import { escapeAttribute, escapeText } from 'entities';

/** Text between tags: &, <, > and non-breaking space escaped. */
export const escapeHtml = (s: string): string => escapeText(s);

/** A double-quoted attribute value: & and " escaped. */
export const escapeAttr = (s: string): string => escapeAttribute(s);

// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Drops the characters XML 1.0 cannot represent. */
export const xmlSafe = (s: string): string => s.replace(NOT_XML, '');

/** Text or a double-quoted attribute value in XML: invalid characters dropped, &, <, >, " escaped. */
export const escapeXml = (s: string): string => xmlSafe(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
