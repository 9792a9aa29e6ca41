// The metrics port: its rule as a pure function (who may scrape without a
// token), and the real listener on loopback.
import { afterEach, describe, expect, it } from 'vitest';
import { isInternalAddress, listenerAccess, listenForMetrics, type MetricsListener } from './listener.ts';
import { createMetrics } from './metrics.ts';
import type { OperationsSummary } from './summary.ts';

const summary = async (): Promise<OperationsSummary> => ({
  ingest: {
    feeds: 3,
    active: 2,
    parked: 1,
    disabled: 0,
    failing: 1,
    due: 1,
    lastSuccessAt: null,
    articles: 10,
    newestArticleAt: null,
  },
  curation: { waiting: 4, oldestQueuedAt: 0 },
});

describe('who may scrape the metrics port', () => {
  it('without a token: loopback and private networks only', () => {
    for (const a of ['127.0.0.1', '::1', '10.1.2.3', '172.20.0.5', '192.168.1.9', '::ffff:10.0.0.7', 'fd12::1'])
      expect([a, isInternalAddress(a)]).toEqual([a, true]);
    for (const a of ['8.8.8.8', '172.32.0.1', '2001:db8::1', '::ffff:8.8.8.8', 'localhost', '', undefined])
      expect([a, isInternalAddress(a)]).toEqual([a, false]);
    expect(listenerAccess({ token: undefined, authorization: undefined, remoteAddress: '203.0.113.9' })).toBe(
      'forbidden',
    );
    expect(listenerAccess({ token: undefined, authorization: undefined, remoteAddress: '10.0.0.2' })).toBe('allowed');
  });

  it('with a token: its holder from anywhere, nobody else, not even loopback', () => {
    const token = 'a-metrics-token-long-enough';
    const from = (remoteAddress: string, authorization?: string) =>
      listenerAccess({ token, authorization, remoteAddress });
    expect(from('203.0.113.9', `Bearer ${token}`)).toBe('allowed');
    expect(from('203.0.113.9', `bearer  ${token} `)).toBe('allowed');
    expect(from('127.0.0.1')).toBe('unauthorised');
    expect(from('127.0.0.1', `Bearer ${token.slice(1)}`)).toBe('unauthorised');
    expect(from('127.0.0.1', token)).toBe('unauthorised');
  });
});

describe('the metrics listener', () => {
  let listener: MetricsListener | undefined;
  afterEach(async () => {
    await listener?.close();
    listener = undefined;
  });

  it('serves GET /metrics on its own port, and nothing else', async () => {
    const metrics = createMetrics({ summary, now: () => 60_000 });
    metrics.jobRan('feeds', 'failed', 1200);
    listener = await listenForMetrics(metrics, { port: 0, host: '127.0.0.1', token: undefined });
    const base = `http://127.0.0.1:${listener.port}`;
    const res = await fetch(`${base}/metrics`);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toContain('masthead_job_runs_total{job="feeds",result="failed"} 1');
    expect(text).toContain('masthead_feeds{state="parked"} 1');
    expect(text).toContain('masthead_curation_queue_length 4');
    expect(text).toContain('masthead_curation_queue_oldest_age_seconds 60');
    expect((await fetch(`${base}/`)).status).toBe(404);
    expect((await fetch(`${base}/metrics`, { method: 'POST' })).status).toBe(404);
  });

  it('asks for the token when one is set', async () => {
    const metrics = createMetrics({ summary });
    const token = 'a-metrics-token-long-enough';
    listener = await listenForMetrics(metrics, { port: 0, host: '127.0.0.1', token });
    const url = `http://127.0.0.1:${listener.port}/metrics`;
    expect((await fetch(url)).status).toBe(401);
    expect((await fetch(url, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
  });

  it('says which setting to change when its port is taken', async () => {
    const metrics = createMetrics({ summary });
    listener = await listenForMetrics(metrics, { port: 0, host: '127.0.0.1', token: undefined });
    await expect(
      listenForMetrics(metrics, { port: listener.port, host: '127.0.0.1', token: undefined }),
    ).rejects.toThrow(/METRICS_PORT/);
  });
});
