// The demo's articles, placed in time: every story is some hours before the
// `now` you pass (the demo's fixed epoch in the app), over the last ~10 days.
// Content is generated once per seed; only the timestamps depend on `now`.
import { escapeAttr } from '../analysis/markup.ts';
import { generateDemoContent, type DemoArticleContent, type DemoImage } from './generate.ts';

export type { DemoImage } from './generate.ts';
export type { AngleId } from './angles.ts';

export const DEMO_SEED = 20261124;

export interface DemoStory extends DemoArticleContent {
  /** Publication time in epoch milliseconds (whole seconds). */
  publishedAt: number;
}

export interface DemoStoryOptions {
  now: number;
  seed?: number;
}

const cache = new Map<number, DemoArticleContent[]>();

function content(seed: number): DemoArticleContent[] {
  let c = cache.get(seed);
  if (!c) {
    c = generateDemoContent(seed);
    cache.set(seed, c);
  }
  return c;
}

/** Every demo story, newest first. */
export function generateDemoStories(opts: DemoStoryOptions): DemoStory[] {
  return content(opts.seed ?? DEMO_SEED)
    .map((a) => ({ ...a, publishedAt: Math.floor((opts.now - a.hoursAgo * 3_600_000) / 1000) * 1000 }))
    .sort((x, y) => y.publishedAt - x.publishedAt || (x.id < y.id ? -1 : 1));
}

/** One publisher's stories, newest first. */
export function publisherStories(slug: string, opts: DemoStoryOptions, limit = Infinity): DemoStory[] {
  return generateDemoStories(opts)
    .filter((s) => s.publisher === slug)
    .slice(0, limit);
}

export function findDemoStory(slug: string, id: string, opts: DemoStoryOptions): DemoStory | undefined {
  return generateDemoStories(opts).find((s) => s.publisher === slug && s.id === id);
}

/** Every picture (lead and in-body) by id, for the image route. */
export function findDemoImage(id: string, seed = DEMO_SEED): { image: DemoImage; publisher: string } | undefined {
  for (const a of content(seed)) {
    if (a.image.id === id) return { image: a.image, publisher: a.publisher };
    const f = a.figures.find((x) => x.image.id === id);
    if (f) return { image: f.image, publisher: a.publisher };
  }
  return undefined;
}

/** The body as HTML: paragraphs with the in-body figures in place (and the lead picture first, if asked). */
export function storyBodyHtml(s: DemoArticleContent, imageUrl: (id: string) => string, withLead = false): string {
  const fig = (img: DemoImage) =>
    `<figure><img src="${escapeAttr(imageUrl(img.id))}" width="${img.width}" height="${img.height}" alt="${escapeAttr(img.alt)}"><figcaption>${escapeAttr(img.caption)} <span class="credit">${escapeAttr(img.credit)}</span></figcaption></figure>`;
  const blocks: string[] = withLead ? [fig(s.image)] : [];
  s.paragraphs.forEach((p, i) => {
    blocks.push(p);
    for (const f of s.figures) if (f.after === i) blocks.push(fig(f.image));
  });
  return blocks.join('\n');
}
