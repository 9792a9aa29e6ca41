// The compiled build is what runs: `masthead` starts from dist/ and serves pages, its browser scripts
// and service worker, without loading a TypeScript compiler or a bundler (tsx, esbuild, typescript).
import { spawn, execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const bin = path.resolve('bin/masthead.js');
const recorder = path.resolve('src/test-support/record-modules.mjs');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-compiled-'));
const loaded = path.join(dataDir, 'modules.txt');
const env = {
  ...process.env,
  DATA_DIR: dataDir,
  LOG_LEVEL: 'silent',
  DEMO: 'false',
  NO_COLOR: '1',
  MASTHEAD_FROM_SOURCE: '',
  NODE_ENV: 'production',
  PUBLIC_URL: 'http://127.0.0.1',
  RECORD_MODULES_TO: loaded,
};

afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const compilers = (urls: string[]) =>
  urls.filter((u) => /node_modules\/(tsx|esbuild|typescript|@esbuild)\//.test(u) || /\/src\/.*\.tsx?$/.test(u));

describe('the compiled build', { timeout: 120_000 }, () => {
  it('answers --help from dist/ without loading a compiler or the app', async () => {
    const r = await run(process.execPath, ['--import', recorder, bin, '--help'], { env });
    expect(r.stdout).toContain('publishers');
    const urls = fs.readFileSync(loaded, 'utf8').trim().split('\n');
    expect(urls.some((u) => u.endsWith('/dist/main.js'))).toBe(true);
    expect(compilers(urls)).toEqual([]);
    // The help loads the command list, not the server or the database drivers.
    expect(urls.filter((u) => /node_modules\/(fastify|better-sqlite3|kysely|compromise)\//.test(u))).toEqual([]);
  });

  it('serves pages, scripts and the service worker from dist/', async () => {
    fs.rmSync(loaded, { force: true });
    await run(process.execPath, [bin, 'migrate'], { env: { ...env, RECORD_MODULES_TO: '' } });
    const child = spawn(process.execPath, ['--import', recorder, bin, 'serve', '--no-ingest'], {
      env: { ...env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let out = '';
      const port = await new Promise<number>((resolve, reject) => {
        const seen = (chunk: Buffer) => {
          out += chunk.toString();
          const m = /Masthead is running at http:\/\/[^:]+:(\d+)/.exec(out);
          if (m) resolve(Number(m[1]));
        };
        child.stdout.on('data', seen);
        child.stderr.on('data', seen);
        child.on('exit', (code) => reject(new Error(`serve exited ${code}: ${out}`)));
      });
      const home = await fetch(`http://127.0.0.1:${port}/`);
      expect(home.status).toBe(200);
      const html = await home.text();
      const script = /\/static\/app-[\w-]+\.js/.exec(html)?.[0];
      expect(script).toBeTruthy();
      const js = await fetch(`http://127.0.0.1:${port}${script}`);
      expect(js.status).toBe(200);
      expect((await js.text()).length).toBeGreaterThan(500);
      const sw = await (await fetch(`http://127.0.0.1:${port}/sw.js`)).text();
      // The offline shell's names were written into the prebuilt worker.
      expect(sw).not.toContain('__SHELL__');
      expect(sw).toContain(script!);
      const urls = fs.readFileSync(loaded, 'utf8').trim().split('\n');
      expect(urls.some((u) => /node_modules\/fastify\//.test(u))).toBe(true);
      expect(compilers(urls)).toEqual([]);
    } finally {
      // A child that has already exited (it refused to start) must not be waited for.
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
    }
  });
});
