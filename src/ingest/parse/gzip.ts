// A feed that arrives gzip-compressed without saying so: a .xml.gz file given
// to `feeds check`, or a server that sends a compressed body with no
// Content-Encoding. Recognised by gzip's magic bytes (1f 8b, method 8) and
// inflated before decoding, never past a cap (a small file can inflate to
// gigabytes). A truncated stream yields what arrived, as the fetcher's does.
import zlib from 'node:zlib';
import { FeedParseError } from './types.ts';

/** What a compressed feed may inflate to by default: FETCH_MAX_BYTES' default. */
export const MAX_INFLATED_BYTES = 20 * 1024 * 1024;

export function isGzip(b: Buffer): boolean {
  return b.length >= 3 && b[0] === 0x1f && b[1] === 0x8b && b[2] === 0x08;
}

/** The bytes, inflated when they are gzip; at most `maxBytes` of output. */
export function gunzipIfCompressed(b: Buffer, maxBytes = MAX_INFLATED_BYTES): Buffer {
  if (!isGzip(b)) return b;
  try {
    return zlib.gunzipSync(b, { finishFlush: zlib.constants.Z_SYNC_FLUSH, maxOutputLength: maxBytes });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE')
      throw new FeedParseError(
        `the document is gzip-compressed and inflates to more than ${(maxBytes / 1024 / 1024).toLocaleString('en')} MB`,
      );
    throw new FeedParseError(`the document is gzip-compressed but does not decompress (${(err as Error).message})`);
  }
}
