#!/usr/bin/env node
// The `masthead` command. It runs the compiled build in dist/ (made by `npm ci` through the
// "prepare" script, or here on first start, or again when a source file is newer than it).
// MASTHEAD_FROM_SOURCE=1 runs the TypeScript sources through tsx instead (development).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);

if (process.env.MASTHEAD_FROM_SOURCE === '1') {
  const { register } = await import('tsx/esm/api');
  register();
  const { main } = await import('../src/main.ts');
  await main(argv);
} else {
  const dist = path.join(root, 'dist', 'main.js');
  // A checkout is rebuilt when its sources change; in production (NODE_ENV=production) the build is
  // only made when missing, so a deployed copy never compiles at start.
  const checkout = process.env.NODE_ENV !== 'production' && fs.existsSync(path.join(root, 'src'));
  if (!fs.existsSync(dist) || checkout) {
    const { isStale, buildAll } = await import('../scripts/build.mjs');
    if (isStale()) {
      process.stderr.write('masthead: building dist/ from the sources…\n');
      await buildAll({ quiet: true });
    }
  }
  const { main } = await import(dist);
  await main(argv);
}
