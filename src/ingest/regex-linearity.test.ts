// Every regex literal in the code that reads untrusted text (feeds, pages,
// members' input, search queries, catalog names) must match in linear time:
// recheck (automata theory, with fuzzing where that cannot decide) must call it
// 'safe'. The only exceptions are in ALLOWED_REGEXES, each with the bound on
// the input it is ever applied to. One quadratic email pattern once froze
// ingestion for an hour on a single 2 MB author name.
//
// recheck takes ~12 s for ~300 patterns, so verdicts are cached by recheck
// version, pattern and flags under node_modules/.cache: an edited or new
// pattern is always checked afresh.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { checkSync, type Diagnostics } from 'recheck';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ALLOWED_REGEXES } from '../test-support/regex-allowlist.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SCANNED = ['src/ingest', 'src/analysis', 'src/search', 'src/members', 'src/catalog'];
const CACHE = path.join(ROOT, 'node_modules/.cache/masthead-regex-linearity.json');
const RECHECK_VERSION = (createRequire(import.meta.url)('recheck/package.json') as { version: string }).version;

interface Literal {
  file: string;
  line: number;
  source: string;
  flags: string;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) return sourceFiles(rel);
    return /\.tsx?$/.test(e.name) && !/\.test(-support)?\.tsx?$/.test(e.name) ? [rel] : [];
  });
}

/** Every regex literal in a file, found by the compiler's own scanner (no guessing at what is a regex). */
function literalsIn(file: string): Literal[] {
  const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
  const sf = ts.createSourceFile(
    file,
    text,
    ts.ScriptTarget.Latest,
    true,
    file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const out: Literal[] = [];
  const visit = (node: ts.Node) => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const raw = node.getText(sf);
      const slash = raw.lastIndexOf('/');
      out.push({
        file,
        line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1,
        source: raw.slice(1, slash),
        flags: raw.slice(slash + 1),
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

type Verdict = { status: Diagnostics['status']; detail: string };

function loadCache(): Record<string, Verdict> {
  try {
    return JSON.parse(fs.readFileSync(CACHE, 'utf8')) as Record<string, Verdict>;
  } catch {
    return {};
  }
}

function verdict(lit: Literal, cache: Record<string, Verdict>): Verdict {
  const key = `${RECHECK_VERSION} /${lit.source}/${lit.flags}`;
  const hit = cache[key];
  if (hit) return hit;
  // A generous timeout: on a loaded machine the fuzzing checker must still reach a verdict.
  const d = checkSync(lit.source, lit.flags, { timeout: 60_000 });
  const v: Verdict =
    d.status === 'vulnerable'
      ? {
          status: d.status,
          detail: `${d.complexity.type}${d.complexity.type === 'polynomial' ? ` (degree ${d.complexity.degree})` : ''}, attack ${d.attack.pattern}`,
        }
      : d.status === 'unknown'
        ? { status: d.status, detail: `${d.error.kind}` }
        : { status: d.status, detail: `${d.complexity.type} (${d.checker})` };
  // 'unknown' is not remembered: it is usually a timeout, and the next run may decide.
  if (v.status !== 'unknown') cache[key] = v;
  return v;
}

const allowed = (lit: Literal) =>
  ALLOWED_REGEXES.find((a) => a.file === lit.file && a.source === lit.source && a.flags === lit.flags);

describe('regex linearity', () => {
  const literals = SCANNED.flatMap(sourceFiles).flatMap(literalsIn);

  it('finds the regex literals to check', () => {
    expect(literals.length).toBeGreaterThan(150);
    expect(literals.some((l) => l.file === 'src/ingest/process/authors.ts')).toBe(true);
  });

  it('every allowlisted regex still exists, and says what bounds its input', () => {
    for (const a of ALLOWED_REGEXES) {
      expect(
        literals.some((l) => allowed(l) === a),
        `${a.file}: /${a.source}/${a.flags} is allowlisted but no longer in the file`,
      ).toBe(true);
      expect(a.bound.length).toBeGreaterThan(20);
      expect(a.maxInput).toBeGreaterThan(0);
    }
  });

  it('every other regex literal is linear on every input (recheck: safe)', () => {
    const cache = loadCache();
    const bad: string[] = [];
    try {
      for (const lit of literals) {
        if (allowed(lit)) continue;
        const v = verdict(lit, cache);
        if (v.status !== 'safe')
          bad.push(`${lit.file}:${lit.line} /${lit.source}/${lit.flags}: ${v.status}, ${v.detail}`);
      }
    } finally {
      fs.mkdirSync(path.dirname(CACHE), { recursive: true });
      fs.writeFileSync(CACHE, JSON.stringify(cache, null, 1));
    }
    // Fix the pattern (or bound its input and add it to ALLOWED_REGEXES with that bound).
    expect(bad).toEqual([]);
  }, 300_000);
});
