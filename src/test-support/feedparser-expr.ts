// A small evaluator for the Python `Expect:` expressions in feedparser's test corpus
// (comparisons, `and`/`or`/`not`, indexing, len()), over a plain view of a parsed feed. An expression
// it cannot evaluate honestly throws NotApplicable, never a pass.
import { canonicalEncoding } from '../ingest/parse/decode.ts';

export class NotApplicable extends Error {}

type Tok = { t: 'str' | 'num' | 'name' | 'op'; v: string };

function unescapePy(body: string): string {
  return body.replace(/\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|x[0-9a-fA-F]{2}|[0-7]{1,3}|.)/g, (_, e: string) => {
    if (e[0] === 'u' || e[0] === 'U' || e[0] === 'x') return String.fromCodePoint(parseInt(e.slice(1), 16));
    if (/^[0-7]/.test(e)) return String.fromCharCode(parseInt(e, 8));
    return ({ n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"' } as Record<string, string>)[e] ?? `\\${e}`;
  });
}

function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const str = /^[uUbBrR]{0,2}('''|"""|'|")/.exec(src.slice(i));
    if (str) {
      const raw = /r/i.test(str[0].slice(0, -str[1]!.length));
      const q = str[1]!;
      let j = i + str[0].length;
      let body = '';
      while (j < src.length && src.slice(j, j + q.length) !== q) {
        if (src[j] === '\\' && !raw) {
          body += src.slice(j, j + 2);
          j += 2;
        } else body += src[j++];
      }
      out.push({ t: 'str', v: raw ? body : unescapePy(body) });
      i = j + q.length;
      continue;
    }
    const num = /^-?\d+(\.\d+)?L?/.exec(src.slice(i));
    if (num && !/[A-Za-z_]/.test(src[i - 1] ?? '')) {
      out.push({ t: 'num', v: num[0].replace(/L$/, '') });
      i += num[0].length;
      continue;
    }
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i));
    if (name) {
      out.push({ t: 'name', v: name[0] });
      i += name[0].length;
      continue;
    }
    const op = /^(==|!=|<=|>=|[[\](),.:<>{}])/.exec(src.slice(i));
    if (!op) throw new NotApplicable(`cannot read "${src.slice(i, i + 10)}"`);
    out.push({ t: 'op', v: op[0] });
    i += op[0].length;
  }
  return out;
}

/** Evaluates a (small) Python expression against `scope`. */
export function evaluate(expr: string, scope: Record<string, unknown>): boolean {
  const toks = tokenize(expr);
  let p = 0;
  const peek = () => toks[p];
  const take = (v?: string) => {
    const t = toks[p++];
    if (!t || (v !== undefined && t.v !== v)) throw new NotApplicable(`expected ${v ?? 'more'} in ${expr}`);
    return t;
  };
  const orExpr = (): unknown => {
    let v = andExpr();
    while (peek()?.v === 'or') {
      take();
      const r = andExpr();
      v = truthy(v) ? v : r;
    }
    return v;
  };
  const andExpr = (): unknown => {
    let v = notExpr();
    while (peek()?.v === 'and') {
      take();
      const r = notExpr();
      v = truthy(v) ? r : v;
    }
    return v;
  };
  const notExpr = (): unknown => {
    if (peek()?.v === 'not') {
      take();
      return !truthy(notExpr());
    }
    return comparison();
  };
  const comparison = (): unknown => {
    const left = operand();
    const op = peek()?.v;
    if (op === '==' || op === '!=') {
      take();
      const eq = pyEqual(left, operand());
      return op === '==' ? eq : !eq;
    }
    if (op === 'in' || (op === 'not' && toks[p + 1]?.v === 'in')) {
      if (op === 'not') take();
      take('in');
      const right = operand();
      const has = Array.isArray(right)
        ? right.some((x) => pyEqual(x, left))
        : typeof right === 'string'
          ? right.includes(String(left))
          : right && typeof right === 'object'
            ? String(left) in right
            : false;
      return op === 'not' ? !has : has;
    }
    if (op === '<' || op === '>' || op === '<=' || op === '>=') throw new NotApplicable('ordering comparison');
    return left;
  };
  const operand = (): unknown => {
    let v = primary();
    for (;;) {
      const t = peek();
      if (t?.v === '[') {
        take();
        const key = orExpr();
        take(']');
        v = index(v, key);
      } else if (t?.v === '.') {
        take();
        const name = take().v;
        if (peek()?.v === '(') throw new NotApplicable(`method call .${name}()`);
        v = index(v, name);
      } else if (t?.v === '(') {
        throw new NotApplicable('call');
      } else return v;
    }
  };
  const primary = (): unknown => {
    const t = take();
    if (t.t === 'str') {
      let s = t.v;
      while (peek()?.t === 'str') s += take().v; // implicit concatenation
      return s;
    }
    if (t.t === 'num') return Number(t.v);
    if (t.v === '(') {
      const items: unknown[] = [];
      while (peek()?.v !== ')') {
        items.push(orExpr());
        if (peek()?.v === ',') take();
      }
      take(')');
      return items.length === 1 ? items[0] : items;
    }
    if (t.v === '[') {
      const items: unknown[] = [];
      while (peek()?.v !== ']') {
        items.push(orExpr());
        if (peek()?.v === ',') take();
      }
      take(']');
      return items;
    }
    if (t.t === 'name') {
      if (t.v === 'True') return true;
      if (t.v === 'False') return false;
      if (t.v === 'None') return null;
      if (t.v === 'len' && peek()?.v === '(') {
        take('(');
        const x = orExpr();
        take(')');
        if (x === undefined) throw new NotApplicable('len of unknown');
        return (x as { length?: number })?.length ?? Object.keys(x as object).length;
      }
      if (!(t.v in scope)) throw new NotApplicable(`name ${t.v}`);
      return scope[t.v];
    }
    throw new NotApplicable(`unexpected ${t.v}`);
  };
  const v = orExpr();
  if (p < toks.length) throw new NotApplicable(`trailing tokens in ${expr}`);
  return truthy(v);
}

function truthy(v: unknown): boolean {
  if (Array.isArray(v)) return v.length > 0;
  return !!v;
}

function index(v: unknown, key: unknown): unknown {
  if (Array.isArray(v) && typeof key === 'number') {
    if (key >= v.length || key < -v.length) return undefined; // IndexError: the expectation fails
    return v[key < 0 ? v.length + key : key];
  }
  if (v && typeof v === 'object' && typeof key === 'string') {
    if (!(key in v)) throw new NotApplicable(`key ${key}`);
    return (v as Record<string, unknown>)[key];
  }
  return undefined;
}

/** A charset name: equal to another when both decode the same way. */
export class Charset {
  constructor(readonly name: string) {}
}

function pyEqual(a: unknown, b: unknown): boolean {
  if (a instanceof Charset || b instanceof Charset) {
    const [x, y] = [a, b].map((v) => (v instanceof Charset ? v.name : String(v)));
    return canonicalEncoding(x!) === canonicalEncoding(y!);
  }
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => pyEqual(x, b[i]));
  if (typeof a === 'number' && typeof b === 'string') return String(a) === b;
  if (typeof a === 'string' && typeof b === 'number') return a === String(b);
  return a === b;
}
