// Once before the suites: bring the compiled build (dist/) up to date, so tests that run the
// `masthead` command run what `npm start` runs, built from the sources under test.
// @ts-expect-error the build script is plain JavaScript without types
import { buildAll, isStale } from '../../scripts/build.mjs';

export default async function setup(): Promise<void> {
  if (isStale()) await buildAll({ quiet: true });
}
