import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { ImageRefused, toWebp } from './transform.ts';

const limits = { maxPixels: 40_000_000 };
const photo = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 40, g: 90, b: 160 } } });

describe('toWebp', () => {
  it('narrows a picture to the width asked for, upright, as WebP without its metadata', async () => {
    // 1200×800 stored sideways: EXIF orientation 6 means "turn 90° clockwise to show".
    const jpeg = await photo(1200, 800)
      .jpeg()
      .withMetadata({ orientation: 6, exif: { IFD0: { Copyright: 'Agency', Artist: 'A. Photographer' } } })
      .toBuffer();
    expect((await sharp(jpeg).metadata()).exif).toBeDefined();
    const out = await toWebp(jpeg, 320, limits);
    const meta = await sharp(out).metadata();
    expect(meta.format).toBe('webp');
    expect([meta.width, meta.height]).toEqual([320, 480]);
    expect(meta.exif).toBeUndefined();
    expect(meta.icc).toBeUndefined();
    expect(meta.orientation).toBeUndefined();
  });

  it('never enlarges, and takes every accepted format', async () => {
    for (const format of ['png', 'gif', 'webp', 'avif', 'jpeg'] as const) {
      const small = await photo(100, 50).toFormat(format).toBuffer();
      const meta = await sharp(await toWebp(small, 640, limits)).metadata();
      expect([format, meta.format, meta.width, meta.height]).toEqual([format, 'webp', 100, 50]);
    }
  });

  it('refuses what is not a picture, a picture with too many pixels, and a broken file', async () => {
    const refusal = (p: Promise<unknown>) =>
      p.then(
        () => null,
        (e: ImageRefused) => e.reason,
      );
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>');
    expect(await refusal(toWebp(svg, 320, limits))).toBe('not-an-image');
    const png = await photo(300, 200).png().toBuffer();
    expect(await refusal(toWebp(png, 320, { maxPixels: 300 * 200 - 1 }))).toBe('too-large');
    expect(await refusal(toWebp(png, 320, { maxPixels: 300 * 200 }))).toBeNull();
    const jpeg = await photo(300, 200).jpeg().toBuffer();
    expect(await refusal(toWebp(jpeg.subarray(0, 200), 320, limits))).toBe('undecodable');
    // JPEG's magic number in front of a PNG: the bytes and the decoder disagree.
    const liar = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), png]);
    expect(await refusal(toWebp(liar, 320, limits))).not.toBeNull();
  });
});
