import { expect, it } from 'vitest';
import { blockedReason, checkUrl, isPublicAddress } from './address-guard.ts';

it('classifies addresses', () => {
  for (const ip of ['127.0.0.1', '127.255.0.9', '10.0.0.1', '172.16.5.4', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '255.255.255.255', '224.0.0.1', '::1', '::', 'fe80::1', 'fc00::1', 'fd12:3456::1', '::ffff:127.0.0.1', '::ffff:10.0.0.1', '::ffff:7f00:1', 'ff02::1']) {
    expect(isPublicAddress(ip), ip).toBe(false);
  }
  for (const ip of ['93.184.215.14', '8.8.8.8', '172.32.0.1', '2606:4700::1111', '::ffff:8.8.8.8', '1.1.1.1']) {
    expect(isPublicAddress(ip), ip).toBe(true);
  }
  expect(blockedReason('169.254.169.254')).toMatch(/metadata/);
});

it('normalises odd IPv4 notations through URL parsing before judging them', () => {
  for (const url of ['http://2130706433/', 'http://0177.0.0.1/', 'http://0x7f.0.0.1/', 'http://127.1/', 'http://[::ffff:127.0.0.1]/']) {
    expect(() => checkUrl(url, false), url).toThrow(/loopback/);
  }
  expect(checkUrl('http://127.0.0.1/', true).hostname).toBe('127.0.0.1');
  expect(() => checkUrl('gopher://x/', false)).toThrow(/only http and https/);
});
