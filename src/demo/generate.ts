// Builds the demo articles: each publisher covers the events in its sections
// from several angles (the report, reactions, an explainer …), in its own
// order and words. Deterministic: the same epoch gives the same articles.
import { BUSINESS_SCIENCE } from './events-business-science.ts';
import { CULTURE_SPORT } from './events-culture-sport.ts';
import { NEWS_POLITICS } from './events-news-politics.ts';
import type { DemoEvent } from './events-types.ts';
import { ANGLES, GENERIC, PHOTOGRAPHERS, captionFor, type Angle } from './prose.ts';
import { DEMO_PUBLISHERS, type DemoPublisher, type DemoSection } from './publishers.ts';

export const DEMO_EVENTS: DemoEvent[] = [...NEWS_POLITICS, ...BUSINESS_SCIENCE, ...CULTURE_SPORT];
export const ARTICLES_PER_PUBLISHER = 24;

export interface DemoArticle {
  id: string;
  publisher: string;
  eventId: string;
  angle: Angle['id'];
  section: DemoSection;
  headline: string;
  standfirst: string;
  /** Paragraphs as HTML (already escaped); may include one <figure>. */
  body: string[];
  authors: string[];
  /** Hours before the epoch. */
  hoursAgo: number;
  tags: string[];
  image: { id: string; caption: string; credit: string };
  /** Syndicated agency copy (same body as other publishers' copies). */
  wire: boolean;
}

/** Small deterministic PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function shuffled<T>(xs: T[], r: () => number): T[] {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

function fill(template: string, e: DemoEvent): string {
  return template.replace(/\{(place|topic|org|who|role)\}/g, (_, k: keyof DemoEvent) => String(e[k]));
}

function eventsFor(p: DemoPublisher): DemoEvent[] {
  return DEMO_EVENTS.filter((e) => p.sections.includes(e.section) || (p.sections.includes('good-news') && e.positive));
}

function body(e: DemoEvent, angle: Angle, r: () => number, figure: string | null): string[] {
  const facts = shuffled(e.facts, r);
  const generic = shuffled(GENERIC[e.section], r).map((g) => fill(g, e));
  const quote = `“${e.quote},” said ${e.who}, ${e.role} at ${e.org}.`;
  const reply = e.reply ? `${e.reply.who}, ${e.reply.role}, said: “${e.reply.quote}.”` : generic.pop()!;
  const lead = fill(angle.lead[Math.floor(r() * angle.lead.length)]!, e);
  const parts: string[] = [];
  const p = (s: string) => parts.push(`<p>${esc(s)}</p>`);
  const h = (s: string) => parts.push(`<h2>${esc(s)}</h2>`);
  p(lead);
  if (angle.id === 'explainer') {
    h('What happened?');
    p(e.standfirst);
    facts.slice(0, 2).forEach(p);
    h('Why does it matter?');
    facts.slice(2, 4).forEach(p);
    p(quote);
    h('What happens next?');
    facts.slice(4).forEach(p);
    p(generic[0]!);
  } else if (angle.id === 'reaction' || angle.id === 'voices') {
    p(quote);
    p(reply);
    facts.slice(0, 3).forEach(p);
    generic.slice(0, 2).forEach(p);
  } else {
    facts.slice(0, 3).forEach(p);
    p(quote);
    facts.slice(3, 3 + 1 + Math.floor(r() * 3)).forEach(p);
    p(reply);
    generic.slice(0, angle.id === 'analysis' ? 3 : 1).forEach(p);
  }
  if (figure) parts.splice(Math.min(3, parts.length), 0, figure);
  return parts;
}

export function generateDemoArticles(): DemoArticle[] {
  const out: DemoArticle[] = [];
  const wireBodies = new Map<string, string[]>();
  for (const p of DEMO_PUBLISHERS) {
    const events = eventsFor(p);
    const r = rng(hash(p.slug));
    let n = 0;
    for (let round = 0; n < ARTICLES_PER_PUBLISHER && round < ANGLES.length; round++) {
      for (const e of events) {
        if (n >= ARTICLES_PER_PUBLISHER) break;
        // The agency files the straight report first; titles mix their angles.
        const angle = ANGLES[p.slug === 'harbour-wire' ? round : (round + hash(p.slug + e.id)) % ANGLES.length]!;
        const id = `${p.slug}-${e.id}-${angle.id}`;
        const photographer = PHOTOGRAPHERS[hash(id) % PHOTOGRAPHERS.length]!;
        const inBody = r() < 0.35 ? `${id}-2` : null;
        const figure = inBody
          ? `<figure><img src="{images}/${inBody}.svg" width="1200" height="675" alt="${esc(captionFor(e, hash(inBody)))}"><figcaption>${esc(captionFor(e, hash(inBody)))} Photograph: ${esc(photographer)}/${esc(p.name)}</figcaption></figure>`
          : null;
        // Agency copy: the same text, word for word, wherever it runs.
        const isWire = !!e.wire && angle.id === 'report';
        let paragraphs: string[];
        if (isWire) {
          paragraphs = wireBodies.get(e.id) ?? body(e, angle, rng(hash(e.id)), null);
          wireBodies.set(e.id, paragraphs);
        } else paragraphs = body(e, angle, r, figure);
        const headline = fill(angle.headline(e, hash(p.slug)), e);
        out.push({
          id,
          publisher: p.slug,
          eventId: e.id,
          angle: angle.id,
          section: e.section,
          headline,
          standfirst: angle.id === 'report' ? e.standfirst : fill(angle.standfirst, e),
          body: isWire && p.slug !== 'harbour-wire' ? [...paragraphs, `<p>${esc(`This report was supplied by Harbour Wire.`)}</p>`] : paragraphs,
          authors: isWire ? ['Wire staff'] : [p.authors[(n + round) % p.authors.length]!],
          hoursAgo: Math.max(0.2 + (hash(id) % 50) / 100, e.day * 24 + 2 + (hash(id) % 9) - angle.hoursAfter),
          tags: [e.section, ...e.tags],
          image: { id, caption: captionFor(e, hash(id)), credit: `${photographer}/${isWire ? 'Harbour Wire' : p.name}` },
          wire: isWire,
        });
        n++;
      }
    }
  }
  return out;
}
