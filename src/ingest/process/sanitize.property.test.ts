// Properties of the sanitiser over arbitrary HTML from a grammar of allowed and
// disallowed tags (iframes from a video host with text children, figures,
// svg, math, noscript, style, template, textarea, …), hostile attributes and
// entity-encoded markup in text:
//
// 1. it is a fixed point: sanitising its output changes nothing;
// 2. its output survives a parse → serialise (dom-serializer, encodeEntities
//    'utf8') → parse round trip unchanged;
// 3. every element and attribute in it is in sanitize.ts's allowlist (read
//    from its source, so the test follows the allowlist), with safe URLs;
// 4. no text in it becomes markup: a text node's own characters parse to no
//    element, and an iframe (raw text to a browser, markup to htmlparser2)
//    holds nothing a browser could read differently.
//
// parse5 is not installed and linkedom parses with htmlparser2 too, so the
// browser's raw-text reading of <iframe> is checked directly (property 4).
import fs from 'node:fs';
import render from 'dom-serializer';
import { isTag, type AnyNode, type Element } from 'domhandler';
import fc from 'fast-check';
import { parseDocument } from 'htmlparser2';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { sanitizeArticleHtml, VIDEO_HOSTS } from './sanitize.ts';

const BASE = 'https://news.example/story/1';
const clean = (html: string) => sanitizeArticleHtml(html, BASE);
const RUNS = Number(process.env.MASTHEAD_FUZZ_RUNS ?? 300);

/** ALLOWED_TAGS and the allowedAttributes literal, read from sanitize.ts with the compiler (they are not exported). */
function allowlist(): { tags: Set<string>; attributes: Map<string, Set<string>> } {
  const file = new URL('./sanitize.ts', import.meta.url);
  const sf = ts.createSourceFile('sanitize.ts', fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const strings = (n: ts.Node | undefined) =>
    n && ts.isArrayLiteralExpression(n) ? n.elements.filter(ts.isStringLiteral).map((e) => e.text) : [];
  let tags: string[] = [];
  const attributes = new Map<string, Set<string>>();
  const visit = (n: ts.Node) => {
    if (ts.isVariableDeclaration(n) && n.name.getText(sf) === 'ALLOWED_TAGS') tags = strings(n.initializer);
    if (
      ts.isPropertyAssignment(n) &&
      n.name.getText(sf) === 'allowedAttributes' &&
      ts.isObjectLiteralExpression(n.initializer)
    ) {
      for (const p of n.initializer.properties)
        if (ts.isPropertyAssignment(p))
          attributes.set(p.name.getText(sf).replace(/['"]/g, ''), new Set(strings(p.initializer)));
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  if (tags.length < 10 || attributes.size < 5)
    throw new Error('could not read ALLOWED_TAGS / allowedAttributes from sanitize.ts');
  return { tags: new Set(tags), attributes };
}

// ---------------------------------------------------------------- the grammar

const ALLOWED = [
  'p',
  'a',
  'b',
  'i',
  'em',
  'strong',
  'span',
  'div',
  'figure',
  'figcaption',
  'img',
  'iframe',
  'ul',
  'li',
  'table',
  'tr',
  'td',
  'h1',
  'h2',
  'blockquote',
  'br',
  'pre',
  'code',
  'picture',
  'source',
  'q',
  'time',
];
const DISALLOWED = [
  'script',
  'style',
  'svg',
  'math',
  'noscript',
  'template',
  'textarea',
  'title',
  'xmp',
  'noembed',
  'noframes',
  'plaintext',
  'object',
  'embed',
  'form',
  'input',
  'button',
  'select',
  'option',
  'base',
  'meta',
  'link',
  'foreignObject',
  'annotation-xml',
  'mglyph',
  'mtext',
  'desc',
  'frameset',
  'video',
  'audio',
  'details',
  'marquee',
  'listing',
];
const ATTRIBUTES = [
  'onerror="alert(1)"',
  'onclick=alert(1)',
  'onload="x()"',
  'style="background:url(javascript:alert(1))"',
  'class="c"',
  'id="i"',
  'href="javascript:alert(1)"',
  'href="jav&#x09;ascript:alert(1)"',
  'href=" JaVaScRiPt:alert(1)"',
  'href="/relative"',
  'href="https://other.example/"',
  'href="mailto:a@b.example"',
  'href="data:text/html,<script>alert(1)</script>"',
  'src="javascript:alert(1)"',
  'src="https://www.youtube.com/embed/x"',
  'src="https://evil.example/"',
  'src="data:image/png;base64,AAAA"',
  'src="/i.jpg"',
  'src=x',
  'srcset="javascript:alert(1) 1x, /ok.jpg 2x"',
  'srcdoc="<script>alert(1)</script>"',
  'title="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"',
  "title='\"><img src=x onerror=alert(1)>'",
  'alt="</iframe><img src=x onerror=alert(1)>"',
  'cite="javascript:alert(1)"',
  'width="1" height="1"',
  'width="800"',
  'xmlns="http://www.w3.org/1999/xhtml"',
  'allowfullscreen',
  'sandbox=""',
];
const TEXTS = [
  'words',
  ' ',
  'Ferry & timetable',
  '&amp;',
  '&lt;img src=x onerror=alert(1)&gt;',
  '&lt;/iframe&gt;&lt;img src=x onerror=alert(1)&gt;',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '&amp;lt;b&amp;gt;',
  '&#60;svg onload=alert(1)&#62;',
  '<',
  '>',
  '&',
  '"',
  "'",
  ']]>',
  '<!--',
  '-->',
  '</',
  '<img src=x onerror=alert(1)//',
  '</p>',
  '</iframe>',
  '</textarea>',
  '</noscript>',
  '\u00a0',
  'café 😀',
  '&nbsp;',
  '&#0;',
  '\u0001',
];

type Node = string;

const textArb = fc.array(fc.constantFrom(...TEXTS), { minLength: 1, maxLength: 3 }).map((t) => t.join(''));
const attrsArb = fc
  .array(fc.constantFrom(...ATTRIBUTES), { maxLength: 3 })
  .map((a) => (a.length ? ` ${a.join(' ')}` : ''));

const { node: nodeArb } = fc.letrec<{ node: Node; element: Node }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    textArb,
    tie('element'),
    fc.constantFrom(
      '<!-- comment -->',
      '<![CDATA[<img src=x onerror=alert(1)>]]>',
      '<br/>',
      '<img src="/i.jpg">',
      '<?xml x?>',
    ),
  ),
  element: fc
    .record({
      tag: fc.constantFrom(...ALLOWED, ...DISALLOWED, 'IFRAME', 'ScRiPt'),
      attrs: attrsArb,
      children: fc.array(tie('node'), { maxLength: 4 }),
      closed: fc.boolean(),
    })
    .map(({ tag, attrs, children, closed }) => `<${tag}${attrs}>${children.join('')}${closed ? `</${tag}>` : ''}`),
}));

/** Fragments shaped like article bodies: an iframe with text children, a figure, and arbitrary nodes around them. */
const htmlArb = fc
  .tuple(fc.array(nodeArb, { maxLength: 5 }), textArb, fc.boolean())
  .map(
    ([nodes, text, frame]) =>
      (frame ? `<iframe src="https://www.youtube.com/embed/x">${text}</iframe>` : '') +
      `<figure><img src="/f.jpg"><figcaption>${text}</figcaption></figure>` +
      nodes.join(''),
  );

// ---------------------------------------------------------------- reading the output

interface Tree {
  name: string;
  attrs: [string, string][];
  children: (Tree | string)[];
}

/** The parse as plain data (tag, attributes, text), for comparison. Sanitised output is shallow (nesting limit 64). */
function tree(nodes: AnyNode[]): (Tree | string)[] {
  return nodes.flatMap((n): (Tree | string)[] => {
    if (n.type === 'text') return [(n as unknown as { data: string }).data];
    if (!isTag(n)) return [];
    return [{ name: n.name, attrs: Object.entries(n.attribs).sort(), children: tree(n.children) }];
  });
}

function elements(nodes: AnyNode[]): Element[] {
  const out: Element[] = [];
  const todo = [...nodes];
  while (todo.length) {
    const n = todo.pop()!;
    if (isTag(n)) {
      out.push(n);
      todo.push(...n.children);
    }
  }
  return out;
}

function safeUrl(tag: string, attr: string, value: string): boolean {
  const urls = attr === 'srcset' ? value.split(',').map((c) => c.trim().split(/\s+/)[0] ?? '') : [value];
  return urls.every((u) => {
    if (!u) return attr === 'cite'; // an unreadable cite is emptied
    let url: URL;
    try {
      url = new URL(u); // the sanitiser writes absolute URLs only
    } catch {
      return false;
    }
    if (tag === 'iframe') return url.protocol === 'https:' && VIDEO_HOSTS.includes(url.hostname);
    if (tag === 'img' || tag === 'source') return url.protocol === 'http:' || url.protocol === 'https:';
    return ['http:', 'https:', 'mailto:'].includes(url.protocol);
  });
}

describe('sanitizeArticleHtml, properties', () => {
  const allowed = allowlist();

  it('is a fixed point: sanitising its output changes nothing', () => {
    fc.assert(
      fc.property(htmlArb, (html) => {
        const once = clean(html);
        expect(clean(once)).toBe(once);
      }),
      { numRuns: RUNS },
    );
  });

  it('survives a parse → serialise → parse round trip unchanged', () => {
    fc.assert(
      fc.property(htmlArb, (html) => {
        const once = clean(html);
        const first = parseDocument(once);
        const again = parseDocument(render(first, { encodeEntities: 'utf8' }));
        expect(tree(again.children)).toEqual(tree(parseDocument(once).children));
      }),
      { numRuns: RUNS },
    );
  });

  it('keeps only allowlisted elements and attributes, with safe URLs', () => {
    fc.assert(
      fc.property(htmlArb, (html) => {
        for (const el of elements(parseDocument(clean(html)).children)) {
          expect(allowed.tags.has(el.name), `<${el.name}> is not allowed`).toBe(true);
          for (const [attr, value] of Object.entries(el.attribs)) {
            expect(allowed.attributes.get(el.name)?.has(attr), `${attr} on <${el.name}> is not allowed`).toBe(true);
            if (['href', 'src', 'cite', 'srcset'].includes(attr))
              expect(safeUrl(el.name, attr, value), `${attr}="${value}" on <${el.name}>`).toBe(true);
          }
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('never lets text become markup, for htmlparser2 or for a browser', () => {
    fc.assert(
      fc.property(htmlArb, (html) => {
        const out = clean(html);
        const doc = parseDocument(out, { withStartIndices: true, withEndIndices: true });
        const todo: AnyNode[] = [...doc.children];
        while (todo.length) {
          const n = todo.pop()!;
          if (n.type === 'text') {
            // The characters as written in the output: parsed on their own, they make no element.
            const raw = out.slice(n.startIndex!, n.endIndex! + 1);
            expect(
              elements(parseDocument(raw).children).map((e) => e.name),
              `text ${JSON.stringify(raw)} parses to elements`,
            ).toEqual([]);
          }
          if (!isTag(n)) continue;
          if (n.name === 'iframe') {
            // A browser reads an iframe's content as raw text up to the first "</iframe": htmlparser2 reads markup.
            // Only when it holds no elements and no "</iframe" do the two agree on where it ends.
            expect(
              elements(n.children).map((e) => e.name),
              'elements inside an <iframe>',
            ).toEqual([]);
            const inner = n.children.length
              ? out.slice(n.children[0]!.startIndex!, n.children[n.children.length - 1]!.endIndex! + 1)
              : '';
            expect(inner.toLowerCase()).not.toContain('</iframe');
          }
          todo.push(...n.children);
        }
      }),
      { numRuns: RUNS },
    );
  });
});
