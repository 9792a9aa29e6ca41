// How fast the compiled build starts, beside the same code run from source through tsx (the way
// every command ran before the build): the CPU `masthead --help` takes, and the time from launch to a
// healthy /healthz on a fresh data folder (migrations on an empty database, no demo content).
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const bin = path.resolve('bin/masthead.js');
const RUNS = Number(process.env.BENCH_STARTS ?? 5);

/** CPU seconds (user + system) of one command, as the shell's `times` reports its children. */
function cpuMs(env: NodeJS.ProcessEnv, args: string[]): number {
  const out = execFileSync('bash', ['-c', `"${process.execPath}" "${bin}" ${args.join(' ')} >/dev/null; times`], {
    env,
    encoding: 'utf8',
  });
  // `times` prints the shell's own line, then its children's: "0m0.071s 0m0.012s".
  const child = out.trim().split('\n').pop()!;
  const secs = [...child.matchAll(/(\d+)m([\d.]+)s/g)].map((m) => Number(m[1]) * 60 + Number(m[2]));
  return Math.round((secs[0]! + secs[1]!) * 1000);
}

async function startToHealthy(env: NodeJS.ProcessEnv): Promise<number> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-start-'));
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const started = performance.now();
  const child = spawn(process.execPath, [bin, 'start'], {
    env: { ...env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', DEMO: 'false', LOG_LEVEL: 'warn' },
    stdio: 'ignore',
  });
  try {
    for (;;) {
      const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) return Math.round(performance.now() - started);
      if (performance.now() - started > 60_000) throw new Error('not healthy within 60 s');
      await new Promise((r) => setTimeout(r, 10));
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function run(log: (line: string) => void): Promise<Record<string, number>> {
  const compiled = { ...process.env, NODE_ENV: 'production', PUBLIC_URL: 'http://127.0.0.1', MASTHEAD_FROM_SOURCE: '' };
  const source = { ...process.env, MASTHEAD_FROM_SOURCE: '1' };
  execFileSync(process.execPath, ['scripts/build.mjs', '--if-stale', '--quiet']);
  const help = { compiled: [] as number[], source: [] as number[] };
  const healthy = { compiled: [] as number[], source: [] as number[] };
  // Alternated, so a busy moment of the machine falls on both.
  for (let i = 0; i < RUNS; i++) {
    help.compiled.push(cpuMs(compiled, ['--help']));
    help.source.push(cpuMs(source, ['--help']));
    healthy.compiled.push(await startToHealthy(compiled));
    healthy.source.push(await startToHealthy(source));
  }
  log(`  --help CPU ms, compiled: ${help.compiled.join(' ')}; from source (tsx): ${help.source.join(' ')}`);
  log(`  start to healthy ms, compiled: ${healthy.compiled.join(' ')}; from source: ${healthy.source.join(' ')}`);
  const r = {
    'ops.cli_help_cpu_ms': median(help.compiled),
    'ops.cli_help_cpu_ms_from_source': median(help.source),
    'ops.start_to_healthy_ms': median(healthy.compiled),
    'ops.start_to_healthy_ms_from_source': median(healthy.source),
  };
  return {
    ...r,
    'ops.cli_help_cpu_ratio_vs_source': r['ops.cli_help_cpu_ms'] / r['ops.cli_help_cpu_ms_from_source'],
    'ops.start_to_healthy_ratio_vs_source': r['ops.start_to_healthy_ms'] / r['ops.start_to_healthy_ms_from_source'],
  };
}
