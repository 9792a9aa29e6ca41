import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPublicUrl, ConfigError, exposure, loadConfig } from './config.ts';

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

describe('PUBLIC_URL and who reaches the install', () => {
  it('counts production, PostgreSQL and a HOST beyond loopback as exposed; the default trial as local', () => {
    expect(loadConfig({}).exposedBecause).toBeUndefined();
    for (const host of ['127.0.0.1', 'localhost', '::1', '127.0.1.1'])
      expect(exposure({ host, postgres: false, nodeEnv: undefined })).toBeUndefined();
    expect(loadConfig({ HOST: '0.0.0.0' }).exposedBecause).toBe('HOST=0.0.0.0 listens beyond this machine');
    expect(loadConfig({ HOST: '192.168.1.4' }).exposedBecause).toMatch(/HOST=192.168.1.4/);
    expect(loadConfig({ DATABASE_URL: 'postgres://u@db/news', HOST: '127.0.0.1' }).exposedBecause).toBe(
      'DATABASE_URL is set',
    );
    expect(loadConfig({ NODE_ENV: 'production', HOST: '127.0.0.1' }).exposedBecause).toBe('NODE_ENV=production');
  });

  it('refuses an exposed install without PUBLIC_URL, saying what to set; warns a local one', () => {
    expect(() => checkPublicUrl(loadConfig({ HOST: '0.0.0.0', PORT: '8080' }))).toThrow(
      /PUBLIC_URL is not set, and this install is not only local \(HOST=0.0.0.0 .*http:\/\/localhost:8080.*Set PUBLIC_URL to the address readers use/,
    );
    expect(() => checkPublicUrl(loadConfig({ HOST: '0.0.0.0' }))).toThrow(ConfigError);
    expect(checkPublicUrl(loadConfig({}))).toMatch(/^PUBLIC_URL is not set: links in mail.*localhost:3000/);
    expect(checkPublicUrl(loadConfig({ HOST: '0.0.0.0', PUBLIC_URL: 'https://news.example.org/' }))).toBeUndefined();
  });
});
