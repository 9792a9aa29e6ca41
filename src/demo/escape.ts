// Escaping for the demo source's documents (the one implementation is
// analysis/markup.ts), and CDATA sections that survive "]]>" in the content.
export { escapeAttr as escapeHtmlText, escapeXml } from '../analysis/markup.ts';

export function cdata(s: string): string {
  return `<![CDATA[${s.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
}
