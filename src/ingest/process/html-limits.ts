// Markup nested deeper than MAX_HTML_DEPTH, or beyond the first
// MAX_HTML_ELEMENTS elements, is unwrapped before any HTML parser sees it.
// htmlparser2 keeps its open elements in an array that it unshifts (10.x:
// O(depth) per tag) or searches from the end (8.x, inside sanitize-html), so
// deeply nested bodies cost time quadratic in their depth in every parse of
// them, and deep nesting overflowed recursive walks.
//
// We replay htmlparser2's own tokenizer and its rules for the stack of open
// elements (implied closes, void elements, self-closing tags in SVG and
// MathML) with a real stack, in linear time, and keep only the elements within
// the limits; the text of the others stays. Nothing is added except close tags
// for kept elements, and "<" and ">" in text are escaped, so no text can become
// markup: what comes out parses no deeper, and into no more elements, than the limits.
import { Tokenizer } from 'htmlparser2';
import { MAX_HTML_DEPTH, MAX_HTML_ELEMENTS } from '../parse/limits.ts';

// htmlparser2's Parser tables (dist/esm/Parser.js), which decide when an open element is closed.
const VOID = new Set([
  'area',
  'base',
  'basefont',
  'br',
  'col',
  'command',
  'embed',
  'frame',
  'hr',
  'img',
  'input',
  'isindex',
  'keygen',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);
const FORM = new Set(['input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea']);
const P = new Set(['p']);
const IMPLIES_CLOSE = new Map<string, Set<string>>([
  ['tr', new Set(['tr', 'th', 'td'])],
  ['th', new Set(['th'])],
  ['td', new Set(['thead', 'th', 'td'])],
  ['body', new Set(['head', 'link', 'script'])],
  ['li', new Set(['li'])],
  ['option', new Set(['option'])],
  ['optgroup', new Set(['optgroup', 'option'])],
  ['dd', new Set(['dd', 'dt'])],
  ['dt', new Set(['dd', 'dt'])],
  ['rt', new Set(['rt', 'rp'])],
  ['rp', new Set(['rt', 'rp'])],
  ['tbody', new Set(['thead', 'tbody'])],
  ['tfoot', new Set(['thead', 'tbody'])],
  ...['select', 'input', 'output', 'button', 'datalist', 'textarea'].map((t) => [t, FORM] as [string, Set<string>]),
  ...[
    'p',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'address',
    'article',
    'aside',
    'blockquote',
    'details',
    'div',
    'dl',
    'fieldset',
    'figcaption',
    'figure',
    'footer',
    'form',
    'header',
    'hr',
    'main',
    'nav',
    'ol',
    'pre',
    'section',
    'table',
    'ul',
  ].map((t) => [t, P] as [string, Set<string>]),
]);
const FOREIGN = new Set(['math', 'svg']);
const INTEGRATION = new Set(['mi', 'mo', 'mn', 'ms', 'mtext', 'annotation-xml', 'foreignobject', 'desc', 'title']);

export interface HtmlShape {
  /** Deepest nesting reached (or maxDepth + 1 when stopped there). */
  depth: number;
  /** Start tags seen (or maxElements + 1 when stopped there). */
  elements: number;
}

class Replay {
  readonly out: string[] = [];
  depth = 0;
  elements = 0;
  /** Elements left out for being too deep, and for coming after the first maxElements. */
  deeper = 0;
  beyond = 0;
  private readonly stack: { name: string; kept: boolean }[] = [];
  /** How many open elements have each name: a close tag that matches none costs nothing. */
  private readonly open = new Map<string, number>();
  private readonly foreign: boolean[] = [false];
  private pending: { name: string; start: number; kept: boolean } | null = null;
  tokenizer!: Tokenizer;

  constructor(
    private readonly html: string,
    private readonly limits: { maxDepth: number; maxElements: number; emit: boolean; stopEarly: boolean },
  ) {}

  /** Counts an element left out; a probe stops at the first. */
  private leaveOut(tooDeep: boolean): void {
    if (tooDeep) this.deeper++;
    else this.beyond++;
    if (this.limits.stopEarly) this.tokenizer.pause();
  }

  private push(name: string, over: boolean): boolean {
    const tooDeep = this.stack.length >= this.limits.maxDepth;
    const kept = !tooDeep && !over;
    this.stack.push({ name, kept });
    this.open.set(name, (this.open.get(name) ?? 0) + 1);
    if (this.stack.length > this.depth) this.depth = this.stack.length;
    if (!kept) this.leaveOut(tooDeep);
    return kept;
  }

  private pop(): void {
    const e = this.stack.pop()!;
    this.open.set(e.name, this.open.get(e.name)! - 1);
    if (e.kept && this.limits.emit) this.out.push(`</${e.name}>`);
  }

  onopentagname(start: number, end: number): void {
    const name = this.html.slice(start, end).toLowerCase();
    const over = ++this.elements > this.limits.maxElements;
    const implies = IMPLIES_CLOSE.get(name);
    if (implies) while (this.stack.length && implies.has(this.stack[this.stack.length - 1]!.name)) this.pop();
    let kept = !over;
    if (VOID.has(name)) {
      if (over) this.leaveOut(false);
    } else {
      kept = this.push(name, over);
      if (FOREIGN.has(name)) this.foreign.push(true);
      else if (INTEGRATION.has(name)) this.foreign.push(false);
    }
    this.pending = { name, start: start - 1, kept };
  }

  onopentagend(end: number): void {
    if (this.pending?.kept && this.limits.emit) this.out.push(this.html.slice(this.pending.start, end + 1));
    this.pending = null;
  }

  onselfclosingtag(end: number): void {
    const p = this.pending;
    this.pending = null;
    if (!p) return;
    const closes =
      this.foreign[this.foreign.length - 1] === true &&
      this.stack[this.stack.length - 1]?.name === p.name &&
      !VOID.has(p.name);
    if (p.kept && this.limits.emit) this.out.push(this.html.slice(p.start, end + 1));
    // pop() writes an explicit close tag as well: the copy is closed however "/>" is read again.
    if (closes) this.pop();
  }

  onclosetag(start: number, end: number): void {
    const name = this.html.slice(start, end).toLowerCase();
    if (FOREIGN.has(name) || INTEGRATION.has(name)) this.foreign.pop();
    // htmlparser2 makes an element of a stray </br> (and an empty one of a stray </p>): they count.
    if (name === 'br' || (name === 'p' && !this.open.get(name))) {
      if (++this.elements > this.limits.maxElements) this.leaveOut(false);
      else if (name === 'br' && this.limits.emit) this.out.push('<br>');
      return;
    }
    if (VOID.has(name) || !this.open.get(name)) return;
    while (this.stack.length) {
      const top = this.stack[this.stack.length - 1]!.name;
      this.pop();
      if (top === name) break;
    }
  }

  ontext(start: number, end: number): void {
    if (this.limits.emit) this.out.push(this.html.slice(start, end).replace(/</g, '&lt;').replace(/>/g, '&gt;'));
  }

  // Attributes travel inside the copied start tag; comments, CDATA and declarations are dropped.
  onattribdata(): void {}
  onattribentity(): void {}
  onattribend(): void {}
  onattribname(): void {}
  oncdata(): void {}
  oncomment(): void {}
  ondeclaration(): void {}
  onend(): void {}
  onprocessinginstruction(): void {}
  ontextentity(): void {}
}

function replay(html: string, limits: ConstructorParameters<typeof Replay>[1]): Replay {
  const r = new Replay(html, limits);
  // Entities stay as written: the copy is parsed again, and decoded then.
  r.tokenizer = new Tokenizer({ decodeEntities: false }, r);
  r.tokenizer.write(html);
  if (r.tokenizer.running) r.tokenizer.end();
  return r;
}

/** True when `html` has fewer than `n` "<": it cannot then open `n` elements. */
function fewTags(html: string, n: number): boolean {
  for (let i = html.indexOf('<'), seen = 0; i >= 0; i = html.indexOf('<', i + 1)) if (++seen >= n) return false;
  return true;
}

/** How deep and how large `html` is as htmlparser2 reads it, stopping as soon as a limit is passed. Linear. */
export function htmlShape(html: string, limits: { maxDepth: number; maxElements: number }): HtmlShape {
  const r = replay(html, { ...limits, emit: false, stopEarly: true });
  return { depth: r.depth, elements: r.elements };
}

export interface LimitedMarkup {
  html: string;
  /** Elements unwrapped for nesting deeper than maxDepth. */
  deeper: number;
  /** Elements unwrapped for coming after the first maxElements. */
  beyond: number;
}

/**
 * `html` with every element deeper than `maxDepth`, or after the first
 * `maxElements`, unwrapped (its text kept); the very same string when there is
 * none. Linear: one pass to look, a second only when something must go.
 */
export function limitMarkup(html: string, limits: { maxDepth?: number; maxElements?: number } = {}): LimitedMarkup {
  const maxDepth = limits.maxDepth ?? MAX_HTML_DEPTH;
  const maxElements = limits.maxElements ?? MAX_HTML_ELEMENTS;
  if (fewTags(html, Math.min(maxDepth, maxElements) + 1)) return { html, deeper: 0, beyond: 0 };
  const probe = replay(html, { maxDepth, maxElements, emit: false, stopEarly: true });
  if (probe.deeper + probe.beyond === 0) return { html, deeper: 0, beyond: 0 };
  const r = replay(html, { maxDepth, maxElements, emit: true, stopEarly: false });
  return { html: r.out.join(''), deeper: r.deeper, beyond: r.beyond };
}
