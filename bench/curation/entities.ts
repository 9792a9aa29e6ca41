// Entity extraction speed over the BBC News corpus: milliseconds per article
// (headline as title, first paragraph as standfirst, the rest as text). The
// corpus is read at run time only, for measurement; none of its text is kept.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractEntities } from '../../src/analysis/entities.ts';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CORPUS = process.env.BBC_CORPUS_DIR ?? path.resolve(REPO, '../shared/corpora/bbc-news-topics');

function articles(): { title: string; standfirst: string; text: string }[] {
  const out: { title: string; standfirst: string; text: string }[] = [];
  const root = path.join(CORPUS, 'bbc');
  for (const cat of fs.readdirSync(root).sort()) {
    const dir = path.join(root, cat);
    if (!fs.statSync(dir).isDirectory()) continue;
    for (const f of fs
      .readdirSync(dir)
      .filter((x) => x.endsWith('.txt'))
      .sort()) {
      const [title = '', ...rest] = fs.readFileSync(path.join(dir, f), 'latin1').split('\n');
      const paras = rest
        .join('\n')
        .trim()
        .split(/\n\s*\n/);
      out.push({ title, standfirst: paras[0] ?? '', text: paras.slice(1).join('\n\n') });
    }
  }
  return out;
}

export async function entitiesBench(): Promise<Record<string, number>> {
  const all = articles();
  for (const a of all.slice(0, 100)) extractEntities(a); // warm up
  let found = 0;
  const t0 = performance.now();
  for (const a of all) found += extractEntities(a).length;
  const ms = (performance.now() - t0) / all.length;
  return { 'entities.ms_per_article': ms, 'entities.per_article': found / all.length, 'entities.articles': all.length };
}

/** The bench/run.ts part interface. */
export async function run(log: (line: string) => void): Promise<Record<string, number>> {
  const r = await entitiesBench();
  log(`  ${r['entities.articles']} articles, ${r['entities.ms_per_article']!.toFixed(2)} ms each`);
  return r;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  console.log(await entitiesBench());
}
