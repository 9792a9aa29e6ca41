// A minimal PNG encoder (truecolour + alpha, one IDAT): enough to draw the
// app icons ourselves at startup, with no image library.
import zlib from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

/** pixel(x, y) → [r, g, b, a] */
export function encodePng(
  width: number,
  height: number,
  pixel: (x: number, y: number) => [number, number, number, number],
): Buffer {
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 4 + 1);
    raw[row] = 0;
    for (let x = 0; x < width; x++) raw.set(pixel(x, y), row + 1 + x * 4);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The Masthead mark: a rounded square in ink blue with a white "M" drawn as strokes. */
export function iconPng(size: number, maskable = false): Buffer {
  const pad = maskable ? 0 : size * 0.06;
  const r = size * 0.2;
  const stroke = size * 0.1;
  // The M: four segments between these points (fractions of the size).
  const pts = [
    [0.27, 0.72],
    [0.27, 0.3],
    [0.5, 0.56],
    [0.73, 0.3],
    [0.73, 0.72],
  ].map(([x, y]) => [x! * size, y! * size] as const);
  const distToSeg = (
    px: number,
    py: number,
    [ax, ay]: readonly [number, number],
    [bx, by]: readonly [number, number],
  ) => {
    const dx = bx - ax;
    const dy = by - ay;
    const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
    return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
  };
  return encodePng(size, size, (x, y) => {
    const cx = Math.min(Math.max(x, pad + r), size - pad - r);
    const cy = Math.min(Math.max(y, pad + r), size - pad - r);
    const inside = maskable || Math.hypot(x - cx, y - cy) <= r;
    if (!inside || x < pad || y < pad || x > size - pad || y > size - pad) return [0, 0, 0, 0];
    let d = Infinity;
    for (let i = 0; i < pts.length - 1; i++) d = Math.min(d, distToSeg(x + 0.5, y + 0.5, pts[i]!, pts[i + 1]!));
    const ink = Math.max(0, Math.min(1, stroke / 2 - d + 0.5));
    const bg = [31, 78, 121];
    return [
      Math.round(bg[0]! + (255 - bg[0]!) * ink),
      Math.round(bg[1]! + (255 - bg[1]!) * ink),
      Math.round(bg[2]! + (255 - bg[2]!) * ink),
      255,
    ];
  });
}
