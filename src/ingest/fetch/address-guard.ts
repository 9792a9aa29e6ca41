// Refuses fetches to addresses a publisher's feed must never point at:
// loopback, private networks, link-local (including cloud metadata), CGNAT,
// multicast and reserved ranges, in IPv4, IPv6 and IPv4-mapped IPv6 forms.
// The check runs on the address actually connected to (inside the socket's
// DNS lookup), so a name that resolves differently a second time cannot slip
// past it.
import dns from 'node:dns';
import net from 'node:net';

type Range = [prefix: bigint, bits: number, width: 32 | 128, label: string];

function v4(cidr: string, label: string): Range {
  const [ip, bits] = cidr.split('/') as [string, string];
  return [ipv4ToBigInt(ip), Number(bits), 32, label];
}
function v6(cidr: string, label: string): Range {
  const [ip, bits] = cidr.split('/') as [string, string];
  return [ipv6ToBigInt(ip), Number(bits), 128, label];
}

const BLOCKED: Range[] = [
  v4('0.0.0.0/8', 'unspecified'),
  v4('10.0.0.0/8', 'private'),
  v4('100.64.0.0/10', 'carrier-grade NAT'),
  v4('127.0.0.0/8', 'loopback'),
  v4('169.254.0.0/16', 'link-local (cloud metadata)'),
  v4('172.16.0.0/12', 'private'),
  v4('192.0.0.0/24', 'reserved'),
  v4('192.0.2.0/24', 'documentation'),
  v4('192.168.0.0/16', 'private'),
  v4('198.18.0.0/15', 'benchmarking'),
  v4('198.51.100.0/24', 'documentation'),
  v4('203.0.113.0/24', 'documentation'),
  v4('224.0.0.0/4', 'multicast'),
  v4('240.0.0.0/4', 'reserved'),
  v6('::/128', 'unspecified'),
  v6('::1/128', 'loopback'),
  v6('64:ff9b::/96', 'NAT64'),
  v6('100::/64', 'discard'),
  v6('2001:db8::/32', 'documentation'),
  v6('fc00::/7', 'private (unique local)'),
  v6('fe80::/10', 'link-local'),
  v6('ff00::/8', 'multicast'),
];

function ipv4ToBigInt(ip: string): bigint {
  return ip.split('.').reduce((acc, part) => (acc << 8n) | BigInt(Number(part)), 0n);
}

function ipv6ToBigInt(ip: string): bigint {
  let s = ip;
  // Embedded IPv4 (::ffff:1.2.3.4)
  const m = /(.*:)(\d+\.\d+\.\d+\.\d+)$/.exec(s);
  if (m) {
    const n = ipv4ToBigInt(m[2]!);
    s = `${m[1]}${((n >> 16n) & 0xffffn).toString(16)}:${(n & 0xffffn).toString(16)}`;
  }
  const [head, tail] = s.split('::') as [string, string | undefined];
  const h = head ? head.split(':') : [];
  const t = tail !== undefined && tail ? tail.split(':') : [];
  const groups = tail !== undefined ? [...h, ...Array(8 - h.length - t.length).fill('0'), ...t] : h;
  return groups.reduce((acc, g) => (acc << 16n) | BigInt(parseInt(g || '0', 16)), 0n);
}

/** Why an IP literal is not a public address, or null when it is. */
export function blockedReason(ip: string): string | null {
  const family = net.isIP(ip);
  if (family === 0) return 'not an IP address';
  if (family === 6) {
    const n = ipv6ToBigInt(ip);
    // IPv4-mapped (::ffff:a.b.c.d) and IPv4-compatible (::a.b.c.d): judge the IPv4 inside.
    if (n >> 32n === 0xffffn || (n >> 32n === 0n && n > 1n)) return blockedReason(bigIntToIpv4(n & 0xffffffffn));
    for (const [prefix, bits, width, label] of BLOCKED) if (width === 128 && n >> BigInt(128 - bits) === prefix >> BigInt(128 - bits)) return label;
    return null;
  }
  const n = ipv4ToBigInt(ip);
  if (n === 0xffffffffn) return 'broadcast';
  for (const [prefix, bits, width, label] of BLOCKED) if (width === 32 && n >> BigInt(32 - bits) === prefix >> BigInt(32 - bits)) return label;
  return null;
}

function bigIntToIpv4(n: bigint): string {
  return [24n, 16n, 8n, 0n].map((s) => String((n >> s) & 0xffn)).join('.');
}

export function isPublicAddress(ip: string): boolean {
  return blockedReason(ip) === null;
}

export class BlockedAddressError extends Error {
  constructor(public readonly host: string, public readonly address: string, public readonly reason: string) {
    super(
      host === address
        ? `refused: ${address} is a ${reason} address (set ALLOW_PRIVATE_FEEDS=true to allow)`
        : `refused: ${host} resolves to ${address}, a ${reason} address (set ALLOW_PRIVATE_FEEDS=true to allow)`,
    );
    this.name = 'BlockedAddressError';
  }
}

export type LookupFn = (hostname: string, options: dns.LookupOptions, callback: (err: NodeJS.ErrnoException | null, address: string | dns.LookupAddress[], family?: number) => void) => void;

/**
 * A DNS lookup for http.Agent / net.connect that refuses non-public results.
 * `resolve` is the underlying lookup (dns.lookup by default; tests inject one).
 */
export function guardedLookup(resolve: LookupFn = dns.lookup as unknown as LookupFn, allowPrivate = false, allowHosts: ReadonlySet<string> = new Set()): LookupFn {
  return (hostname, options, callback) => {
    const trusted = allowPrivate || allowHosts.has(hostname.toLowerCase());
    resolve(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '', 0);
      const list = (Array.isArray(addresses) ? addresses : [{ address: addresses as string, family: net.isIP(addresses as string) }]) as dns.LookupAddress[];
      if (list.length === 0) return callback(Object.assign(new Error(`${hostname} has no addresses`), { code: 'ENOTFOUND' }), '', 0);
      if (!trusted) {
        for (const a of list) {
          const reason = blockedReason(a.address);
          if (reason) return callback(new BlockedAddressError(hostname, a.address, reason) as NodeJS.ErrnoException, '', 0);
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
 * 0177.0.0.1 and 0x7f.1 into 127.0.0.1).
 */
export function checkUrl(raw: string, allowPrivate: boolean, allowHosts: ReadonlySet<string> = new Set()): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`not a valid URL: ${raw}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`only http and https URLs can be fetched, not ${url.protocol}`);
  if (url.username || url.password) throw new Error('URLs with a user name or password are refused');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!allowPrivate && !allowHosts.has(host.toLowerCase()) && net.isIP(host)) {
    const reason = blockedReason(host);
    if (reason) throw new BlockedAddressError(host, host, reason);
  }
  return url;
}
