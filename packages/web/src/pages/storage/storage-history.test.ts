import type { StorageChartsResponse } from '@pulse/contract';
import { describe, expect, it } from 'vitest';
import { mergeHistory, usagePoints } from './storage-history.ts';

const iso = (minute: number) => new Date(Date.UTC(2025, 5, 1, 0, minute)).toISOString();
const points = (minutes: number[], value: (m: number) => number) =>
  minutes.map((m) => ({ timestamp: iso(m), value: value(m) }));

function response(id: string, minutes: number[]): StorageChartsResponse {
  return {
    [id]: {
      usage: null,
      used: points(minutes, (m) => 100 + m),
      total: points(minutes, () => 1000),
      avail: null,
    },
  };
}

describe('mergeHistory', () => {
  it('keeps the fine points and fills in older coarse ones before them', () => {
    const recent = response('s', [120, 121, 122]);
    const week = response('s', [0, 60, 120]);

    const samples = mergeHistory([recent, week]).get('s') ?? [];
    expect(samples.map((s) => s.used)).toEqual([100, 160, 220, 221, 222]);
    expect(samples[0]).toEqual({ time: Date.parse(iso(0)), used: 100, total: 1000 });
  });

  it('skips storages without history and points without a capacity', () => {
    const partial: StorageChartsResponse = {
      empty: { usage: null, used: null, total: null, avail: null },
      half: {
        usage: null,
        used: points([1, 2], (m) => m),
        total: points([2], () => 10),
        avail: null,
      },
    };

    const history = mergeHistory([partial]);
    expect(history.has('empty')).toBe(false);
    expect(history.get('half')).toEqual([{ time: Date.parse(iso(2)), used: 2, total: 10 }]);
  });
});

describe('usagePoints', () => {
  it('turns samples into percentages', () => {
    expect(
      usagePoints([
        { time: 1, used: 25, total: 100 },
        { time: 2, used: 0, total: 0 },
      ]),
    ).toEqual([{ time: 1, value: 25 }]);
  });
});
