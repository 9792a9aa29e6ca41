// Builds the demo articles: each publisher covers the events in its sections
// from several angles (the report, reactions, an explainer …), in its own
// order and words. Harbour Wire files agency copy on some events, which two
// other titles run near-verbatim. Deterministic: the same seed gives the same
// articles; times are hours before "now", applied in stories.ts.
import { ANGLES, fill, type Angle, type AngleId } from './angles.ts';
import { escapeHtml } from '../analysis/markup.ts';
import { buildBody } from './article-body.ts';
import { DEMO_EVENTS, eventEntities, type DemoEntities } from './events.ts';
import type { DemoEvent } from './events-types.ts';
import { captionFor, creditFor } from './prose.ts';
import { DEMO_PUBLISHERS, type DemoPublisher, type DemoSection } from './publishers.ts';
import { hash, pick, rng } from './random.ts';

export const ARTICLES_PER_PUBLISHER = 26;
const WIRE = 'harbour-wire';

export interface DemoImage {
  id: string;
  caption: string;
  credit: string;
  alt: string;
  width: 1200;
  height: 675;
}

export interface DemoArticleContent extends DemoEntities {
  id: string;
  publisher: string;
  eventId: string;
  angle: AngleId;
  section: DemoSection;
  headline: string;
  standfirst: string;
  /** Body blocks as escaped HTML (<p> and <h2>), without pictures. */
  paragraphs: string[];
  /** In-body pictures, each placed after paragraph `after` (0-based). */
  figures: { after: number; image: DemoImage }[];
  authors: string[];
  hoursAgo: number;
  tags: string[];
  image: DemoImage;
  /** Agency copy run near-verbatim by several publishers. */
  wire: boolean;
  /** Copies of the same agency story share this id ("wire:<event>"). */
  syndicationId: string | null;
  /** A good-news piece. */
  positive: boolean;
}

function image(id: string, e: DemoEvent, p: DemoPublisher, n: number, wire = false): DemoImage {
  const caption = captionFor(e, n);
  return { id, caption, credit: creditFor(p, n, wire), alt: caption.replace(/\.$/, ''), width: 1200, height: 675 };
}

function eventsFor(p: DemoPublisher): DemoEvent[] {
  const mine = DEMO_EVENTS.filter(
    (e) => p.sections.includes(e.section) || (p.sections.includes('good-news') && e.positive),
  );
  // The agency files its wire stories first.
  return p.slug === WIRE ? [...mine.filter((e) => e.wire), ...mine.filter((e) => !e.wire)] : mine;
}

/** The two titles (besides the agency) that run each wire story. */
function syndicators(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const e of DEMO_EVENTS.filter((x) => x.wire)) {
    const takers = DEMO_PUBLISHERS.filter((p) => p.slug !== WIRE && eventsFor(p).includes(e));
    const start = hash(e.id) % Math.max(1, takers.length);
    out.set(
      e.id,
      [...takers.slice(start), ...takers.slice(0, start)].slice(0, 2).map((p) => p.slug),
    );
  }
  return out;
}

function hoursAgo(e: DemoEvent, angle: Angle, key: number): number {
  const jitter = (key % 900) / 100; // 0–9 hours
  const h = e.day * 24 + 2 + jitter - angle.hoursAfter;
  return Math.round((h > 0.5 ? h : 0.3 + ((key >>> 10) % 60) / 10) * 100) / 100;
}

interface Ctx {
  seed: number;
  used: Set<string>;
  wireCopy: Map<string, DemoArticleContent>;
}

function headlineFor(e: DemoEvent, angle: Angle, p: DemoPublisher, ctx: Ctx): string | null {
  const variants = angle.headlines(e).map((h) => fill(h, e));
  const start = hash(p.slug + e.id);
  for (let i = 0; i < variants.length; i++) {
    const h = variants[(start + i) % variants.length]!;
    if (!ctx.used.has(h)) return h;
  }
  return null; // every variant taken: this title covers the event from another angle
}

function wireStory(e: DemoEvent, p: DemoPublisher, ctx: Ctx, nth: number): DemoArticleContent {
  const agency = DEMO_PUBLISHERS.find((x) => x.slug === WIRE)!;
  let original = ctx.wireCopy.get(e.id);
  if (!original) {
    const r = rng(hash(`${ctx.seed}:wire:${e.id}`));
    const id = `${WIRE}-${e.id}-report`;
    original = {
      id,
      publisher: WIRE,
      eventId: e.id,
      angle: 'report',
      section: e.section,
      headline: e.headlines[0]!,
      standfirst: e.standfirst,
      paragraphs: buildBody(e, ANGLES[0]!, r, []),
      figures: [],
      authors: [pick(agency.authors, hash(e.id))],
      hoursAgo: hoursAgo(e, ANGLES[0]!, hash(`${ctx.seed}:${id}`)),
      tags: [...e.tags],
      ...eventEntities(e),
      image: image(id, e, agency, hash(id), true),
      wire: true,
      syndicationId: `wire:${e.id}`,
      positive: !!e.positive,
    };
    ctx.wireCopy.set(e.id, original);
  }
  if (p.slug === WIRE) return original;
  // Near-verbatim: the same copy and picture; the second title trims the last paragraph.
  const paragraphs = nth === 0 ? [...original.paragraphs] : original.paragraphs.slice(0, -1);
  paragraphs.push(`<p>${escapeHtml('This report was supplied by Harbour Wire.')}</p>`);
  return {
    ...original,
    id: `${p.slug}-${e.id}-report`,
    publisher: p.slug,
    paragraphs,
    hoursAgo: Math.max(0.2, original.hoursAgo - 0.25 - nth * 0.5),
  };
}

function ownStory(
  e: DemoEvent,
  angle: Angle,
  p: DemoPublisher,
  ctx: Ctx,
  r: () => number,
  n: number,
): DemoArticleContent | null {
  const headline = headlineFor(e, angle, p, ctx);
  if (!headline) return null;
  const id = `${p.slug}-${e.id}-${angle.id}`;
  const key = hash(`${ctx.seed}:${id}`);
  const neighbours = DEMO_EVENTS.filter((x) => x.id !== e.id && x.place === e.place && x.day >= e.day);
  const paragraphs = buildBody(e, angle, r, neighbours);
  const figures =
    r() < 0.35 ? [{ after: 2 + Math.floor(r() * 2), image: image(`${id}-2`, e, p, hash(`${id}-2`)) }] : [];
  ctx.used.add(headline);
  const first = pick(p.authors, n + key);
  const second = p.authors.find((a) => a !== first);
  const coAuthored =
    (angle.id === 'analysis' || angle.id === 'explainer' || angle.id === 'voices') && second && r() < 0.45;
  const goodNews = !!e.positive && p.sections.includes('good-news') && !p.sections.includes(e.section);
  return {
    id,
    publisher: p.slug,
    eventId: e.id,
    angle: angle.id,
    section: goodNews ? 'good-news' : e.section,
    headline,
    standfirst: angle.id === 'report' ? e.standfirst : fill(pick(angle.standfirsts, key), e),
    paragraphs,
    figures,
    authors: coAuthored ? [first, second] : [first],
    hoursAgo: hoursAgo(e, angle, key),
    tags: [...e.tags, ...(angle.id === 'analysis' || angle.id === 'explainer' ? [angle.id] : [])],
    ...eventEntities(e),
    image: image(id, e, p, key),
    wire: false,
    syndicationId: null,
    positive: !!e.positive || e.section === 'good-news',
  };
}

export function generateDemoContent(seed: number): DemoArticleContent[] {
  const sync = syndicators();
  const ctx: Ctx = {
    seed,
    used: new Set(DEMO_EVENTS.filter((e) => e.wire).map((e) => e.headlines[0]!)),
    wireCopy: new Map(),
  };
  const out: DemoArticleContent[] = [];
  // The agency goes first so its copy exists before anyone syndicates it.
  const order = [...DEMO_PUBLISHERS].sort((a, b) => Number(b.slug === WIRE) - Number(a.slug === WIRE));
  for (const p of order) {
    const events = eventsFor(p);
    const r = rng(hash(`${seed}:${p.slug}`));
    const seen = new Set<string>();
    let n = 0;
    for (let round = 0; n < ARTICLES_PER_PUBLISHER && round < ANGLES.length; round++) {
      for (const e of events) {
        if (n >= ARTICLES_PER_PUBLISHER) break;
        const takers = sync.get(e.id) ?? [];
        const syndicates = p.slug === WIRE ? !!e.wire : takers.includes(p.slug);
        let angle = ANGLES[p.slug === WIRE ? round : (round + hash(p.slug + e.id + seed)) % ANGLES.length]!;
        if (syndicates && round === 0) angle = ANGLES[0]!;
        else if (syndicates && angle.id === 'report') angle = ANGLES[(round + 1) % ANGLES.length]!;
        if (seen.has(`${e.id}:${angle.id}`)) continue;
        seen.add(`${e.id}:${angle.id}`);
        const story =
          syndicates && angle.id === 'report'
            ? wireStory(e, p, ctx, takers.indexOf(p.slug))
            : ownStory(e, angle, p, ctx, r, n);
        if (!story) continue;
        out.push(story);
        n++;
      }
    }
  }
  return out;
}
