// npm run bench [-- GROUP …]: runs benchmark groups, prints their tables, and
// merges their figures as flat keys into bench/results.json (not committed).
// Each part is a module exporting run(log) → Record<string, number>.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

type Part = () => Promise<{ run: (log: (line: string) => void) => Promise<Record<string, number>> }>;

const groups: Record<string, Record<string, Part>> = {
  ingest: {
    parse: () => import('./ingest/parse.ts'),
    extract: () => import('./ingest/extract.ts'),
    refresh: () => import('./ingest/refresh.ts'),
  },
  serve: {
    pages: () => import('./reader/serve.ts'),
    search: () => import('./reader/search.ts'),
    lighthouse: () => import('./reader/lighthouse.ts'),
  },
  curation: {
    dedupe: () => import('./curation/dedupe.ts'),
    topics: () => import('./curation/topics.ts'),
    entities: () => import('./curation/entities.ts'),
    clusters: () => import('./curation/clusters.ts'),
    speed: () => import('./curation/speed.ts'),
  },
  ops: {
    startup: () => import('./ops/startup.ts'),
    soak: () => import('./ops/soak.ts'),
    images: () => import('./ops/image-proxy.ts'),
    backup: () => import('./ops/backup.ts'),
    takeover: () => import('./ops/takeover.ts'),
  },
};

const here = path.dirname(fileURLToPath(import.meta.url));
const resultsFile = path.join(here, 'results.json');

async function main(): Promise<void> {
  const asked = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const unknown = asked.filter((g) => !groups[g] && !Object.values(groups).some((parts) => parts[g]));
  if (unknown.length) {
    console.error(`unknown benchmark group ${unknown.join(', ')}; groups: ${Object.keys(groups).join(', ')}`);
    process.exit(2);
  }
  const selected: [string, Part][] = [];
  for (const [name, parts] of Object.entries(groups)) {
    for (const [part, load] of Object.entries(parts)) {
      if (asked.length === 0 || asked.includes(name) || asked.includes(part)) selected.push([`${name}/${part}`, load]);
    }
  }
  const results: Record<string, number | string> = fs.existsSync(resultsFile)
    ? JSON.parse(fs.readFileSync(resultsFile, 'utf8'))
    : {};
  let failed = false;
  for (const [name, load] of selected) {
    console.log(`\n## ${name}`);
    try {
      const figures = await (await load()).run((line) => console.log(line));
      Object.assign(results, figures);
      for (const [k, v] of Object.entries(figures))
        console.log(`  ${k.padEnd(40)} ${typeof v === 'number' ? +v.toFixed(3) : v}`);
    } catch (err) {
      failed = true;
      console.error(`  ${name} failed: ${(err as Error).stack ?? err}`);
    }
  }
  results['_machine'] =
    `${process.platform} ${process.arch}, node ${process.version}, ${(await import('node:os')).cpus().length} cores`;
  results['_updated'] = new Date().toISOString();
  fs.writeFileSync(resultsFile, JSON.stringify(results, Object.keys(results).sort(), 2) + '\n');
  console.log(`\nfigures merged into ${path.relative(process.cwd(), resultsFile)}`);
  if (failed) process.exitCode = 1;
}

await main();
