// Stopping on a signal: the first asks for an orderly stop; past the deadline, or at a second signal, the
// process exits anyway and says why; a stop that finishes in time exits nobody.
import { EventEmitter } from 'node:events';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchForShutdown } from './shutdown.ts';

function setup() {
  const lines: { msg: string }[] = [];
  const log = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
  const signals = new EventEmitter();
  const exits: number[] = [];
  const watch = watchForShutdown(log, { timeoutMs: 10_000, signals, exit: (code) => void exits.push(code) });
  return { lines, signals, exits, watch };
}

describe('stopping on a signal', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('asks for a stop at SIGTERM and exits nobody when the stop finishes in time', async () => {
    const { signals, exits, watch, lines } = setup();
    signals.emit('SIGTERM', 'SIGTERM');
    await expect(watch.requested).resolves.toBe('SIGTERM');
    watch.done();
    await vi.advanceTimersByTimeAsync(9_999);
    expect(exits).toEqual([]);
    expect(lines.map((l) => l.msg)).toEqual([expect.stringMatching(/^shutting down/), 'stopped']);
  });

  it('exits anyway, saying so, when the stop overruns the deadline', async () => {
    const { signals, exits, watch, lines } = setup();
    signals.emit('SIGINT', 'SIGINT');
    await watch.requested;
    await vi.advanceTimersByTimeAsync(9_999);
    expect(exits).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(exits).toEqual([1]);
    expect(lines.at(-1)!.msg).toMatch(/did not finish within SHUTDOWN_TIMEOUT_MS/);
  });

  it('exits at once at a second signal', async () => {
    const { signals, exits, watch } = setup();
    signals.emit('SIGTERM', 'SIGTERM');
    await watch.requested;
    expect(exits).toEqual([]);
    signals.emit('SIGINT', 'SIGINT');
    expect(exits).toEqual([1]);
  });
});
