import { describe, expect, it } from 'vitest';
import { DEMO_EVENTS } from './events.ts';
import { DEMO_PUBLISHERS, DEMO_SECTIONS } from './publishers.ts';
import { findDemoImage, generateDemoStories, storyBodyHtml } from './stories.ts';

const now = Date.parse('2026-11-24T09:00:00Z');

describe('demo stories', () => {
  const stories = generateDemoStories({ now });

  it('are deterministic for a seed, and a different seed gives different copy', () => {
    expect(generateDemoStories({ now, seed: 20261124 })).toEqual(stories);
    const other = generateDemoStories({ now, seed: 7 });
    expect(other.map((s) => s.paragraphs.join(''))).not.toEqual(stories.map((s) => s.paragraphs.join('')));
    expect(generateDemoStories({ now, seed: 7 })).toEqual(other);
  });

  it('are timed over the last ten days, relative to now', () => {
    for (const s of stories) {
      expect(s.publishedAt, s.id).toBeLessThan(now);
      expect(s.publishedAt, s.id).toBeGreaterThan(now - 10 * 86_400_000);
    }
    const later = generateDemoStories({ now: now + 3_600_000 });
    expect(later[0]!.publishedAt - stories[0]!.publishedAt).toBe(3_600_000);
  });

  it('are plentiful, across every publisher and section, from 40+ events', () => {
    expect(DEMO_EVENTS.length).toBeGreaterThanOrEqual(40);
    expect(new Set(DEMO_EVENTS.map((e) => e.id)).size).toBe(DEMO_EVENTS.length);
    expect(stories.length).toBeGreaterThanOrEqual(320);
    expect(new Set(stories.map((s) => s.id)).size).toBe(stories.length);
    for (const p of DEMO_PUBLISHERS)
      expect(stories.filter((s) => s.publisher === p.slug).length, p.slug).toBeGreaterThanOrEqual(15);
    for (const sec of DEMO_SECTIONS)
      expect(stories.filter((s) => s.section === sec).length, sec).toBeGreaterThanOrEqual(20);
    expect(stories.filter((s) => s.positive).length).toBeGreaterThan(40);
  });

  it('each have bylines, a captioned and credited picture, and a body of 5 to 12 paragraphs', () => {
    for (const s of stories) {
      expect(s.authors.length, s.id).toBeGreaterThanOrEqual(1);
      expect(s.authors.length, s.id).toBeLessThanOrEqual(2);
      expect(s.headline.length, s.id).toBeGreaterThan(10);
      expect(s.standfirst, s.id).toMatch(/[.?!]$/);
      expect(s.image.caption, s.id).toBeTruthy();
      expect(s.image.credit, s.id).toMatch(/^(Photograph: [^/]+\/.+|\(.+\))$/);
      expect(s.tags.length, s.id).toBeGreaterThan(0);
      const paras = s.paragraphs.filter((p) => p.startsWith('<p>')).length;
      expect(paras, s.id).toBeGreaterThanOrEqual(5);
      expect(paras, s.id).toBeLessThanOrEqual(12);
      expect(s.paragraphs.join(' '), s.id).not.toMatch(/lorem|ipsum|\{(place|topic|org|who|role|other)\}|undefined/i);
    }
    expect(stories.filter((s) => s.authors.length === 2).length).toBeGreaterThan(20);
  });

  it('put captioned figures in some bodies', () => {
    const withFigure = stories.filter((s) => s.figures.length);
    expect(withFigure.length).toBeGreaterThan(50);
    const html = storyBodyHtml(withFigure[0]!, (id) => `/img/${id}.svg`);
    expect(html).toMatch(
      /<figure><img src="\/img\/[a-z0-9-]+-2\.svg" width="1200" height="675" alt="[^"]+"><figcaption>.+<\/figcaption><\/figure>/,
    );
    expect(findDemoImage(withFigure[0]!.figures[0]!.image.id)?.publisher).toBe(withFigure[0]!.publisher);
  });

  it('name people, organisations and places that recur across events', () => {
    const eventsMentioning = new Map<string, Set<string>>();
    for (const s of stories)
      for (const n of [...s.people, ...s.organisations, ...s.places])
        eventsMentioning.set(n, (eventsMentioning.get(n) ?? new Set()).add(s.eventId));
    const recurring = [...eventsMentioning].filter(([, evs]) => evs.size >= 3).map(([n]) => n);
    expect(recurring).toEqual(
      expect.arrayContaining(['Saltmere', 'Kellbridge', 'Gull Sound', 'University of Saltmere']),
    );
    expect(eventsMentioning.get('Amos Greaves')?.size).toBeGreaterThanOrEqual(2);
    for (const s of stories)
      expect(s.people.length + s.organisations.length + s.places.length, s.id).toBeGreaterThan(1);
  });

  it('cover the same event in several titles, in different words', () => {
    const byEvent = new Map<string, Set<string>>();
    for (const s of stories) byEvent.set(s.eventId, (byEvent.get(s.eventId) ?? new Set()).add(s.publisher));
    expect([...byEvent.values()].filter((ps) => ps.size >= 3).length).toBeGreaterThanOrEqual(25);
  });

  it('repeat a headline only in marked wire copy, run near-verbatim by two or three titles', () => {
    const byHeadline = new Map<string, typeof stories>();
    for (const s of stories) byHeadline.set(s.headline, [...(byHeadline.get(s.headline) ?? []), s]);
    for (const [h, group] of byHeadline)
      if (group.length > 1)
        expect(
          group.every((s) => s.wire),
          h,
        ).toBe(true);
    const groups = new Map<string, typeof stories>();
    for (const s of stories.filter((x) => x.wire))
      groups.set(s.syndicationId!, [...(groups.get(s.syndicationId!) ?? []), s]);
    expect(groups.size).toBeGreaterThanOrEqual(4);
    for (const [id, group] of groups) {
      expect(group.length, id).toBeGreaterThanOrEqual(2);
      expect(group.length, id).toBeLessThanOrEqual(3);
      expect(
        group.some((s) => s.publisher === 'harbour-wire'),
        id,
      ).toBe(true);
      const original = group.find((s) => s.publisher === 'harbour-wire')!;
      for (const copy of group) expect(copy.paragraphs.slice(0, 5), copy.id).toEqual(original.paragraphs.slice(0, 5));
    }
    // Everything else has a body of its own.
    const bodies = new Set<string>();
    for (const s of stories.filter((x) => !x.wire)) {
      const key = s.paragraphs.join('');
      expect(bodies.has(key), s.id).toBe(false);
      bodies.add(key);
    }
  });
});
