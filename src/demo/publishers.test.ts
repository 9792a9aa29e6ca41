import { describe, expect, it } from 'vitest';
import { validatePublisher } from '../catalog/publishers.ts';
import { DEMO_PUBLISHERS, DEMO_SECTIONS } from './publishers.ts';

describe('demo publishers', () => {
  it('are at least fourteen valid, distinct titles on .example domains', () => {
    expect(DEMO_PUBLISHERS.length).toBeGreaterThanOrEqual(14);
    expect(new Set(DEMO_PUBLISHERS.map((p) => p.slug)).size).toBe(DEMO_PUBLISHERS.length);
    expect(new Set(DEMO_PUBLISHERS.map((p) => p.name)).size).toBe(DEMO_PUBLISHERS.length);
    for (const p of DEMO_PUBLISHERS) {
      expect(() =>
        validatePublisher({
          slug: p.slug,
          name: p.name,
          homepage: p.homepage,
          language: p.language,
          sections: p.sections,
        }),
      ).not.toThrow();
      expect(p.homepage).toBe(`https://${p.slug}.example/`);
      expect(p.color).toMatch(/^#[0-9a-f]{6}$/);
      expect(p.description.length).toBeGreaterThan(10);
      expect(p.authors.length).toBeGreaterThanOrEqual(2);
    }
  });

  it('publish in every format, a couple summary-only, and cover every section', () => {
    expect(new Set(DEMO_PUBLISHERS.map((p) => p.format))).toEqual(new Set(['rss', 'atom', 'json', 'rdf']));
    const summaryOnly = DEMO_PUBLISHERS.filter((p) => p.summaryOnly);
    expect(summaryOnly.length).toBeGreaterThanOrEqual(1);
    expect(summaryOnly.length).toBeLessThanOrEqual(2);
    expect(new Set(DEMO_PUBLISHERS.flatMap((p) => p.sections))).toEqual(new Set(DEMO_SECTIONS));
  });
});
