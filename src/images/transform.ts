// Decoding a publisher's picture and writing our own copy: one frame, turned
// upright, metadata stripped (sharp keeps none unless asked), converted to
// sRGB, narrowed to the width asked for (never enlarged) and encoded as WebP.
// The pixel count is checked from the header before anything is decoded, so
// a small file that claims a huge canvas (a decompression bomb) costs nothing.
import sharp, { type Metadata } from 'sharp';
import { SHARP_FORMAT, sniffImage } from './sniff.ts';

export class ImageRefused extends Error {
  constructor(
    public readonly reason: 'not-an-image' | 'too-large' | 'undecodable',
    message: string,
  ) {
    super(message);
    this.name = 'ImageRefused';
  }
}

export interface TransformLimits {
  /** Largest canvas (width × height) we decode. */
  maxPixels: number;
}

let tuned = false;
/** libvips' own cache holds decoded images we never reuse; one thread per image leaves the other core to requests. */
function tune(): void {
  if (tuned) return;
  tuned = true;
  sharp.cache(false);
  sharp.concurrency(1);
}

export async function toWebp(source: Buffer, width: number, limits: TransformLimits): Promise<Buffer> {
  tune();
  const kind = sniffImage(source);
  if (!kind) throw new ImageRefused('not-an-image', 'the file is not a JPEG, PNG, GIF, WebP or AVIF image');
  const options = { limitInputPixels: limits.maxPixels, animated: false, failOn: 'error' } as const;
  let meta: Metadata;
  try {
    meta = await sharp(source, options).metadata();
  } catch (err) {
    throw undecodable(err);
  }
  if (meta.format !== SHARP_FORMAT[kind])
    throw new ImageRefused('not-an-image', `the file starts like ${kind} but decodes as ${meta.format ?? 'nothing'}`);
  const w = meta.width ?? 0;
  const h = meta.height ?? 0;
  if (!w || !h) throw new ImageRefused('undecodable', 'the image has no size');
  if (w * h > limits.maxPixels)
    throw new ImageRefused('too-large', `the image is ${w}×${h} pixels, more than ${limits.maxPixels} in all`);
  try {
    return await sharp(source, options)
      .rotate()
      .resize({ width, withoutEnlargement: true })
      .toColourspace('srgb')
      .webp({ quality: 78, effort: 3 })
      .toBuffer();
  } catch (err) {
    throw undecodable(err);
  }
}

function undecodable(err: unknown): ImageRefused {
  const message = (err as Error).message ?? String(err);
  if (/pixel limit/i.test(message)) return new ImageRefused('too-large', 'the image has too many pixels');
  return new ImageRefused('undecodable', `the image could not be decoded (${message.split('\n')[0]!.slice(0, 120)})`);
}
