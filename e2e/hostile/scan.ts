// The dangerous-markup scan for the hostile-content suite. `hostileScan` runs
// inside the page (Playwright's page.evaluate serialises it, so it must stay
// self-contained: no imports, no outer variables, no helpers from the module).
//
// It reports, anywhere in the document:
//   - an attribute whose name starts with "on";
//   - a URL attribute (href, src, action, formaction, xlink:href, data,
//     poster, background, srcset, cite, ...) whose value is a javascript:,
//     vbscript: or data: URL once whitespace and control characters are taken
//     out (and as the browser itself resolves it);
//   - srcdoc, formaction;
//   - a <script> other than the page's own same-origin /static/app-*.js and a
//     well-formed application/ld+json block in <head>;
//   - an <iframe> that is not https on one of our video hosts, lacks a
//     sandbox (or widens it), has child nodes, or sits outside an article body;
//   - <object>, <embed>, <base>, <applet>, <frame>, <frameset> and friends;
//     <meta http-equiv>; <meta>/<link>/<style>/<title> outside <head>; a
//     <link> in <head> with a rel our pages never use; more than one <style>;
//   - inside an article body (div.body, or a whole fragment in fragment
//     mode): <form>, <input>, <button>, <textarea>, <select>, style
//     attributes, id/name attributes (DOM clobbering);
//   - any <form> whose action is not a same-origin path;
//   - <svg>, <math>, <template>, legacy raw-text elements, shadow roots.
//
// Our own pages legitimately carry forms (theme switch, save, sign in,
// editors' buttons), inline style attributes on mastheads and headings, one
// <style> in <head> (or our own /static/*.css), the app script and JSON-LD:
// none of those is reported.

export interface ScanFinding {
  /** What rule it broke: 'event-handler', 'script-url', 'script', 'iframe', ... */
  kind: string;
  /** The rule's words about this case. */
  detail: string;
  /** Where on the page: 'body', 'headline', 'standfirst', 'byline', 'lead-figure', 'card', 'head', ... */
  region: string;
  /** The element's start tag and the beginning of its markup. */
  markup: string;
}

export interface ScanArgument {
  /**
   * 'document': the live page. 'fragments': each of `fragments` parsed as a
   * body fragment (an inert <template>) and scanned as article-body content.
   * 'feed': `xml` parsed as XML; a parser error is a finding, and every
   * <item>'s <description> is scanned as HTML, as feed readers render it.
   * 'pages': each of `pages` (whole HTML documents, as served) parsed into an
   * inert document and scanned as the live page would be (no script runs;
   * declarative shadow roots are attached where the browser supports it).
   */
  mode: 'document' | 'fragments' | 'feed' | 'pages';
  /** Hosts iframes may point at (src/ingest/process/sanitize.ts VIDEO_HOSTS). */
  videoHosts: string[];
  /** Sandbox tokens our sanitiser sets (IFRAME_SANDBOX); anything more widens it. */
  sandboxTokens: string[];
  fragments?: { key: string; html: string }[];
  pages?: { key: string; html: string }[];
  xml?: string;
}

export interface ScanResult {
  findings: ScanFinding[];
  /** fragments and pages modes: findings per key. */
  byKey?: Record<string, ScanFinding[]>;
  /** feed mode: items seen (so the check cannot pass on an empty feed). */
  items?: number;
}

export function hostileScan(arg: ScanArgument): ScanResult {
  const URL_ATTRS = new Set([
    'href',
    'src',
    'action',
    'formaction',
    'xlink:href',
    'data',
    'poster',
    'background',
    'srcset',
    'cite',
    'codebase',
    'dynsrc',
    'lowsrc',
    'longdesc',
    'ping',
    'icon',
    'manifest',
    'archive',
    'classid',
    'profile',
    'imagesrcset',
    'itemtype',
    'code',
  ]);
  const FORBIDDEN = new Set([
    'object',
    'embed',
    'base',
    'applet',
    'frame',
    'frameset',
    'portal',
    'fencedframe',
    'bgsound',
    'param',
    'xmp',
    'plaintext',
    'noembed',
    'noframes',
    'listing',
    'keygen',
    'isindex',
  ]);
  const FORM_CONTROLS = new Set([
    'form',
    'input',
    'button',
    'textarea',
    'select',
    'option',
    'optgroup',
    'fieldset',
    'datalist',
    'output',
    'keygen',
  ]);
  const HEAD_LINK_RELS = new Set(['canonical', 'manifest', 'icon', 'apple-touch-icon', 'alternate']);
  const REGIONS: [string, string][] = [
    ['.body', 'body'],
    ['figure', 'lead-figure'],
    ['.standfirst', 'standfirst'],
    ['.byline', 'byline'],
    ['.tags', 'tags'],
    ['.paywall', 'paywall'],
    ['.masthead', 'masthead'],
    ['.card', 'card'],
    ['.report', 'story-report'],
    ['.results', 'search-results'],
    ['h1', 'headline'],
    ['head', 'head'],
    ['header', 'header'],
    ['footer', 'footer'],
    ['main', 'main'],
  ];
  const videoHosts = new Set(arg.videoHosts.map((h) => h.toLowerCase()));
  const sandboxTokens = new Set(arg.sandboxTokens);
  const origin = location.origin;

  const squash = (v: string) =>
    v
      .replace(/[\u0000-\u0020\u007f-\u00a0\u00ad\u1680\u180e\u2000-\u200f\u2028\u2029\u202f\u205f\u3000\ufeff]/g, '')
      .toLowerCase();
  const SCHEME = /^(javascript|vbscript|livescript|mocha|data|jar):/;
  const scriptUrl = (raw: string, base: string): string | null => {
    if (SCHEME.test(squash(raw))) return squash(raw).slice(0, 12);
    try {
      const p = new URL(raw, base).protocol;
      if (p === 'javascript:' || p === 'vbscript:' || p === 'data:') return p;
    } catch {
      /* not a URL at all: nothing a browser would follow */
    }
    return null;
  };
  const markupOf = (el: Element) => {
    const html = el.outerHTML;
    return html.length > 400 ? `${html.slice(0, 400)}…` : html;
  };
  const sameOriginPath = (value: string, base: string) => {
    const v = value.trim();
    if (!v.startsWith('/') || v.startsWith('//') || v.startsWith('/\\')) return false;
    try {
      return new URL(v, base).origin === origin;
    } catch {
      return false;
    }
  };

  function scanTree(
    root: ParentNode,
    opts: { fragment: boolean; regionOverride?: string; base: string },
  ): ScanFinding[] {
    const out: ScanFinding[] = [];
    const regionOf = (el: Element) => {
      if (opts.regionOverride) return opts.regionOverride;
      for (const [sel, name] of REGIONS) if (el.closest(sel)) return name;
      return 'document';
    };
    const add = (el: Element, kind: string, detail: string) =>
      out.push({ kind, detail, region: regionOf(el), markup: markupOf(el) });
    let styles = 0;
    let appScripts = 0;
    const walk = (start: ParentNode) => {
      const all = start.querySelectorAll('*');
      for (const el of Array.from(all)) {
        const tag = el.localName.toLowerCase();
        const inHead = !opts.fragment && !!el.closest('head');
        const inBody = opts.fragment || !!el.closest('.body');
        // Attributes.
        for (const attr of Array.from(el.attributes)) {
          const name = attr.name.toLowerCase();
          if (name.startsWith('on')) add(el, 'event-handler', `${name}=${attr.value.slice(0, 80)}`);
          if (name === 'srcdoc') add(el, 'srcdoc', attr.value.slice(0, 80));
          if (name === 'formaction') add(el, 'formaction', attr.value.slice(0, 80));
          if (URL_ATTRS.has(name) || name.endsWith(':href')) {
            const values =
              name === 'srcset' || name === 'imagesrcset'
                ? attr.value.split(',').map((c) => c.trim().split(/\s+/)[0] ?? '')
                : [attr.value];
            for (const v of values) {
              const bad = scriptUrl(v, opts.base);
              if (bad) add(el, 'script-url', `${name} is a ${bad} URL`);
            }
          }
          if (inBody && name === 'style') add(el, 'style-attr', `style in an article body: ${attr.value.slice(0, 80)}`);
          if (inBody && (name === 'id' || name === 'name'))
            add(el, 'clobber', `${name}="${attr.value.slice(0, 60)}" in an article body`);
          if (name === 'http-equiv') add(el, 'meta-http-equiv', attr.value.slice(0, 80));
        }
        // Elements.
        if (tag === 'script') {
          const type = (el.getAttribute('type') ?? '').trim().toLowerCase();
          const src = el.getAttribute('src');
          let ok = false;
          if (!opts.fragment && src !== null && !el.textContent?.trim()) {
            try {
              const u = new URL(src, opts.base);
              ok =
                u.origin === origin &&
                /^\/static\/app-[A-Za-z0-9_-]+\.js$/.test(u.pathname) &&
                !u.search &&
                !u.hash &&
                (type === '' || type === 'text/javascript');
              if (ok) appScripts++;
            } catch {
              ok = false;
            }
          } else if (!opts.fragment && src === null && type === 'application/ld+json' && inHead) {
            try {
              JSON.parse(el.textContent ?? '');
              ok = true;
            } catch {
              add(el, 'script', 'JSON-LD that is not JSON (its text was broken out of)');
              continue;
            }
          }
          if (!ok) add(el, 'script', 'a script that is not the page’s own');
        }
        if (tag === 'iframe') {
          const src = el.getAttribute('src') ?? '';
          let host = '';
          let protocol = '';
          try {
            const u = new URL(src, opts.base);
            host = u.hostname.toLowerCase();
            protocol = u.protocol;
          } catch {
            host = '';
          }
          if (!src || protocol !== 'https:' || !videoHosts.has(host))
            add(el, 'iframe', `iframe source not on a video host: ${src.slice(0, 100)}`);
          const sandbox = el.getAttribute('sandbox');
          if (sandbox === null) add(el, 'iframe', 'iframe without a sandbox');
          else {
            const extra = sandbox.split(/\s+/).filter((t) => t && !sandboxTokens.has(t));
            if (extra.length) add(el, 'iframe', `iframe sandbox widened: ${extra.join(' ')}`);
          }
          if (el.childNodes.length)
            add(el, 'iframe', `iframe with child nodes: ${(el.textContent ?? '').slice(0, 100)}`);
          if (!inBody) add(el, 'iframe', 'iframe outside an article body');
        }
        if (FORBIDDEN.has(tag)) add(el, 'forbidden-element', `<${tag}>`);
        if (tag === 'meta' && !inHead) add(el, 'out-of-head', '<meta> outside <head>');
        if (tag === 'title' && !inHead && el.namespaceURI === 'http://www.w3.org/1999/xhtml')
          add(el, 'out-of-head', '<title> outside <head>');
        if (tag === 'link') {
          if (!inHead) add(el, 'out-of-head', '<link> outside <head>');
          else {
            const rels = (el.getAttribute('rel') ?? '').toLowerCase().split(/\s+/).filter(Boolean);
            // Our own stylesheet: same origin, under /static/.
            const ownSheet =
              rels.length === 1 &&
              rels[0] === 'stylesheet' &&
              sameOriginPath(el.getAttribute('href') ?? '', opts.base) &&
              /^\/static\/[\w.-]+\.css$/.test(new URL(el.getAttribute('href')!, opts.base).pathname);
            if (!ownSheet && (!rels.length || rels.some((r) => !HEAD_LINK_RELS.has(r))))
              add(el, 'link', `<link rel="${rels.join(' ')}"> in <head>`);
          }
        }
        if (tag === 'style') {
          if (!inHead) add(el, 'style-element', '<style> outside <head>');
          else if (++styles > 1) add(el, 'style-element', 'a second <style> in <head>');
        }
        if (tag === 'svg' || tag === 'math') add(el, 'foreign-content', `<${tag}>`);
        if (tag === 'template') add(el, 'template', '<template>');
        if (inBody && FORM_CONTROLS.has(tag)) add(el, 'form-control', `<${tag}> in an article body`);
        if (tag === 'form') {
          const action = el.getAttribute('action');
          const method = (el.getAttribute('method') ?? '').toLowerCase();
          if (action !== null ? !sameOriginPath(action, opts.base) : method !== 'dialog' && inBody)
            add(el, 'form-action', `form posting to ${action ?? '(this page)'}`);
        }
        if (el.shadowRoot) {
          add(el, 'shadow-root', 'an element with a shadow root');
          walk(el.shadowRoot);
        }
      }
    };
    walk(root);
    if (appScripts > 1) out.push({ kind: 'script', detail: `${appScripts} app scripts`, region: 'head', markup: '' });
    return out;
  }

  if (arg.mode === 'fragments') {
    const byKey: Record<string, ScanFinding[]> = {};
    const findings: ScanFinding[] = [];
    for (const f of arg.fragments ?? []) {
      const t = document.createElement('template');
      t.innerHTML = f.html;
      const found = scanTree(t.content, { fragment: true, regionOverride: 'api-body', base: location.href });
      byKey[f.key] = found;
      findings.push(...found);
    }
    return { findings, byKey };
  }

  if (arg.mode === 'pages') {
    const byKey: Record<string, ScanFinding[]> = {};
    const findings: ScanFinding[] = [];
    const parse = (Document as unknown as { parseHTMLUnsafe?: (html: string) => Document }).parseHTMLUnsafe;
    for (const p of arg.pages ?? []) {
      const doc = parse ? parse.call(Document, p.html) : new DOMParser().parseFromString(p.html, 'text/html');
      const found = scanTree(doc, { fragment: false, base: new URL(p.key, location.origin).href });
      byKey[p.key] = found;
      findings.push(...found);
    }
    return { findings, byKey };
  }

  if (arg.mode === 'feed') {
    const doc = new DOMParser().parseFromString(arg.xml ?? '', 'application/xml');
    const findings: ScanFinding[] = [];
    const error = doc.getElementsByTagName('parsererror')[0];
    if (error)
      findings.push({
        kind: 'feed-not-well-formed',
        detail: (error.textContent ?? '').slice(0, 300),
        region: 'feed',
        markup: '',
      });
    const items = Array.from(doc.getElementsByTagName('item'));
    for (const item of items) {
      const description = item.getElementsByTagName('description')[0]?.textContent ?? '';
      const t = document.createElement('template');
      t.innerHTML = description;
      for (const f of scanTree(t.content, { fragment: true, regionOverride: 'feed-description', base: location.href }))
        findings.push(f);
    }
    return { findings, items: items.length };
  }

  return { findings: scanTree(document, { fragment: false, base: document.baseURI }) };
}
