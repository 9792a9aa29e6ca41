// XML well-formedness check (saxes, namespace-aware), for the demo's tests
// and for anyone who wants to check a rendered feed.
import { SaxesParser } from 'saxes';

/** The first well-formedness error, or null when the document is well-formed. */
export function xmlError(xml: string): string | null {
  const p = new SaxesParser({ xmlns: true });
  let err: string | null = null;
  p.on('error', (e) => {
    err ??= e.message;
  });
  p.write(xml).close();
  return err;
}
