// Which kind of picture a body is, from its first bytes (never from the
// Content-Type the server sent): the five raster formats browsers and sharp
// both read. Anything else (SVG, HTML, TIFF, HEIC, a PDF) is not an image here.

export type ImageKind = 'jpeg' | 'png' | 'gif' | 'webp' | 'avif';

const ascii = (buf: Uint8Array, start: number, end: number) => String.fromCharCode(...buf.subarray(start, end));

export function sniffImage(buf: Uint8Array): ImageKind | null {
  if (buf.length < 12) return null;
  if (buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff) return 'jpeg';
  if (ascii(buf, 0, 8) === '\x89PNG\r\n\x1a\n') return 'png';
  const six = ascii(buf, 0, 6);
  if (six === 'GIF87a' || six === 'GIF89a') return 'gif';
  if (ascii(buf, 0, 4) === 'RIFF' && ascii(buf, 8, 12) === 'WEBP') return 'webp';
  if (isAvif(buf)) return 'avif';
  return null;
}

/** An ISO-BMFF file whose ftyp box names AVIF (major or compatible brand); HEIC and MP4 are refused. */
function isAvif(buf: Uint8Array): boolean {
  if (ascii(buf, 4, 8) !== 'ftyp') return false;
  const size = ((buf[0]! << 24) | (buf[1]! << 16) | (buf[2]! << 8) | buf[3]!) >>> 0;
  if (size < 16 || size > 4096 || size > buf.length || size % 4 !== 0) return false;
  for (let at = 8; at + 4 <= size; at += 4) {
    if (at === 12) continue; // the minor version, not a brand
    const brand = ascii(buf, at, at + 4);
    if (brand === 'avif' || brand === 'avis') return true;
  }
  return false;
}

/** The name sharp gives each kind in its metadata (AVIF is read by its HEIF loader). */
export const SHARP_FORMAT: Record<ImageKind, string> = {
  jpeg: 'jpeg',
  png: 'png',
  gif: 'gif',
  webp: 'webp',
  avif: 'heif',
};
