// Where the shared test corpora are (../shared/corpora beside the repository,
// or MASTHEAD_CORPORA), and a describe() that runs only when one is there. A
// clone of the repository alone has none: the suites that need one are
// skipped, each saying so in one line. CI has them.
import fs from 'node:fs';
import path from 'node:path';
import { describe } from 'vitest';

export const CORPORA = process.env.MASTHEAD_CORPORA ?? path.resolve(import.meta.dirname, '../../../shared/corpora');

/** The corpus folder, or null when it is not there. */
export function corpusDir(name: string, probe = ''): string | null {
  const dir = path.join(CORPORA, name);
  return fs.existsSync(path.join(dir, probe)) ? dir : null;
}

/** A describe() over a corpus: skipped, with one line saying why, when the corpus is absent. */
export function describeCorpus(name: string, title: string, fn: (dir: string) => void, probe = ''): void {
  const dir = corpusDir(name, probe);
  if (!dir) {
    process.stdout.write(
      `skipped "${title}": no ${name} corpus at ${path.join(CORPORA, name)} (set MASTHEAD_CORPORA, or put ../shared/corpora beside the repository)\n`,
    );
    describe.skip(title, () => undefined);
    return;
  }
  describe(title, () => fn(dir));
}
