// The operator's CLI, run as a real process against a real SQLite file.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const bin = path.resolve('bin/masthead.js');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-cli-'));
const env = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent', NO_COLOR: '1' };

async function masthead(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { env, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

// Each command is a fresh Node process that loads TypeScript through tsx: seconds each on a busy 2-core machine.
describe('masthead CLI', { timeout: 120_000 }, () => {
  it('lists its commands', async () => {
    const r = await masthead('--help');
    for (const c of ['start', 'serve', 'ingest', 'migrate', 'publishers', 'feeds', 'refresh'])
      expect(r.stdout).toContain(c);
  });

  it('adds publishers and feeds, imports OPML, and shows a health table', async () => {
    expect((await masthead('migrate')).stdout).toMatch(/applied|up to date/);
    const add = await masthead(
      'publishers',
      'add',
      'harbour-gazette',
      'Harbour Gazette',
      '--homepage',
      'https://harbour.example',
      '--sections',
      'news,politics',
    );
    expect(add.stdout).toContain('added publisher');
    const bad = await masthead('publishers', 'add', 'Bad Slug', 'X', '--sections', 'nonsense');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/slug "Bad Slug".*unknown section "nonsense"/s);
    expect(
      (await masthead('feeds', 'add', 'https://harbour.example/feed.xml', '--publisher', 'harbour-gazette')).code,
    ).toBe(0);
    expect((await masthead('feeds', 'add', 'https://x.example/rss', '--publisher', 'nobody')).stderr).toMatch(
      /no publisher "nobody"/,
    );
    // Refused when added, in the words a fetch would use: a name resolving to a loopback address.
    const loopback = await masthead('feeds', 'add', 'http://localhost:9/feed', '--publisher', 'harbour-gazette');
    expect(loopback.code).toBe(1);
    expect(loopback.stderr).toMatch(/refused: localhost resolves to \S+, a loopback address \(set ALLOW_PRIVATE_FEEDS/);
    const opml = path.join(dataDir, 'subs.opml');
    fs.writeFileSync(
      opml,
      '<opml version="2.0"><body><outline text="News"><outline text="Coastal Courier" xmlUrl="https://courier.example/atom" htmlUrl="https://courier.example/"/></outline></body></opml>',
    );
    expect((await masthead('feeds', 'import', opml)).stdout).toContain('imported 1 of 1 feeds');
    const list = await masthead('feeds', 'list');
    expect(list.stdout).toMatch(/harbour-gazette\s+ok\s+never/);
    expect(list.stdout).toContain('coastal-courier');
    const json = JSON.parse((await masthead('feeds', 'list', '--json')).stdout);
    expect(json).toHaveLength(2);
  });

  it('checks a feed file without storing anything, and fails clearly on a bad one', async () => {
    const feed = path.join(dataDir, 'feed.xml');
    fs.writeFileSync(
      feed,
      `<rss version="2.0"><channel><title>Checked</title><item><title>One</title><link>https://c.example/1</link><description>${'Words here. '.repeat(30)}</description></item></channel></rss>`,
    );
    const ok = await masthead('feeds', 'check', feed, '--json');
    expect(ok.code).toBe(0);
    const report = JSON.parse(ok.stdout);
    expect(report.feed).toMatchObject({ title: 'Checked', version: 'rss 2.0', bozo: false });
    expect(report.articles[0]).toMatchObject({ title: 'One', url: 'https://c.example/1' });
    const bad = path.join(dataDir, 'page.html');
    fs.writeFileSync(bad, '<html><body>not a feed</body></html>');
    const failed = await masthead('feeds', 'check', bad);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/HTML page, not a feed/);
    expect((await masthead('feeds', 'check', 'http://127.0.0.1:1/feed')).stderr).toMatch(
      /refused: 127\.0\.0\.1 is a loopback address/,
    );
  });

  it('refuses bad configuration with a clear message', async () => {
    const { stderr, code } = await run(process.execPath, [bin, 'migrate'], { env: { ...env, PORT: 'eighty' } }).catch(
      (e) => e,
    );
    expect(code).toBe(1);
    expect(stderr).toMatch(/PORT="eighty": expected a whole number/);
  });
});
