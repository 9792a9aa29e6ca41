import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('configuration from the environment', () => {
  it('defaults to the embedded install with demo content', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.dataDir).toBe(path.resolve('./data'));
    expect(c.database).toEqual({ kind: 'sqlite', file: path.resolve('./data/masthead.sqlite') });
    expect(c.demo).toBe(true);
    expect(c.allowPrivateFeeds).toBe(false);
  });

  it('switches to PostgreSQL with DATABASE_URL, where demo content is off unless asked', () => {
    const c = loadConfig({ DATABASE_URL: 'postgres://u@db:5432/news' });
    expect(c.database).toEqual({ kind: 'postgres', url: 'postgres://u@db:5432/news' });
    expect(c.demo).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://u@db/news', DEMO: 'yes' }).demo).toBe(true);
  });

  it('reads booleans and numbers in their common spellings', () => {
    expect(loadConfig({ ALLOW_PRIVATE_FEEDS: 'ON', PORT: '8080', DEMO: '0' })).toMatchObject({
      allowPrivateFeeds: true,
      port: 8080,
      demo: false,
    });
  });

  it('names every bad variable in one clear error', () => {
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', DEMO: 'maybe' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const msg = (err as Error).message;
      expect(msg).toMatch(/PORT="eighty": expected a whole number/);
      expect(msg).toMatch(/DATABASE_URL="mysql:\/\/x": expected postgres/);
      expect(msg).toMatch(/DEMO="maybe": expected true\/false/);
    }
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT/);
    expect(() => loadConfig({ FEED_MIN_INTERVAL_S: '9000', FEED_MAX_INTERVAL_S: '600' })).toThrow(/larger than/);
  });

  it('trusts no proxy unless told which, and never every one', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '127.0.0.1, 10.0.0.0/8,::1' }).trustProxy).toEqual([
      '127.0.0.1',
      '10.0.0.0/8',
      '::1',
    ]);
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY="true": expected the proxy's addresses/);
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.0/40' })).toThrow(/not an address: 10.0.0.0\/40/);
  });

  it('keeps metrics private unless told: no token, no port of their own, loopback when one is given', () => {
    expect(loadConfig({}).metrics).toEqual({ token: undefined, port: undefined, host: '127.0.0.1' });
    expect(loadConfig({ METRICS_PORT: '9464', METRICS_TOKEN: 'x'.repeat(24) }).metrics).toEqual({
      token: 'x'.repeat(24),
      port: 9464,
      host: '127.0.0.1',
    });
    expect(() => loadConfig({ METRICS_TOKEN: 'secret' })).toThrow(/METRICS_TOKEN.*at least 16 characters/);
    expect(() => loadConfig({ PORT: '8080', METRICS_PORT: '8080' })).toThrow(
      /METRICS_PORT \(8080\) is the site's own PORT/,
    );
  });
});
