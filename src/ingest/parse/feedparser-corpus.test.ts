// feedparser's corpus: every file parses or fails with a clear FeedParseError,
// quickly; and at least 90% of the applicable well-formed expectations pass.
// The report (per folder, with every failure and why) goes to test-artifacts/.
import fs from 'node:fs';
import { expect, it } from 'vitest';
import { describeCorpus } from '../../test-support/corpora.ts';
import { listCorpus, runFile, type FileResult } from '../../test-support/feedparser-corpus.ts';

describeCorpus('feedparser-tests', 'the feedparser corpus', (root) => {
  it('reads the feedparser corpus: no crash, no hang, >= 90% of applicable well-formed expectations', () => {
    const files = listCorpus(root);
    expect(files.length).toBeGreaterThan(2000);
    const results: FileResult[] = files.map((f) => runFile(f, root)); // any non-FeedParseError throws here and fails the test
    const slow = results.filter((r) => r.ms > 2000);
    expect(slow).toEqual([]);

    const byFolder = new Map<string, Record<string, number>>();
    for (const r of results) {
      const c = byFolder.get(r.folder) ?? { pass: 0, fail: 0, 'n/a': 0 };
      c[r.outcome]!++;
      byFolder.set(r.folder, c);
    }
    const wf = results.filter((r) => r.folder.startsWith('wellformed'));
    const pass = wf.filter((r) => r.outcome === 'pass').length;
    const fail = wf.filter((r) => r.outcome === 'fail').length;
    const rate = pass / (pass + fail);

    const lines = [
      '# feedparser corpus report',
      '',
      `Well-formed: ${pass} pass, ${fail} fail, ${wf.length - pass - fail} not applicable: pass rate ${(rate * 100).toFixed(1)}% of applicable.`,
      '',
      '| folder | pass | fail | n/a |',
      '| --- | --- | --- | --- |',
      ...[...byFolder.entries()].sort().map(([f, c]) => `| ${f} | ${c.pass} | ${c.fail} | ${c['n/a']} |`),
      '',
      '## Failing expectations',
      '',
      ...results
        .filter((r) => r.outcome === 'fail')
        .map((r) => `- \`${r.file}\`: ${r.reason}. Expect: \`${r.expect}\``),
    ];
    fs.mkdirSync('test-artifacts', { recursive: true });
    fs.writeFileSync('test-artifacts/feedparser-report.md', lines.join('\n') + '\n');
    expect(rate).toBeGreaterThanOrEqual(0.9);
  });
});
