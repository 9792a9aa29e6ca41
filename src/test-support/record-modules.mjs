// `node --import ./record-modules.mjs …`: appends every module the process loads (its resolved URL)
// to the file named by RECORD_MODULES_TO, so a test can tell what a command really loaded.
import { register } from 'node:module';

register(
  'data:text/javascript,' +
    encodeURIComponent(`
import fs from 'node:fs';
export async function resolve(specifier, context, next) {
  const r = await next(specifier, context);
  if (process.env.RECORD_MODULES_TO) fs.appendFileSync(process.env.RECORD_MODULES_TO, r.url + '\\n');
  return r;
}`),
);
