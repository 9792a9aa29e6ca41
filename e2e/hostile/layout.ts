// Which payload goes where in the hostile-content suite (e2e/hostile-content.test.ts):
// the corpus cut into body batches (payloads that would swallow what follows go
// last, in body tails), the newsroom prose around them, and the specs of every
// hostile article, one field at a time. `placements` records each payload's
// article and field, so a failure can name where a payload came in.
import { isTag } from 'domhandler';
import { textContent } from 'domutils';
import { parseDocument } from 'htmlparser2';
import { canonicalUrl } from '../../src/ingest/process/canonical-url.ts';
import { sanitizeArticleHtml } from '../../src/ingest/process/sanitize.ts';
import { htmlToText } from '../../src/ingest/process/text.ts';
import { PAYLOADS, URL_PAYLOADS, type Payload } from './payloads.ts';

export const DAY = 86_400_000;

/** Closes whatever a payload may have left open, so the payloads after it are parsed as markup again: end tags first, then quotes, comments and CDATA too. */
const RESET_TAGS =
  '</textarea></title></style></script></xmp></iframe></noembed></noframes></noscript></template></plaintext></option></select></form></frameset></svg></svg></svg></math></math></object>';
const RESET_ALL = `"'>-->${RESET_TAGS}]]>`;
/** Closes the containers a payload may have left open, so the prose after a batch is not inside one of them. */
const CLOSE_CONTAINERS =
  '</a></abbr></b></code></del></em></i></ins></mark></q></s></small></span></strong></sub></sup></time></u></p></li></ul></ol></dd></dt></dl></td></tr></table></figcaption></figure></pre></blockquote></h2></h3></h4></h5></h6></div></div></div></div></div></div>';
const BATCH_MAX = 150;
/** Words of text a batch may leave after sanitising: the first batch of a body must fit in a visitor's preview (100 words). */
const BATCH_WORDS = 85;
/** Batches per body: the first is what visitors' previews show, the others only members read. */
const BATCHES_PER_BODY = 4;

type Channel = 'rss' | 'atom' | 'json' | 'json-text' | 'push' | 'page' | 'xml' | 'xhtml';
const MAIN_CHANNELS: Channel[] = ['rss', 'atom', 'json', 'json-text', 'push', 'page'];
export type Field =
  | 'body'
  | 'body-tail'
  | 'summary'
  | 'title'
  | 'author'
  | 'author-email'
  | 'category'
  | 'caption'
  | 'credit'
  | 'media-title'
  | 'link'
  | 'guid'
  | 'image-url'
  | 'enclosure-url'
  | 'thumbnail-url'
  | 'author-url'
  | 'feed-title'
  | 'feed-description'
  | 'feed-image'
  | 'section'
  | 'language'
  | 'push-id';

interface Item {
  id: number;
  /** What goes in the field: the payload, followed by RESET when it would otherwise swallow what follows. */
  html: string;
}

export interface Spec {
  key: string;
  channel: Channel;
  index: number;
  event: number;
  section: string;
  /** Batches of the body, in order: the first one is in visitors' previews. */
  body: Item[][];
  tail: Item[];
  title: Payload[];
  summary: Payload[];
  authors: Payload[];
  emails: Payload[];
  categories: Payload[];
  caption: Payload[];
  credit: Payload[];
  mediaTitle: Payload[];
  link: string;
  linkId: number;
  guid: Payload;
  image: string;
  imageId: number;
  enclosure: Payload;
  thumbnail: Payload;
  authorUrl: Payload;
  /** Pushed articles: a hostile section name (every third) and language tag (every other), within the API's limits. */
  sectionP?: Payload;
  languageP?: Payload;
  publishedAt: number;
}

/** Payload id → every article (spec key, or feed:<channel>) and field it was put in. */
export const placements = new Map<number, { key: string; field: Field }[]>();
export function place(id: number, key: string, field: Field): void {
  const list = placements.get(id) ?? [];
  if (!list.some((p) => p.key === key && p.field === field)) list.push({ key, field });
  placements.set(id, list);
}

/**
 * What the sanitiser makes of a payload: does it swallow what follows (then it is followed by RESET_*), does it
 * leave a container open around what follows (then by CLOSE_CONTAINERS), and how many words of text it leaves.
 * Those that still swallow or wrap what follows can only go last in a body.
 */
function classify(p: Payload): { item: Item; words: number; tailOnly: boolean } {
  const mark = `zq${p.id}qz`;
  const out = (h: string) => sanitizeArticleHtml(`<p>a</p>${h}<p>${mark}</p>`, 'http://hostile.test/x');
  const swallows = (h: string) => !out(h).includes(mark);
  const wraps = (h: string) =>
    !parseDocument(out(h)).children.some((n) => isTag(n) && n.name === 'p' && textContent(n) === mark);
  let html = p.html;
  let tailOnly = false;
  if (swallows(html)) {
    if (!swallows(html + RESET_TAGS)) html += RESET_TAGS;
    else if (!swallows(html + RESET_ALL)) html += RESET_ALL;
    else tailOnly = true;
  }
  if (!tailOnly && wraps(html)) {
    html += CLOSE_CONTAINERS;
    if (wraps(html)) tailOnly = true;
  }
  if (tailOnly) html = p.html;
  const words = htmlToText(sanitizeArticleHtml(html, 'http://hostile.test/x')).split(/\s+/).filter(Boolean).length;
  return { item: { id: p.id, html }, words, tailOnly };
}

/** Batches of at most BATCH_MAX payloads leaving at most BATCH_WORDS words; payloads that swallow everything after them go to body tails. */
function makeBatches(): { batches: Item[][]; tails: Item[] } {
  const batches: Item[][] = [];
  const tails: Item[] = [];
  let cur: Item[] = [];
  let words = 0;
  for (const p of PAYLOADS) {
    const c = classify(p);
    if (c.tailOnly) {
      tails.push(c.item);
      continue;
    }
    if (cur.length && (cur.length >= BATCH_MAX || words + c.words > BATCH_WORDS)) {
      batches.push(cur);
      cur = [];
      words = 0;
    }
    cur.push(c.item);
    words += c.words;
  }
  if (cur.length) batches.push(cur);
  return { batches, tails };
}

/** Small deterministic shuffle. */
function shuffled<T>(xs: readonly T[], seed: number): T[] {
  const out = [...xs];
  let s = seed >>> 0;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s ^ (s >>> 15), 2246822519) + 0x9e3779b9) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** A cycle over the corpus for one kind of small field: the curated core first (shuffled per field), then the generated payloads. */
function cursor(
  seed: number,
  filter: (p: Payload) => boolean = () => true,
  pool: readonly Payload[] = PAYLOADS,
): () => Payload {
  // NUL goes in bodies (and one push of its own, nulArticle in feeds.ts); in the one-line fields it would only test that the database refuses it.
  const ok = (p: Payload) => filter(p) && !p.html.includes('\u0000');
  const core = pool.filter((p) => !p.family.startsWith('gen:') && ok(p));
  const gen = pool.filter((p) => p.family.startsWith('gen:') && ok(p));
  const order = [...shuffled(core, seed), ...shuffled(gen, seed * 7 + 1)];
  let i = 0;
  return () => order[i++ % order.length]!;
}

// Newsroom prose around the payloads, so curation finds topics, names and stories: one event per
// batch pair, told by every channel (publisher) in its own words, so each event's reports form one story.
export const EVENTS: { section: string; headline: string; key: [string, string] }[] = [
  {
    section: 'politics',
    headline: 'Marsh wins the harbour budget vote',
    key: [
      'Prime Minister Delphine Marsh won the parliament vote on the Saltmere harbour budget by twelve votes late on Tuesday night.',
      'The opposition leader Anton Velasquez said the harbour budget would raise council tax for every household on the northern coast.',
    ],
  },
  {
    section: 'business',
    headline: 'Kellbridge Shipping profits jump',
    key: [
      'Kellbridge Shipping reported annual profits of four hundred million pounds as freight rates climbed across the North Sea.',
      'Chief executive Ines Varga told investors that the company would buy six new container ships and pay a higher dividend.',
    ],
  },
  {
    section: 'sport',
    headline: 'Saltmere Rovers beat Kellbridge Town',
    key: [
      'Saltmere Rovers beat Kellbridge Town three goals to one in the league on Saturday, with two goals from striker Petra Coyle.',
      'The Rovers manager Amos Greaves praised the keeper, who saved a penalty in the second half in front of a full stadium.',
    ],
  },
  {
    section: 'science',
    headline: 'Lowther Institute telescope finds comet',
    key: [
      'Astronomers at the Lowther Institute found a new comet with the observatory telescope on the northern moors on Monday.',
      'The lead researcher Beatrix Okafor said the comet would pass close to the sun next spring and be visible without a telescope.',
    ],
  },
  {
    section: 'culture',
    headline: 'Ferrow Opera House reopens',
    key: [
      'The Ferrow Opera House reopened on Friday after a three year restoration, with the orchestra playing to a full house.',
      'The conductor Theo Lindqvist thanked the builders by name before the first act of the new opera about the flooded valley.',
    ],
  },
  {
    section: 'news',
    headline: 'Saltmere flood barrier closes again',
    key: [
      'The Saltmere flood barrier closed for the ninth time this winter as a storm surge pushed the tide over the northern quay.',
      'Engineers from the port authority said the barrier held, but the ferry to Kellbridge stayed in harbour for a second day.',
    ],
  },
  {
    section: 'good-news',
    headline: 'Volunteers save the library maps',
    key: [
      'Volunteers carried crates of rare maps out of the old Lowther library before the flood water reached the archive on Sunday.',
      'The librarian Mara Quint said every map was saved and thanked the school children who formed a chain along the street.',
    ],
  },
  {
    section: 'politics',
    headline: 'Council approves new ferry contract',
    key: [
      'Saltmere council approved a new ferry contract with Northwind Marine after a long debate in the council chamber on Wednesday.',
      'Councillor Ada Okonjo said the contract would add an evening crossing and keep fares frozen for pensioners and students.',
    ],
  },
  {
    section: 'business',
    headline: 'Northwind Labs opens a data centre',
    key: [
      'Northwind Labs opened a data centre in Kellbridge on Thursday, bringing two hundred jobs to the old shipyard site.',
      'The founder Oskar Brandt said the centre would run on power from the offshore wind farm beyond the harbour wall.',
    ],
  },
  {
    section: 'science',
    headline: 'Seabird numbers recover on the cliffs',
    key: [
      'Seabird numbers on the Saltmere cliffs recovered this summer, according to a survey by researchers from the Lowther Institute.',
      'The ecologist Hana Sato said puffins and kittiwakes returned after the fishing ban around the islands was extended.',
    ],
  },
];
export const GENERIC = [
  'Residents gathered outside the town hall on the morning after the announcement to talk about what it would mean for them.',
  'Local businesses along the harbour front said they had been waiting for a decision like this for more than a decade.',
  'A spokesperson for the regional authority said further details would be published in a report next month.',
  'Several families who have lived in the area for generations said they welcomed the news but wanted to see the detail first.',
  'Critics argued that the timetable was too ambitious and that the costs had been underestimated from the very beginning.',
  'The weather stayed cold and grey all week, with strong winds from the north east and rain in the afternoons.',
  'Students from the college on the hill followed the story closely and organised a public meeting in the library hall.',
  'Figures published by the statistics office showed that the number of visitors to the coast had doubled in five years.',
  'Shopkeepers in the market square said trade had picked up since the spring and hoped the trend would continue.',
  'An independent review commissioned last year found that the old arrangements had not served the region well.',
  'Older residents remembered the floods of the last century and the long years it took the town to recover from them.',
  'The local newspaper received hundreds of letters from readers, most of them supportive but some of them sharply critical.',
  'Experts from the university said the decision could become a model for other small towns along the northern coast.',
  'Fishermen on the quay said they would judge the plan by what happened on the water rather than by what was promised.',
  'The regional museum plans an exhibition next year telling the story of the town and the sea that shaped it.',
  'Volunteers from the lifeboat station said they were ready to help whatever the outcome of the next few months.',
  'Traffic on the coast road was slow for most of the day as visitors arrived to see the changes for themselves.',
  'The bakery on the corner of the square sold out of bread by noon as the crowds grew through the morning.',
  'Teachers at the primary school used the news as the starting point for a project about the history of the harbour.',
  'A small group of protesters stood outside the gates holding banners and handing out leaflets to passing drivers.',
  'Officials promised to hold open meetings in every village so that people could ask questions in person.',
  'The local radio station ran a phone-in programme that lasted three hours and still could not take every call.',
  'Walkers on the cliff path stopped to watch the work from the viewpoint above the old lighthouse.',
  'The parish council said it would write to the minister asking for a guarantee that the funding would not be cut.',
];
const CHANNEL_NO: Record<Channel, number> = {
  rss: 0,
  atom: 1,
  json: 2,
  'json-text': 3,
  push: 4,
  page: 5,
  xml: 6,
  xhtml: 7,
};

export function filler(event: number, channel: Channel): { before: string[]; after: string[] } {
  const e = EVENTS[event % EVENTS.length]!;
  const c = CHANNEL_NO[channel];
  const g = (k: number) => GENERIC[(c * 5 + event * 3 + k * 7) % GENERIC.length]!;
  return {
    before: [
      `${e.key[0]} ${g(0)} ${g(1)} ${g(2)}`,
      `${e.key[1]} ${g(3)} ${g(4)} ${g(5)}`,
      `${g(6)} ${g(7)} ${g(8)} ${g(9)}`,
    ],
    after: [`${g(10)} ${g(11)}`, `${g(12)} ${g(13)}`, `${g(14)} ${g(15)}`],
  };
}

/** The first batch, then prose (so the preview stops after the batch), then the members-only batches, each after a paragraph; payloads that swallow the rest last. */
export function bodyHtml(s: Spec): string {
  const f = filler(s.event, s.channel);
  const [first = [], ...rest] = s.body;
  return [
    `<div>${first.map((i) => i.html).join('\n')}</div>`,
    ...f.before.map((p) => `<p>${p}</p>`),
    ...rest.flatMap((batch, n) => [
      `<div>${batch.map((i) => i.html).join('\n')}</div>`,
      `<p>${f.after[n % f.after.length]}</p>`,
    ]),
    ...s.tail.map((i) => i.html),
  ].join('\n');
}

export const join = (ps: Payload[]) => ps.map((p) => p.html).join(' ');
export const titleOf = (s: Spec) => `${EVENTS[s.event % EVENTS.length]!.headline} ${join(s.title)}`;
export const summaryOf = (s: Spec) => `${EVENTS[s.event % EVENTS.length]!.key[0]} ${join(s.summary)}`;
export const captionOf = (s: Spec) => `The harbour at dawn ${join(s.caption)}`;

/** An http(s) URL carrying a payload in its path and query, that our canonicaliser keeps. */
function carrier(channel: string, key: string, p: Payload, host = 'http://hostile.test'): string {
  for (const u of [
    `${host}/${channel}/${key}/${p.id}?p=${p.html}`,
    `${host}/${channel}/${key}/${p.id}?p=${encodeURIComponent(p.html)}`,
  ]) {
    if (canonicalUrl(u) && /^https?:\/\//.test(u) && !/[\u0000-\u001f]/.test(u)) return u;
  }
  return `${host}/${channel}/${key}/${p.id}`;
}

export interface Layout {
  specs: Spec[];
  batches: number;
  tails: number;
  feedFields: Record<'rss' | 'atom' | 'json' | 'page', { title: Payload[]; description: Payload[]; image: Payload }>;
}

export function buildLayout(pageHost: string): Layout {
  placements.clear();
  const { batches, tails } = makeBatches();
  const perChannel = Math.ceil(batches.length / BATCHES_PER_BODY);
  const cur = {
    title: cursor(11, (p) => p.html.length <= 110),
    summary: cursor(13),
    author: cursor(17, (p) => p.html.length <= 150),
    email: cursor(19, (p) => p.html.length <= 60),
    category: cursor(23, (p) => p.html.length <= 70),
    caption: cursor(29, (p) => p.html.length <= 300),
    credit: cursor(31, (p) => p.html.length <= 120),
    mediaTitle: cursor(37, (p) => p.html.length <= 200),
    link: cursor(41),
    guid: cursor(43, (p) => p.html.length <= 180),
    image: cursor(47),
    url: cursor(53, () => true, URL_PAYLOADS),
    feed: cursor(59, (p) => p.html.length <= 120),
  };
  const take = (next: () => Payload, n: number) => Array.from({ length: n }, next);
  const specs: Spec[] = [];
  let tailAt = 0;
  const now = Date.now();
  let order = 0;
  for (const channel of MAIN_CHANNELS) {
    // content_text turns everything into text: half the corpus is enough there.
    for (let j = 0; j < (channel === 'json-text' ? Math.min(3, perChannel) : perChannel); j++) {
      const c = CHANNEL_NO[channel];
      // Channel c starts c batches further on: every batch is some channel's preview batch, and every channel carries every batch.
      const body = Array.from(
        { length: BATCHES_PER_BODY },
        (_, t) => batches[(BATCHES_PER_BODY * j + t + c) % batches.length]!,
      );
      const key = `${channel}-${j}`;
      const host = channel === 'page' ? pageHost : 'http://hostile.test';
      const linkP = cur.link();
      const imageP = cur.image();
      const spec: Spec = {
        key,
        channel,
        index: j,
        event: j,
        section: EVENTS[j % EVENTS.length]!.section,
        body,
        tail: tails.length ? [tails[tailAt++ % tails.length]!] : [],
        title: take(cur.title, 4),
        summary: take(cur.summary, 24),
        authors: take(cur.author, 3),
        emails: take(cur.email, 2),
        categories: take(cur.category, 8),
        caption: take(cur.caption, 3),
        credit: take(cur.credit, 2),
        mediaTitle: take(cur.mediaTitle, 1),
        link:
          channel === 'page'
            ? `${pageHost}/page/${key}?p=${encodeURIComponent(linkP.html)}`
            : carrier(channel, key, linkP, host),
        linkId: linkP.id,
        guid: cur.guid(),
        image: carrier('img', key, imageP),
        imageId: imageP.id,
        enclosure: cur.url(),
        thumbnail: cur.url(),
        authorUrl: cur.url(),
        sectionP:
          channel === 'push' && j % 3 === 0
            ? PAYLOADS.find((p) => p.html.length <= 50 && !p.html.includes('\u0000') && p.id % 7 === j % 7)
            : undefined,
        languageP:
          channel === 'push' && j % 2
            ? PAYLOADS.filter((p) => p.html.length <= 20 && !p.html.includes('\u0000'))[j]
            : undefined,
        // Pushed reports are two days old: the push publisher's second page carries them (see the briefs in the suite).
        publishedAt: now - (channel === 'push' ? 2 * DAY : 0) - ++order * 4 * 60_000,
      };
      specs.push(spec);
    }
  }
  const feedFields = Object.fromEntries(
    (['rss', 'atom', 'json', 'page'] as const).map((ch) => [
      ch,
      { title: take(cur.feed, 3), description: take(cur.feed, 6), image: cur.url() },
    ]),
  ) as Layout['feedFields'];
  for (const s of specs) {
    for (const i of s.body.flat()) place(i.id, s.key, 'body');
    for (const i of s.tail) place(i.id, s.key, 'body-tail');
    for (const p of s.title) place(p.id, s.key, 'title');
    for (const p of s.summary) place(p.id, s.key, 'summary');
    for (const p of s.authors) place(p.id, s.key, 'author');
    for (const p of s.emails) place(p.id, s.key, 'author-email');
    for (const p of s.categories) place(p.id, s.key, 'category');
    for (const p of s.caption) place(p.id, s.key, 'caption');
    for (const p of s.credit) place(p.id, s.key, 'credit');
    for (const p of s.mediaTitle) place(p.id, s.key, 'media-title');
    place(s.linkId, s.key, 'link');
    place(s.guid.id, s.key, s.channel === 'push' ? 'push-id' : 'guid');
    place(s.imageId, s.key, 'image-url');
    place(s.enclosure.id, s.key, 'enclosure-url');
    place(s.thumbnail.id, s.key, 'thumbnail-url');
    place(s.authorUrl.id, s.key, 'author-url');
    if (s.sectionP) place(s.sectionP.id, s.key, 'section');
    if (s.languageP) place(s.languageP.id, s.key, 'language');
  }
  for (const [ch, f] of Object.entries(feedFields)) {
    for (const p of f.title) place(p.id, `feed:${ch}`, 'feed-title');
    for (const p of f.description) place(p.id, `feed:${ch}`, 'feed-description');
    place(f.image.id, `feed:${ch}`, 'feed-image');
  }
  return { specs, batches: batches.length, tails: tails.length, feedFields };
}
