// Turning what went wrong on the wire into a FetchError an operator can act
// on: "connection refused by feeds.example", "HTTP 429 Too Many Requests
// (retry after 120 s)", "response larger than 20 MB".
import { BlockedAddressError } from './address-guard.ts';
import { retryAfter } from './response-headers.ts';
import { FetchError } from './types.ts';

export function httpError(
  ex: { status: number; statusText: string; headers: Record<string, string> },
  url: URL,
): FetchError {
  const retryAfterS = retryAfter(ex.headers['retry-after']);
  const hint =
    ex.status >= 300 && ex.status < 400
      ? ' (redirect without a usable Location)'
      : retryAfterS !== undefined
        ? ` (retry after ${retryAfterS} s)`
        : '';
  return new FetchError('http', `HTTP ${ex.status}${ex.statusText ? ` ${ex.statusText}` : ''}${hint}`, {
    httpStatus: ex.status,
    ...(retryAfterS !== undefined ? { retryAfterS } : {}),
    url: url.href,
  });
}

export function bodyError(err: NodeJS.ErrnoException, url: URL, encoding: string | undefined): FetchError {
  if (err instanceof FetchError) return err;
  if (err.code === 'ECONNRESET' || err.code === 'ERR_STREAM_PREMATURE_CLOSE' || err.message === 'aborted') {
    return new FetchError('network', `${url.host} closed the connection before the response was complete`, {
      url: url.href,
    });
  }
  return new FetchError(
    'decode',
    `could not decode the ${encoding ?? ''} response from ${url.host}: ${err.message}`.replace('  ', ' '),
    { url: url.href },
  );
}

export function translateError(err: NodeJS.ErrnoException, url: URL): FetchError {
  if (err instanceof FetchError) return err;
  if (err instanceof BlockedAddressError) return new FetchError('blocked-address', err.message, { url: url.href });
  // Happy Eyeballs reports every failed address at once; the first says enough.
  const first: NodeJS.ErrnoException =
    err instanceof AggregateError ? ((err.errors[0] as NodeJS.ErrnoException | undefined) ?? err) : err;
  const code = first.code ?? err.code ?? '';
  const info = { url: url.href };
  if (['ENOTFOUND', 'EAI_AGAIN', 'EAI_NODATA', 'EAI_FAIL', 'ENODATA'].includes(code))
    return new FetchError('dns', `cannot resolve ${url.hostname} (${code})`, info);
  if (code === 'ECONNREFUSED') return new FetchError('connect', `connection refused by ${url.host}`, info);
  if (['EHOSTUNREACH', 'ENETUNREACH', 'ETIMEDOUT', 'EADDRNOTAVAIL'].includes(code))
    return new FetchError('connect', `cannot reach ${url.host} (${code})`, info);
  if (code === 'ECONNRESET' || code === 'EPIPE')
    return new FetchError('network', `connection reset by ${url.host}`, info);
  if (code.startsWith('ERR_TLS') || code.includes('CERT') || code.startsWith('ERR_SSL'))
    return new FetchError('network', `TLS problem with ${url.host}: ${first.message}`, info);
  if (code.startsWith('HPE_'))
    return new FetchError('network', `${url.host} sent an invalid HTTP response (${code})`, info);
  return new FetchError('network', `${code ? `${code}: ` : ''}${first.message}`, info);
}

export function asFetchError(err: unknown, url: URL): FetchError {
  if (err instanceof FetchError) return err;
  return new FetchError('network', `fetch of ${url.href} was cancelled: ${(err as Error).message}`, { url: url.href });
}

export function tooLarge(max: number, url: URL): FetchError {
  const size =
    max >= 1024 * 1024
      ? `${Math.round((max / 1024 / 1024) * 10) / 10} MB`
      : max >= 1024
        ? `${Math.round(max / 1024)} KB`
        : `${max} bytes`;
  return new FetchError('too-large', `response larger than ${size}`, { url: url.href });
}
