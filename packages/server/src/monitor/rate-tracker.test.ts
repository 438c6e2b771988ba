import { describe, expect, it } from 'vitest';
import { RateTracker } from './rate-tracker.ts';

const counters = (n: number) => ({ netin: n, netout: n / 2, diskread: n * 2, diskwrite: 0 });

describe('RateTracker', () => {
  it('reports nothing for the first sample, then deltas over the uptime that passed', () => {
    const tracker = new RateTracker();
    expect(tracker.update('g', counters(1000), 100, 0)).toEqual({
      netin: 0,
      netout: 0,
      diskread: 0,
      diskwrite: 0,
    });
    // Wall clock says 1 s passed, the guest's own clock 10 s: the guest's clock wins.
    expect(tracker.update('g', counters(11_000), 110, 1000)).toEqual({
      netin: 1000,
      netout: 500,
      diskread: 2000,
      diskwrite: 0,
    });
  });

  it('repeats the last rates when Proxmox served a cached sample', () => {
    const tracker = new RateTracker();
    tracker.update('g', counters(0), 10, 0);
    const rates = tracker.update('g', counters(5000), 20, 10_000);
    expect(tracker.update('g', counters(5000), 20, 20_000)).toEqual(rates);
  });

  it('counts from zero over the new uptime after a restart, never negative', () => {
    const tracker = new RateTracker();
    tracker.update('g', counters(1_000_000), 5000, 0);
    const rates = tracker.update('g', counters(400), 4, 10_000);
    expect(rates.netin).toBe(100);
    expect(Object.values(rates).every((value) => value >= 0)).toBe(true);
  });

  it('forgets guests that are gone', () => {
    const tracker = new RateTracker();
    tracker.update('gone', counters(10), 10, 0);
    tracker.retain(new Set());
    expect(tracker.update('gone', counters(20), 20, 10_000).netin).toBe(0);
  });
});
