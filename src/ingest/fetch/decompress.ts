// Content-Encoding → a stream of the decoded body. Lenient the way browsers
// are: a truncated gzip still yields what arrived, and "deflate" may be raw
// deflate (what many servers actually send) as well as zlib-wrapped.
import { PassThrough, pipeline, type Readable } from 'node:stream';
import zlib from 'node:zlib';

const lenient = { finishFlush: zlib.constants.Z_SYNC_FLUSH };

export class UnsupportedEncodingError extends Error {}

/** The decoded body of `body` sent with `encoding`; errors (bad data, lost connection) surface on the returned stream. */
export function decodeContent(body: Readable, encoding: string): Readable {
  const enc = encoding.trim().toLowerCase();
  if (!enc || enc === 'identity') return body;
  if (enc === 'gzip' || enc === 'x-gzip') return pipeline(body, zlib.createGunzip(lenient), noop);
  if (enc === 'br')
    return pipeline(body, zlib.createBrotliDecompress({ finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH }), noop);
  if (enc === 'deflate') return inflateEither(body);
  throw new UnsupportedEncodingError(`unsupported content encoding "${encoding}"`);
}

/** zlib-wrapped or raw deflate, told apart by the two-byte zlib header. */
function inflateEither(body: Readable): Readable {
  const out = new PassThrough();
  let head = Buffer.alloc(0);
  const onData = (chunk: Buffer) => {
    head = Buffer.concat([head, chunk]);
    if (head.length >= 2) start();
  };
  const start = () => {
    body.off('data', onData).off('end', start).pause();
    if (head.length === 0) return void out.end(); // an empty body
    const inflate = looksLikeZlib(head) ? zlib.createInflate(lenient) : zlib.createInflateRaw(lenient);
    inflate.write(head);
    pipeline(body, inflate, out, noop);
  };
  body.on('data', onData).once('end', start);
  body.once('error', (err) => out.destroy(err));
  out.once('close', () => body.destroy());
  return out;
}

function looksLikeZlib(head: Buffer): boolean {
  if (head.length < 2) return false;
  return (head[0]! & 0x0f) === 8 && ((head[0]! << 8) | head[1]!) % 31 === 0;
}

function noop(): void {}
