// The house rules of docs/architecture.md that a linter does not check:
// no SQL above the domain modules, short named route handlers, small files.
// (The import boundaries are ESLint rules: eslint.config.js.)
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', 'src'], {
  encoding: 'utf8',
})
  .split('\n')
  .filter(
    (f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f) && !f.startsWith('src/test-support/') && fs.existsSync(f),
  );
const source = (f: string) =>
  ts.createSourceFile(
    f,
    fs.readFileSync(f, 'utf8'),
    ts.ScriptTarget.Latest,
    true,
    f.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
const EDGE = /^src\/(web|api|http|cli|jobs|metrics)\/|^src\/(server\.tsx|main\.ts|app\.ts)$/;
const ROUTE_METHODS = new Set(['get', 'post', 'put', 'delete', 'patch', 'head', 'all']);
const MAX_HANDLER_LINES = 60;
const MAX_FILE_LINES = 400;

/** The route handlers a file registers (app.get(path, handler) and the like), with their lengths in lines. */
function handlers(f: string): { name: string; lines: number }[] {
  const sf = source(f);
  const decls = new Map<string, ts.Node>();
  const out: { name: string; lines: number }[] = [];
  const lines = (n: ts.Node) =>
    sf.getLineAndCharacterOfPosition(n.getEnd()).line - sf.getLineAndCharacterOfPosition(n.getStart()).line + 1;
  const collect = (n: ts.Node): void => {
    if (ts.isFunctionDeclaration(n) && n.name) decls.set(n.name.text, n);
    if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.initializer) decls.set(n.name.text, n.initializer);
    ts.forEachChild(n, collect);
  };
  collect(sf);
  const visit = (n: ts.Node): void => {
    if (
      ts.isCallExpression(n) &&
      ts.isPropertyAccessExpression(n.expression) &&
      ROUTE_METHODS.has(n.expression.name.text) &&
      /^(app|scope)$/.test(n.expression.expression.getText()) &&
      n.arguments.length >= 2 &&
      ts.isStringLiteralLike(n.arguments[0]!)
    ) {
      const handler = n.arguments[n.arguments.length - 1]!;
      const path = (n.arguments[0] as ts.StringLiteral).text;
      if (ts.isIdentifier(handler)) {
        const decl = decls.get(handler.text);
        if (decl) out.push({ name: `${path} (${handler.text})`, lines: lines(decl) });
      } else if (ts.isCallExpression(handler)) {
        // a handler made by a factory (list('…', view)): the view function named in it is the handler's body
        for (const a of handler.arguments)
          if (ts.isIdentifier(a) && decls.has(a.text))
            out.push({ name: `${path} (${a.text})`, lines: lines(decls.get(a.text)!) });
      } else out.push({ name: `${path} (inline)`, lines: lines(handler) });
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

describe('the house rules', () => {
  it('keeps SQL in the domain modules: none in web, api, http, cli, jobs or metrics', () => {
    const found = files
      .filter((f) => EDGE.test(f))
      .flatMap((f) =>
        /\b(selectFrom|insertInto|updateTable|deleteFrom)\(|\bsql`/.test(fs.readFileSync(f, 'utf8')) ? [f] : [],
      );
    expect(found).toEqual([]);
  });

  it(`keeps route handlers named and short (at most ${MAX_HANDLER_LINES} lines)`, () => {
    const routes = files
      .filter((f) => /^src\/(web\/routes|api|demo)\//.test(f))
      .flatMap((f) => handlers(f).map((h) => ({ ...h, file: f })));
    expect(routes.length).toBeGreaterThan(60); // the check sees the routes it is meant to see
    expect(routes.filter((h) => h.name.endsWith('(inline)'))).toEqual([]);
    expect(routes.filter((h) => h.lines > MAX_HANDLER_LINES)).toEqual([]);
  });

  it(`keeps source files under ${MAX_FILE_LINES} lines`, () => {
    const long = files
      .map((f) => ({ f, n: fs.readFileSync(f, 'utf8').split('\n').length }))
      .filter((x) => x.n > MAX_FILE_LINES);
    expect(long).toEqual([]);
  });
});
