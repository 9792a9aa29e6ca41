// Client assets, kept in memory and served under content-hashed names with
// long cache lifetimes. The compiled build (scripts/build.mjs) prebuilds the
// browser scripts into dist/islands/; run from source (tests, development),
// they are bundled with esbuild at startup. The service worker is told the
// hashed names of the offline shell when it is loaded.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { iconPng } from './static/png.ts';
import { css } from './views/styles.ts';

const here = path.dirname(fileURLToPath(import.meta.url));

export interface Asset {
  body: Buffer;
  type: string;
  hash: string;
}

export type IconName = 'icon-192.png' | 'icon-512.png' | 'icon-maskable-512.png' | 'icon.svg';

export const assets: {
  appJs: string;
  appCss: string;
  icons: Record<IconName, string>;
  files: Map<string, Asset>;
  sw: Asset | null;
} = {
  appJs: '',
  appCss: '',
  icons: { 'icon-192.png': '', 'icon-512.png': '', 'icon-maskable-512.png': '', 'icon.svg': '' },
  files: new Map(),
  sw: null,
};

/** The app icon as SVG: the masthead's "M" on the brand blue. */
export const ICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="14" fill="#1f4e79"/><path d="M14 48V16h7l11 15 11-15h7v32h-7V28L32 42 21 28v20z" fill="#fbfaf7"/></svg>';

/** A browser script: prebuilt by the compiled build, bundled here when run from source. */
function bundle(entry: string, define: Record<string, string> = {}): Promise<Buffer> {
  return typeof __MASTHEAD_COMPILED__ !== 'undefined' ? prebuilt(entry, define) : bundleFromSource(entry, define);
}

async function prebuilt(entry: string, define: Record<string, string>): Promise<Buffer> {
  // The shell's names are free identifiers in the minified script: replaced here, as esbuild's define would.
  let text = await fs.promises.readFile(path.join(here, 'islands', entry.replace(/\.ts$/, '.js')), 'utf8');
  for (const [name, value] of Object.entries(define)) text = text.replaceAll(name, value);
  return Buffer.from(text);
}

async function bundleFromSource(entry: string, define: Record<string, string>): Promise<Buffer> {
  const { build } = await import('esbuild');
  const out = await build({
    entryPoints: [path.join(here, 'islands', entry)],
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2020',
    write: false,
    logLevel: 'silent',
    define,
  });
  return Buffer.from(out.outputFiles[0]!.contents);
}

const hashOf = (b: Buffer) => crypto.createHash('sha256').update(b).digest('base64url').slice(0, 10);

function add(name: string, body: Buffer, type: string): string {
  const hash = hashOf(body);
  const dot = name.lastIndexOf('.');
  const url = `/static/${name.slice(0, dot)}-${hash}${name.slice(dot)}`;
  assets.files.set(url, { body, type, hash });
  return url;
}

let built: Promise<void> | null = null;
export function buildAssets(): Promise<void> {
  built ??= (async () => {
    assets.appJs = add('app.js', await bundle('app.ts'), 'text/javascript; charset=utf-8');
    assets.appCss = add('app.css', Buffer.from(css.trim()), 'text/css; charset=utf-8');
    for (const [name, size, maskable] of [
      ['icon-192.png', 192, false],
      ['icon-512.png', 512, false],
      ['icon-maskable-512.png', 512, true],
    ] as const) {
      assets.icons[name] = add(name, iconPng(size, maskable), 'image/png');
    }
    assets.icons['icon.svg'] = add('icon.svg', Buffer.from(ICON_SVG), 'image/svg+xml');
    // The offline shell: the offline page and what it loads. Its version changes with them.
    const shell = ['/offline', assets.appJs, assets.appCss, assets.icons['icon-192.png'], assets.icons['icon.svg']];
    const sw = await bundle('sw.ts', {
      __SHELL__: JSON.stringify(shell),
      __SHELL_VERSION__: JSON.stringify(hashOf(Buffer.from(shell.join()))),
    });
    assets.sw = { body: sw, type: 'text/javascript; charset=utf-8', hash: hashOf(sw) };
  })();
  return built;
}
