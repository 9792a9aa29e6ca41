// Client assets, built once at startup with esbuild and kept in memory,
// served with content hashes and long cache lifetimes.
import crypto from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { iconPng } from './static/png.ts';

const here = path.dirname(fileURLToPath(import.meta.url));

export interface Asset {
  body: Buffer;
  type: string;
  hash: string;
}

export const assets: { appJs: string; files: Map<string, Asset>; sw: Asset | null } = { appJs: '', files: new Map(), sw: null };

async function bundle(entry: string): Promise<Buffer> {
  const out = await build({ entryPoints: [path.join(here, 'islands', entry)], bundle: true, minify: true, format: 'iife', target: 'es2020', write: false, logLevel: 'silent' });
  return Buffer.from(out.outputFiles[0]!.contents);
}

const hashOf = (b: Buffer) => crypto.createHash('sha256').update(b).digest('base64url').slice(0, 10);

let built: Promise<void> | null = null;
export function buildAssets(): Promise<void> {
  built ??= (async () => {
    const app = await bundle('app.ts');
    const appHash = hashOf(app);
    assets.appJs = `/static/app-${appHash}.js`;
    assets.files.set(assets.appJs, { body: app, type: 'text/javascript; charset=utf-8', hash: appHash });
    const sw = await bundle('sw.ts');
    assets.sw = { body: sw, type: 'text/javascript; charset=utf-8', hash: hashOf(sw) };
    for (const [name, size, maskable] of [['icon-192.png', 192, false], ['icon-512.png', 512, false], ['icon-maskable-512.png', 512, true]] as const) {
      const png = iconPng(size, maskable);
      assets.files.set(`/static/${name}`, { body: png, type: 'image/png', hash: hashOf(png) });
    }
  })();
  return built;
}
