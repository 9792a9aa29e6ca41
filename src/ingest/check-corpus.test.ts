// `feeds check FILE` over feedparser's corpus (files read without a URL, as an
// operator checks a saved feed): every item with an absolute http(s) link is
// kept, whatever base the feed states, and the counts of items read and
// skipped (with why) go to test-artifacts/ to compare before and after a change.
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { describeCorpus } from '../test-support/corpora.ts';
import { listCorpus } from '../test-support/feedparser-corpus.ts';
import { checkFeed } from './check.ts';
import type { Fetcher } from './fetch/types.ts';
import { parseFeed } from './parse/parse-feed.ts';

const isWebUrl = (link: string | undefined) => {
  try {
    return /^https?:$/.test(new URL(link ?? '').protocol);
  } catch {
    return false;
  }
};

const never: Fetcher = {
  fetch: () => {
    throw new Error('must not fetch');
  },
};

describeCorpus('feedparser-tests', 'feeds check over the feedparser corpus', (root) => {
  it('keeps every item whose link is absolute; counts what it skips and why', async () => {
    const files = listCorpus(root);
    let items = 0;
    const reasons = new Map<string, number>();
    const lost: string[] = [];
    for (const file of files) {
      let report;
      try {
        report = await checkFeed(file, { fetcher: never, now: Date.parse('2026-11-24T09:00:00Z') });
      } catch {
        continue; // not a feed at all (the parser's own suite covers these)
      }
      items += report.articles.length + report.skipped.length;
      const parsed = parseFeed(fs.readFileSync(file));
      for (const s of report.skipped) {
        reasons.set(s.reason, (reasons.get(s.reason) ?? 0) + 1);
        if (isWebUrl(parsed.items[s.index]?.link)) lost.push(`${path.relative(root, file)} #${s.index}`);
      }
    }
    const skipped = [...reasons.values()].reduce((a, b) => a + b, 0);
    const lines = [
      '# feeds check over the feedparser corpus',
      '',
      `${files.length} files, ${items} items, ${skipped} skipped, ${lost.length} of them with an absolute link.`,
      '',
      ...[...reasons.entries()].sort((a, b) => b[1] - a[1]).map(([r, n]) => `- ${n}: ${r}`),
    ];
    fs.mkdirSync('test-artifacts', { recursive: true });
    fs.writeFileSync('test-artifacts/feeds-check-corpus.md', lines.join('\n') + '\n');
    expect(items).toBeGreaterThan(1000);
    expect(lost).toEqual([]);
  }, 120_000);
});
