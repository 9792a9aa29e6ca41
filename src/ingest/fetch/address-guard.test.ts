import type { LookupAddress } from 'node:dns';
import { describe, expect, it } from 'vitest';
import {
  BlockedAddressError,
  blockedReason,
  checkUrl,
  guardedLookup,
  isPublicAddress,
  type LookupFn,
} from './address-guard.ts';

describe('isPublicAddress', () => {
  it('refuses loopback, private, link-local, CGNAT, unspecified, multicast and broadcast IPv4', () => {
    for (const ip of [
      '127.0.0.1',
      '127.255.0.9',
      '10.0.0.1',
      '10.255.255.255',
      '172.16.5.4',
      '172.31.255.255',
      '192.168.1.1',
      '169.254.169.254',
      '169.254.0.1',
      '100.64.0.1',
      '100.127.255.254',
      '0.0.0.0',
      '0.1.2.3',
      '255.255.255.255',
      '224.0.0.1',
      '239.255.255.250',
      '240.0.0.1',
      '192.0.2.1',
      '198.18.0.1',
    ]) {
      expect(isPublicAddress(ip), ip).toBe(false);
    }
  });

  it('refuses loopback, unique-local, link-local and multicast IPv6, and IPv4 forms inside IPv6', () => {
    for (const ip of [
      '::1',
      '::',
      '0:0:0:0:0:0:0:1',
      'fe80::1',
      'fe80::1%eth0',
      'febf::1',
      'fc00::1',
      'fd12:3456::1',
      'ff02::1',
      '::ffff:127.0.0.1',
      '::ffff:7f00:1',
      '::ffff:10.0.0.1',
      '::ffff:169.254.169.254',
      '::ffff:0:0',
      '::127.0.0.1',
      '64:ff9b::7f00:1',
      '64:ff9b::10.0.0.1',
      '2002:7f00:1::',
      '2002:c0a8:101::1',
      '2001::1',
      '2001:db8::1',
    ]) {
      expect(isPublicAddress(ip), ip).toBe(false);
    }
  });

  it('accepts public addresses, including public IPv4 inside IPv6', () => {
    for (const ip of [
      '93.184.215.14',
      '8.8.8.8',
      '1.1.1.1',
      '172.32.0.1',
      '172.15.255.255',
      '100.128.0.1',
      '169.253.0.1',
      '223.255.255.255',
      '2606:4700::1111',
      '2a00:1450:4001:82b::200e',
      '::ffff:8.8.8.8',
      '64:ff9b::808:808',
      '2002:808:808::1',
    ]) {
      expect(isPublicAddress(ip), ip).toBe(true);
    }
  });

  it('says why, in words', () => {
    expect(blockedReason('127.0.0.1')).toBe('loopback');
    expect(blockedReason('::ffff:127.0.0.1')).toBe('loopback');
    expect(blockedReason('169.254.169.254')).toMatch(/link-local.*metadata/);
    expect(blockedReason('100.64.0.1')).toBe('carrier-grade NAT');
    expect(blockedReason('fd00::1')).toMatch(/private/);
    expect(blockedReason('255.255.255.255')).toBe('broadcast');
    expect(blockedReason('8.8.8.8')).toBeNull();
    expect(blockedReason('localhost')).toBe('not an IP address');
    expect(isPublicAddress('example.org')).toBe(false);
  });
});

describe('checkUrl', () => {
  it('normalises odd IPv4 notations through URL parsing before judging them', () => {
    for (const url of [
      'http://127.0.0.1/',
      'http://2130706433/',
      'http://0177.0.0.1/',
      'http://0x7f.0.0.1/',
      'http://0x7f000001/',
      'http://127.1/',
      'http://[::1]/',
      'http://[::ffff:127.0.0.1]/',
      'HTTP://[0:0:0:0:0:0:0:1]:8080/',
    ]) {
      expect(() => checkUrl(url, false), url).toThrow(/loopback/);
    }
    expect(() => checkUrl('http://169.254.169.254/latest/meta-data/', false)).toThrow(
      'refused: 169.254.169.254 is a link-local (cloud metadata) address (set ALLOW_PRIVATE_FEEDS=true to allow)',
    );
    expect(() => checkUrl('http://0.0.0.0/', false)).toThrow('refused: 0.0.0.0 is an unspecified address');
  });

  it('lets private literals through when allowed, globally or for a trusted host', () => {
    expect(checkUrl('http://127.0.0.1/', true).hostname).toBe('127.0.0.1');
    expect(checkUrl('http://10.0.0.5/feed', false, new Set(['10.0.0.5'])).href).toBe('http://10.0.0.5/feed');
    expect(checkUrl('https://feeds.example/rss', false).host).toBe('feeds.example'); // names are judged at connect time
  });

  it('refuses other schemes, credentials and garbage', () => {
    expect(() => checkUrl('gopher://x/', false)).toThrow('only http and https URLs can be fetched, not gopher:');
    expect(() => checkUrl('file:///etc/passwd', true)).toThrow(/only http and https/);
    expect(() => checkUrl('http://user:pw@feeds.example/', true)).toThrow(/user name or password/);
    expect(() => checkUrl('http://user@feeds.example/', true)).toThrow(/user name or password/);
    expect(() => checkUrl('not a url', true)).toThrow('not a valid URL: not a url');
  });
});

describe('guardedLookup', () => {
  const table: Record<string, LookupAddress[]> = {
    'public.test': [
      { address: '93.184.215.14', family: 4 },
      { address: '2606:2800:21f:cb07:6820:80da:af6b:8b2c', family: 6 },
    ],
    'evil.test': [{ address: '127.0.0.1', family: 4 }],
    'mixed.test': [
      { address: '93.184.215.14', family: 4 },
      { address: '10.0.0.1', family: 4 },
    ],
    'metadata.test': [{ address: '169.254.169.254', family: 4 }],
  };
  const resolver: LookupFn = (host, _o, cb) => {
    const hit = table[host.toLowerCase().replace(/\.$/, '')];
    if (hit) return cb(null, hit);
    cb(Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' }), '', 0);
  };
  const run = (lookup: LookupFn, host: string, all: boolean) =>
    new Promise<{ err: NodeJS.ErrnoException | null; address: unknown; family?: number }>((resolve) =>
      lookup(host, { all }, (err, address, family) => resolve({ err, address, family })),
    );

  it('passes public answers through, in both calling styles', async () => {
    const lookup = guardedLookup(resolver);
    expect(await run(lookup, 'public.test', true)).toMatchObject({ err: null, address: table['public.test'] });
    expect(await run(lookup, 'public.test', false)).toMatchObject({ err: null, address: '93.184.215.14', family: 4 });
  });

  it('refuses a name with any private answer, saying which', async () => {
    const lookup = guardedLookup(resolver);
    const evil = await run(lookup, 'evil.test', false);
    expect(evil.err).toBeInstanceOf(BlockedAddressError);
    expect(evil.err?.message).toBe(
      'refused: evil.test resolves to 127.0.0.1, a loopback address (set ALLOW_PRIVATE_FEEDS=true to allow)',
    );
    expect((await run(lookup, 'mixed.test', true)).err?.message).toMatch(
      /mixed\.test resolves to 10\.0\.0\.1, a private address/,
    );
    expect((await run(lookup, 'metadata.test', true)).err?.message).toMatch(/cloud metadata/);
    expect((await run(lookup, 'nowhere.test', true)).err?.code).toBe('ENOTFOUND');
  });

  it('trusts everything when allowed, or the operator’s hosts', async () => {
    expect((await run(guardedLookup(resolver, true), 'evil.test', false)).address).toBe('127.0.0.1');
    const trusted = guardedLookup(resolver, false, new Set(['evil.test']));
    expect((await run(trusted, 'EVIL.test.', false)).err).toBeNull();
    expect((await run(trusted, 'mixed.test', false)).err).toBeInstanceOf(BlockedAddressError);
  });

  it('uses the system resolver by default: localhost is loopback', async () => {
    const r = await run(guardedLookup(), 'localhost', true);
    expect(r.err).toBeInstanceOf(BlockedAddressError);
    expect(r.err?.message).toMatch(/^refused: localhost resolves to (127\.0\.0\.1|::1), a loopback address/);
  });
});
