#!/usr/bin/env node
// The compiled build: the server and CLI bundled into dist/ as plain JavaScript (code split, so a
// command loads only what it runs), and the browser scripts prebuilt into dist/islands/. What runs
// in production is dist/; no compiler or bundler is loaded at run time.
//   node scripts/build.mjs             build (npm runs it on install: the "prepare" script)
//   node scripts/build.mjs --if-stale  build only when a source file is newer than the last build
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const stamp = path.join(dist, '.build');

/** The newest modification time among the files the build reads. */
function newestSource() {
  let newest = 0;
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else newest = Math.max(newest, fs.statSync(p).mtimeMs);
    }
  };
  walk(path.join(root, 'src'));
  for (const f of ['package.json', 'package-lock.json', 'tsconfig.json', 'scripts/build.mjs'])
    if (fs.existsSync(path.join(root, f))) newest = Math.max(newest, fs.statSync(path.join(root, f)).mtimeMs);
  return newest;
}

export function isStale() {
  return !fs.existsSync(stamp) || fs.statSync(stamp).mtimeMs < newestSource();
}

export async function buildAll({ quiet = false } = {}) {
  const { build } = await import('esbuild');
  const started = performance.now();
  // Built beside dist/ and swapped in whole, so a running process or a second builder never sees half a build.
  const tmp = `${dist}.tmp-${process.pid}`;
  fs.rmSync(tmp, { recursive: true, force: true });
  await build({
    absWorkingDir: root,
    entryPoints: { main: 'src/main.ts', 'analyse-worker': 'src/curation/analyse-worker.ts' },
    outdir: tmp,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    define: { __MASTHEAD_COMPILED__: 'true' },
    // Folds the from-source branches away (esbuild, tsx), so the build cannot load them.
    minifySyntax: true,
    logLevel: 'warning',
  });
  for (const entry of ['app', 'sw']) {
    await build({
      absWorkingDir: root,
      entryPoints: [`src/web/islands/${entry}.ts`],
      outfile: path.join(tmp, 'islands', `${entry}.js`),
      bundle: true,
      minify: true,
      format: 'iife',
      target: 'es2020',
      logLevel: 'warning',
    });
  }
  fs.writeFileSync(path.join(tmp, '.build'), new Date().toISOString() + '\n');
  const old = `${dist}.old-${process.pid}`;
  if (fs.existsSync(dist)) fs.renameSync(dist, old);
  fs.renameSync(tmp, dist);
  fs.rmSync(old, { recursive: true, force: true });
  if (!quiet) process.stdout.write(`built dist/ in ${Math.round(performance.now() - started)} ms\n`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const ifStale = process.argv.includes('--if-stale');
  if (!ifStale || isStale()) await buildAll({ quiet: process.argv.includes('--quiet') });
}
