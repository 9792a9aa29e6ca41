// `masthead feeds check`, run in-process: what the operator reads.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { feedsCommand } from './feeds.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-feeds-check-'));
const saved = { ...process.env };

beforeAll(() => {
  Object.assign(process.env, { DATA_DIR: dir, DATABASE_URL: '', LOG_LEVEL: 'silent', NO_COLOR: '1', DEMO: 'false' });
});
afterAll(() => {
  process.env = saved;
  fs.rmSync(dir, { recursive: true, force: true });
});

async function check(...args: string[]): Promise<{ out: string; error?: Error }> {
  let out = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  try {
    await feedsCommand()
      .exitOverride()
      .parseAsync(['check', ...args], { from: 'user' });
    return { out };
  } catch (error) {
    return { out, error: error as Error };
  } finally {
    spy.mockRestore();
  }
}

describe('masthead feeds check', () => {
  it('prints the notes of each article, in the text output and in --json', async () => {
    const feed = path.join(dir, 'feed.xml');
    fs.writeFileSync(
      feed,
      '<rss version="2.0"><channel><title>Checked</title><item><title>Future</title><link>https://c.example/1</link><pubDate>Mon, 23 Nov 2099 08:00:00 GMT</pubDate></item></channel></rss>',
    );
    const text = await check(feed);
    expect(text.error).toBeUndefined();
    expect(text.out).toMatch(
      /Future\n {2}https:\/\/c\.example\/1\n.*\n {2}note: the published date 2099-11-23T08:00:00\.000Z is more than 10 minutes in the future, so the fetch time .* was used instead\n/,
    );
    const json = JSON.parse((await check(feed, '--json')).out);
    expect(json.articles[0].notes[0]).toMatch(
      /^the published date 2099-11-23T08:00:00\.000Z is more than 10 minutes in the future/,
    );
  });

  it('refuses an unsupported scheme and a missing file with clear messages', async () => {
    const gopher = await check('gopher://host/feed');
    expect(gopher.error?.name).toBe('UsageError');
    expect(gopher.error?.message).toBe(
      'gopher://host/feed: unsupported URL scheme "gopher:"; feeds check fetches http, https or feed URLs, or reads a feed file given as a path',
    );
    const missing = await check(path.join(dir, 'missing.xml'));
    expect(missing.error?.message).toBe(
      `no such file: ${path.join(dir, 'missing.xml')} (give an http, https or feed URL, or the path of a feed file)`,
    );
  });
});
