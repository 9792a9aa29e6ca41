import { describe, expect, it } from 'vitest';
import { renderDemoImage } from './images.ts';
import { generateDemoStories } from './stories.ts';
import { xmlError } from '../test-support/well-formed.ts';

describe('demo images', () => {
  const ids = generateDemoStories({ now: Date.parse('2026-11-24T09:00:00Z') })
    .slice(0, 80)
    .map((s) => s.image.id)
    .filter((id, i, all) => all.indexOf(id) === i);

  it('are well-formed 1200×675 SVG, stable per id and different between ids', () => {
    const svgs = ids.map((id) => renderDemoImage(id));
    for (const svg of svgs) {
      expect(xmlError(svg)).toBeNull();
      expect(svg).toMatch(
        /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="1200" height="675" viewBox="0 0 1200 675"/,
      );
      expect(svg.length).toBeLessThan(20_000);
    }
    expect(ids.map((id) => renderDemoImage(id))).toEqual(svgs);
    expect(new Set(svgs).size).toBe(svgs.length);
  });

  it('use the publisher’s colour', () => {
    expect(renderDemoImage('fieldside-sport-league-final-analysis')).toMatch(/#1d6b2f|url\(#s\)/);
    expect(renderDemoImage('x', '#123456')).toContain('#');
  });
});
