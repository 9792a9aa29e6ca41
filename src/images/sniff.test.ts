import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { sniffImage } from './sniff.ts';

const canvas = () => sharp({ create: { width: 8, height: 6, channels: 3, background: '#c33' } });

describe('sniffImage', () => {
  it('knows the five raster formats from their bytes', async () => {
    expect(sniffImage(await canvas().jpeg().toBuffer())).toBe('jpeg');
    expect(sniffImage(await canvas().png().toBuffer())).toBe('png');
    expect(sniffImage(await canvas().gif().toBuffer())).toBe('gif');
    expect(sniffImage(await canvas().webp().toBuffer())).toBe('webp');
    expect(sniffImage(await canvas().avif().toBuffer())).toBe('avif');
  });

  it('refuses everything else, whatever it claims to be', async () => {
    const svg = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"><script>alert(1)</script></svg>',
    );
    expect(sniffImage(svg)).toBeNull();
    expect(sniffImage(Buffer.from('<!doctype html><title>Not found</title>'))).toBeNull();
    expect(sniffImage(await canvas().tiff().toBuffer())).toBeNull();
    expect(sniffImage(Buffer.from([0xff, 0xd8]))).toBeNull(); // too short to be anything
    // An ISO-BMFF file that is HEIC or an MP4, not AVIF.
    const ftyp = (brands: string[]) => {
      const body = Buffer.from(`ftyp${brands[0]}\0\0\0\0${brands.slice(1).join('')}`, 'latin1');
      const size = Buffer.alloc(4);
      size.writeUInt32BE(body.length + 4);
      return Buffer.concat([size, body, Buffer.alloc(16)]);
    };
    expect(sniffImage(ftyp(['heic', 'mif1', 'heic']))).toBeNull();
    expect(sniffImage(ftyp(['isom', 'isom', 'mp41']))).toBeNull();
    expect(sniffImage(ftyp(['mif1', 'mif1', 'avif']))).toBe('avif');
  });
});
