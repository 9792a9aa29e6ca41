// Our own hostile-content corpus for the end-to-end XSS suite
// (e2e/hostile-content.test.ts). Written for Masthead from what the public
// references teach (the OWASP XSS filter-evasion cheat sheet, PortSwigger's
// XSS cheat sheet, html5sec.org, the mutation-XSS research on sanitisers and
// the DOMPurify / sanitize-html bypass write-ups); no public file is copied.
//
// This file numbers and exports the corpus. Two parts:
//   - a curated core, family by family (payloads-core.ts, from
//     payloads-core-markup.ts, payloads-core-urls.ts and
//     payloads-core-contexts.ts): mutation XSS through the parser's
//     raw-text and foreign-content states (noscript, style, template, svg,
//     math/mglyph, foreignObject, iframe text), script URLs with every
//     obfuscation a URL parser forgives, srcdoc, formaction, xlink:href,
//     base/meta/link, comment and CDATA breakers, attribute breakers,
//     unclosed tags, entity-encoded and double-encoded markup that must stay
//     text, attacks on the contexts our own pages write text into (</title>,
//     </textarea>, </script>, -->, ]]>, JSON-LD, the RSS we serve), Unicode
//     and JavaScript escapes;
//   - generated combinations (payloads-generated.ts): auto-firing vectors
//     (tag x event handler) x context breakers, x mutation wrappers, x
//     encodings, and script-URL obfuscations x every URL-carrying attribute.
// Both are written in the template language of payloads-template.ts.
//
// Every payload has a unique numeric id N. Every payload that would run
// script calls a dialog function with N (alert(N), confirm(N), prompt(N),
// print(N), possibly obfuscated), so an execution names its payload. Payloads
// that cannot run script by themselves (a <base>, a <form> posting elsewhere,
// a <style>, an id that clobbers, an <object> or <embed> that would load
// active content from another host) carry N in a URL or a name, so markup
// that survives can still be traced back to it.
import { CORE } from './payloads-core.ts';
import { addGenerated, type AddPayload } from './payloads-generated.ts';
import { expand } from './payloads-template.ts';

export interface Payload {
  /** Unique, >= 1 (0 is the suite's positive control). */
  id: number;
  /** The hostile string, as a publisher would send it in an HTML field. */
  html: string;
  /** Where it comes from: the core family, or "gen:<kind>:<parts>". */
  family: string;
  /** True when it would run script (a dialog call carrying `id`) if it reached a page unsanitised. */
  runs: boolean;
  /** Meant for URL-valued fields (link, guid, image, enclosure) as well as HTML. */
  url?: boolean;
}

function build(): Payload[] {
  const out: Payload[] = [];
  const seen = new Set<string>();
  let next = 1;
  const add: AddPayload = (family, make, runs, url = false) => {
    const id = next;
    const html = make(id);
    // Distinct as templates: the same string with another id is the same payload.
    const key = html.split(String(id)).join('#');
    if (seen.has(key)) return;
    seen.add(key);
    next++;
    out.push({ id, html, family, runs, ...(url ? { url } : {}) });
  };

  for (const [family, list] of Object.entries(CORE)) {
    for (const item of list) {
      const t = typeof item === 'string' ? item : item.t;
      // A core payload runs script when it carries a dialog call (possibly escaped) with its id.
      const runs =
        typeof item !== 'string' && item.runs !== undefined
          ? item.runs
          : /\{A\}|\{C\}|@B64/.test(t) ||
            (t.includes('{N}') &&
              /alert|confirm|prompt|print|msgbox|lert|\\u0061|\\u\{61\}|&#97;|&#x61;|%61|\\x61|\\141/i.test(t));
      add(family, (id) => expand(t, id), runs, typeof item !== 'string' && !!item.url);
    }
  }

  addGenerated(add);
  return out;
}

/** The corpus, ids ascending from 1. */
export const PAYLOADS: readonly Payload[] = build();

export const PAYLOAD_BY_ID: ReadonlyMap<number, Payload> = new Map(PAYLOADS.map((p) => [p.id, p]));

/** Payloads that also make sense as the value of a URL field. */
export const URL_PAYLOADS: readonly Payload[] = PAYLOADS.filter((p) => p.url);

/**
 * Ids of corpus payloads named in a piece of markup or text (a finding's
 * outerHTML, a dialog's argument): every decimal number in it that is a
 * payload id, narrowed to `candidates` when given (the payloads known to be
 * on that page).
 */
export function idsIn(text: string, candidates?: ReadonlySet<number>): number[] {
  const found = new Set<number>();
  for (const m of text.matchAll(/\d{1,6}/g)) {
    const n = Number(m[0]);
    if (PAYLOAD_BY_ID.has(n) && (!candidates || candidates.has(n))) found.add(n);
  }
  return [...found];
}
