// What the hostile-content suite (e2e/hostile-content.test.ts) reports: the
// problems its visits, hooks and scans found, each with the payload ids it
// names, grouped by kind of problem with the fields, channels, viewers and
// pages it was seen with; and the artifacts (test-artifacts/) that keep them.
import fs from 'node:fs';
import path from 'node:path';
import type { HookEvent, Viewer, VisitResult } from './harness.ts';
import { placements, type Field } from './layout.ts';
import { idsIn } from './payloads.ts';

const ARTIFACTS = path.resolve('test-artifacts');

/** One thing wrong on one page (surface) for one viewer, with the payload ids it names. */
export interface Problem {
  viewer: Viewer | '-';
  surface: string;
  article?: string;
  kind: string;
  region: string;
  detail: string;
  markup: string;
  ids: number[];
}

/** Fields a page shows of articles other than its own: cards (headline, standfirst, picture, names), the feed out (headline, standfirst). */
const LIST_FIELDS: Field[] = ['title', 'summary', 'image-url', 'author', 'category', 'caption', 'feed-title'];

/** Where the payloads came in: on an article's own page, its fields; elsewhere, the fields lists show, if any holds them. */
function fieldsOf(ids: number[], article?: string): string[] {
  const out = new Set<string>();
  for (const id of ids) {
    const ps = placements.get(id) ?? [];
    const here = article ? ps.filter((p) => p.key === article) : ps.filter((p) => LIST_FIELDS.includes(p.field));
    for (const p of (here.length ? here : ps).slice(0, 4)) out.add(`${p.key}:${p.field}`);
  }
  return [...out];
}

/** The element a finding is about: its tag name (or the dialog function for an execution). */
function subject(p: Problem): string {
  if (p.kind === 'EXECUTED') return p.detail.replace(/\(.*$/, '');
  return /^<([a-zA-Z][\w:-]*)/.exec(p.markup)?.[1]?.toLowerCase() ?? '-';
}

/** One entry per kind of problem (rule, page region, element), with every payload id, field, viewer and page it was seen with, and a few samples. */
export function report(problems: Problem[]): string[] {
  const groups = new Map<
    string,
    {
      ids: Set<number>;
      viewers: Set<string>;
      surfaces: Set<string>;
      fields: Set<string>;
      channels: Set<string>;
      samples: Set<string>;
    }
  >();
  for (const p of problems) {
    const key = `${p.kind} | ${p.region} | ${subject(p)}`;
    const g = groups.get(key) ?? {
      ids: new Set<number>(),
      viewers: new Set<string>(),
      surfaces: new Set<string>(),
      fields: new Set<string>(),
      channels: new Set<string>(),
      samples: new Set<string>(),
    };
    for (const id of p.ids) g.ids.add(id);
    g.viewers.add(p.viewer);
    g.surfaces.add(p.article ? `${p.surface} (${p.article})` : p.surface);
    for (const f of fieldsOf(p.ids, p.article)) {
      g.fields.add(f.replace(/^.*:/, ''));
      g.channels.add(f.replace(/-\d+:[^:]*$/, '').replace(/:[^:]*$/, ''));
    }
    if (g.samples.size < 3) g.samples.add(`${p.detail.slice(0, 120)} :: ${p.markup.slice(0, 240)}`);
    groups.set(key, g);
  }
  return [...groups.entries()].map(([key, g]) => {
    const ids = [...g.ids].sort((a, b) => a - b);
    const surfaces = [...g.surfaces];
    return [
      key,
      `  ${ids.length} payload ids: ${ids.slice(0, 20).join(',')}${ids.length > 20 ? ' …' : ''}`,
      `  fields: ${[...g.fields].sort().join(', ') || '?'}; channels: ${[...g.channels].sort().join(', ') || '?'}`,
      `  seen as ${[...g.viewers].join('/')} on ${surfaces.length} pages: ${surfaces.slice(0, 5).join(' ')}${surfaces.length > 5 ? ' …' : ''}`,
      ...[...g.samples].map((x) => `  e.g. ${x}`),
    ].join('\n');
  });
}

/** Keeps what a test saw as test-artifacts/<name> (JSON). */
export function saveArtifact(name: string, data: unknown): void {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  fs.writeFileSync(path.join(ARTIFACTS, name), JSON.stringify(data, null, 1));
}

/** The payloads placed in one article (spec key): the ids a finding on its page can be about. */
export function candidatesOf(key: string): Set<number> {
  return new Set([...placements.entries()].filter(([, ps]) => ps.some((p) => p.key === key)).map(([id]) => id));
}

/** Problems in visits to our pages: failed loads, navigation away, and scan findings, with the payload ids they name. */
export function visitProblems(visits: VisitResult[], base: string, keyOfId: ReadonlyMap<number, string>): Problem[] {
  const problems: Problem[] = [];
  for (const r of visits) {
    const article = /^\/a\/(\d+)/.exec(r.path)?.[1];
    const key = article ? keyOfId.get(Number(article)) : undefined;
    const candidates = key ? candidatesOf(key) : undefined;
    if (r.error || r.status >= 400 || r.status === 0)
      problems.push({
        viewer: r.viewer,
        surface: r.path,
        article: key,
        kind: 'http',
        region: '-',
        detail: `status ${r.status} ${r.error ?? ''}`,
        markup: '',
        ids: [],
      });
    if (r.finalUrl && !r.finalUrl.startsWith(base))
      problems.push({
        viewer: r.viewer,
        surface: r.path,
        article: key,
        kind: 'navigated-away',
        region: '-',
        detail: r.finalUrl.slice(0, 200),
        markup: '',
        ids: idsIn(r.finalUrl, candidates),
      });
    for (const f of r.findings)
      problems.push({
        viewer: r.viewer,
        surface: r.path,
        article: key,
        kind: f.kind,
        region: f.region,
        detail: f.detail,
        markup: f.markup,
        ids: idsIn(`${f.detail} ${f.markup}`, candidates),
      });
  }
  return problems;
}

/** Problems the hooks saw: dialogs (an execution), CSP violations, popups, with the payload ids they name. */
export function eventProblems(events: HookEvent[], base: string, keyOfId: ReadonlyMap<number, string>): Problem[] {
  const problems: Problem[] = [];
  for (const e of events) {
    const where = e.href.startsWith(base) ? e.href.slice(base.length) : e.href;
    const article = /^\/a\/(\d+)/.exec(where)?.[1];
    const key = article ? keyOfId.get(Number(article)) : undefined;
    const text = JSON.stringify(e.data);
    if (e.kind === 'dialog' || e.kind === 'native-dialog') {
      problems.push({
        viewer: e.viewer,
        surface: where,
        article: key,
        kind: 'EXECUTED',
        region: '-',
        detail: `${String(e.data.fn ?? e.data.type)}(${String(e.data.arg)})`,
        markup: '',
        ids: idsIn(String(e.data.arg)),
      });
    } else if (e.kind === 'csp') {
      problems.push({
        viewer: e.viewer,
        surface: where,
        article: key,
        kind: 'csp-violation',
        region: '-',
        detail: `${String(e.data.directive)} blocked ${String(e.data.blocked)} ${String(e.data.sample ?? '')}`.slice(
          0,
          200,
        ),
        markup: String(e.data.target ?? ''),
        ids: idsIn(`${String(e.data.sample)} ${String(e.data.target)} ${String(e.data.blocked)}`),
      });
    } else {
      problems.push({
        viewer: e.viewer,
        surface: where,
        article: key,
        kind: e.kind,
        region: '-',
        detail: text.slice(0, 200),
        markup: '',
        ids: idsIn(text),
      });
    }
  }
  return problems;
}
