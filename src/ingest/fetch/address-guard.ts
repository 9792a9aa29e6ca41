// Refuses fetches to addresses a publisher's feed must never point at:
// loopback, private networks, link-local (including cloud metadata), CGNAT,
// multicast and reserved ranges, in IPv4, IPv6 and IPv4-in-IPv6 forms.
// The check runs on the address actually connected to (inside the socket's
// DNS lookup), so a name that resolves differently a second time cannot slip
// past it.
import dns from 'node:dns';
import net from 'node:net';
import type { LookupFn } from './types.ts';

export type { LookupFn } from './types.ts';

type Range = [prefix: bigint, bits: number, label: string];

function cidr(spec: string, label: string): Range {
  const [ip, bits] = spec.split('/') as [string, string];
  return [net.isIPv4(ip) ? ipv4ToBigInt(ip) : ipv6ToBigInt(ip), Number(bits), label];
}

const BLOCKED_V4: Range[] = [
  cidr('0.0.0.0/8', 'unspecified'),
  cidr('10.0.0.0/8', 'private'),
  cidr('100.64.0.0/10', 'carrier-grade NAT'),
  cidr('127.0.0.0/8', 'loopback'),
  cidr('169.254.0.0/16', 'link-local (cloud metadata)'),
  cidr('172.16.0.0/12', 'private'),
  cidr('192.0.0.0/24', 'reserved'),
  cidr('192.0.2.0/24', 'documentation'),
  cidr('192.168.0.0/16', 'private'),
  cidr('198.18.0.0/15', 'benchmarking'),
  cidr('198.51.100.0/24', 'documentation'),
  cidr('203.0.113.0/24', 'documentation'),
  cidr('224.0.0.0/4', 'multicast'),
  cidr('240.0.0.0/4', 'reserved'),
];

const BLOCKED_V6: Range[] = [
  cidr('::/128', 'unspecified'),
  cidr('::1/128', 'loopback'),
  cidr('64:ff9b:1::/48', 'local NAT64'),
  cidr('100::/64', 'discard'),
  cidr('2001::/32', 'Teredo tunnel'),
  cidr('2001:db8::/32', 'documentation'),
  cidr('fc00::/7', 'private (unique local)'),
  cidr('fe80::/10', 'link-local'),
  cidr('fec0::/10', 'site-local'),
  cidr('ff00::/8', 'multicast'),
];

function ipv4ToBigInt(ip: string): bigint {
  return ip.split('.').reduce((acc, part) => (acc << 8n) | BigInt(Number(part)), 0n);
}

function bigIntToIpv4(n: bigint): string {
  return [24n, 16n, 8n, 0n].map((s) => String((n >> s) & 0xffn)).join('.');
}

function ipv6ToBigInt(ip: string): bigint {
  let s = ip.split('%')[0]!; // drop a zone id (fe80::1%eth0)
  const embedded = /^((?:[0-9a-f]{0,4}:){2,6})(\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3})$/i.exec(s); // ::ffff:1.2.3.4
  if (embedded) {
    const n = ipv4ToBigInt(embedded[2]!);
    s = `${embedded[1]}${(n >> 16n).toString(16)}:${(n & 0xffffn).toString(16)}`;
  }
  const [head, tail] = s.split('::') as [string, string | undefined];
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const groups = tail !== undefined ? [...h, ...Array<string>(8 - h.length - t.length).fill('0'), ...t] : h;
  return groups.reduce((acc, g) => (acc << 16n) | BigInt(parseInt(g || '0', 16)), 0n);
}

function inRange(n: bigint, width: number, [prefix, bits]: Range): boolean {
  const shift = BigInt(width - bits);
  return n >> shift === prefix >> shift;
}

/** Why an IP literal is not a public address, or null when it is. */
export function blockedReason(ip: string): string | null {
  const family = net.isIP(ip);
  if (family === 0) return 'not an IP address';
  if (family === 4) {
    const n = ipv4ToBigInt(ip);
    if (n === 0xffffffffn) return 'broadcast';
    return BLOCKED_V4.find((r) => inRange(n, 32, r))?.[2] ?? null;
  }
  const n = ipv6ToBigInt(ip);
  const low32 = bigIntToIpv4(n & 0xffffffffn);
  // Forms that carry an IPv4 address inside: judge the IPv4 address.
  if (n >> 32n === 0xffffn) return blockedReason(low32); // IPv4-mapped ::ffff:a.b.c.d
  if (n >> 32n === 0n && n > 1n) return blockedReason(low32); // IPv4-compatible ::a.b.c.d (deprecated)
  if (n >> 32n === 0x64ff9b0000000000000000n) return blockedReason(low32); // NAT64 64:ff9b::a.b.c.d
  if (n >> 112n === 0x2002n) return blockedReason(bigIntToIpv4((n >> 80n) & 0xffffffffn)); // 6to4 2002:aabb:ccdd::
  return BLOCKED_V6.find((r) => inRange(n, 128, r))?.[2] ?? null;
}

export function isPublicAddress(ip: string): boolean {
  return blockedReason(ip) === null;
}

const article = (word: string) => (/^[aeiou]/i.test(word) ? 'an' : 'a');

export class BlockedAddressError extends Error {
  readonly code = 'EBLOCKEDADDRESS';
  constructor(
    public readonly host: string,
    public readonly address: string,
    public readonly reason: string,
  ) {
    const what = `${article(reason)} ${reason} address`;
    super(
      host === address
        ? `refused: ${address} is ${what} (set ALLOW_PRIVATE_FEEDS=true to allow)`
        : `refused: ${host} resolves to ${address}, ${what} (set ALLOW_PRIVATE_FEEDS=true to allow)`,
    );
    this.name = 'BlockedAddressError';
  }
}

export function normaliseHost(host: string): string {
  return host
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '');
}

/**
 * A DNS lookup for http.Agent / net.connect that refuses non-public results.
 * `resolve` is the underlying lookup (dns.lookup by default; tests inject one).
 * Every address a name resolves to must be public: one private answer among
 * public ones is refused rather than filtered, so the operator hears of it.
 */
export function guardedLookup(
  resolve: LookupFn = dns.lookup as unknown as LookupFn,
  allowPrivate = false,
  allowHosts: ReadonlySet<string> = new Set(),
): LookupFn {
  return (hostname, options, callback) => {
    const trusted = allowPrivate || allowHosts.has(normaliseHost(hostname));
    resolve(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '', 0);
      const list: dns.LookupAddress[] = Array.isArray(addresses)
        ? addresses
        : [{ address: addresses, family: net.isIP(addresses) }];
      if (list.length === 0)
        return callback(Object.assign(new Error(`${hostname} has no addresses`), { code: 'ENOTFOUND' }), '', 0);
      if (!trusted) {
        for (const a of list) {
          const reason = blockedReason(a.address);
          if (reason) return callback(new BlockedAddressError(hostname, a.address, reason), '', 0);
        }
      }
      if (options.all) return callback(null, list);
      callback(null, list[0]!.address, list[0]!.family);
    });
  };
}

/**
 * URL-level checks before any connection: scheme, credentials, and IP
 * literals in any notation (WHATWG URL parsing already turns 2130706433,
 * 0177.0.0.1, 0x7f.1 and 127.1 into 127.0.0.1). Names are checked later, by
 * guardedLookup, on the addresses actually connected to.
 */
export function checkUrl(raw: string, allowPrivate: boolean, allowHosts: ReadonlySet<string> = new Set()): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`not a valid URL: ${raw}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new Error(`only http and https URLs can be fetched, not ${url.protocol}`);
  if (url.username || url.password)
    throw new Error(`refused: URLs with a user name or password are not fetched (${url.host})`);
  const host = normaliseHost(url.hostname);
  if (!allowPrivate && !allowHosts.has(host) && net.isIP(host)) {
    const reason = blockedReason(host);
    if (reason) throw new BlockedAddressError(host, host, reason);
  }
  return url;
}
