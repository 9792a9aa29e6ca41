import { expect, it } from 'vitest';
import { brandStyle, contrast, DARK_BG, LIGHT_BG, readableOn } from './colour.ts';

it('adjusts brand colours to AA contrast on both backgrounds', () => {
  for (const c of ['#c2611f', '#2c3e50', '#1f4e79', '#ffff00', '#000000']) {
    expect(contrast(readableOn(c, LIGHT_BG), LIGHT_BG), c).toBeGreaterThanOrEqual(4.5);
    expect(contrast(readableOn(c, DARK_BG), DARK_BG), c).toBeGreaterThanOrEqual(4.5);
  }
  expect(readableOn('#000000', LIGHT_BG)).toBe('#000000'); // already fine: unchanged
  expect(brandStyle('javascript:x')).toBeUndefined();
});
