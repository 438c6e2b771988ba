import { describe, expect, it } from 'vitest';
import {
  forecastFill,
  formatHistorySpan,
  formatTimeToFull,
  type UsageSample,
} from './fill-forecast.ts';

const GIB = 1024 ** 3;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const T0 = Date.parse('2025-06-01T00:00:00Z');

/** Hourly samples over `hours`, used growing by `perDay` bytes a day, plus optional noise. */
function growing(perDay: number, hours: number, noise: (i: number) => number = () => 0) {
  const samples: UsageSample[] = [];
  for (let i = 0; i <= hours; i++) {
    samples.push({
      time: T0 + i * HOUR,
      used: 400 * GIB + (perDay * i) / 24 + noise(i),
      total: 1000 * GIB,
    });
  }
  return samples;
}

describe('forecastFill', () => {
  it('projects a steady growth to the day the free space runs out', () => {
    const forecast = forecastFill(growing(10 * GIB, 48));

    expect(forecast.kind).toBe('filling');
    if (forecast.kind !== 'filling') return;
    expect(forecast.bytesPerDay).toBeCloseTo(10 * GIB, -3);
    // 580 GiB free after two days at 10 GiB a day.
    expect(forecast.daysUntilFull).toBeCloseTo(58, 5);
    expect(forecast.fullAt).toBeCloseTo(T0 + 2 * DAY + 58 * DAY, -3);
    expect(forecast.historyMs).toBe(48 * HOUR);
  });

  it('fits through noise rather than trusting the last two samples', () => {
    const zigzag = (i: number) => (i % 2 === 0 ? 3 * GIB : -3 * GIB);
    const forecast = forecastFill(growing(10 * GIB, 48, zigzag));

    expect(forecast.kind).toBe('filling');
    if (forecast.kind === 'filling') expect(forecast.bytesPerDay / GIB).toBeCloseTo(10, 0);
  });

  it('says not filling when usage is flat', () => {
    expect(forecastFill(growing(0, 24)).kind).toBe('not-filling');
  });

  it('says not filling when usage shrinks, as after a prune', () => {
    const forecast = forecastFill(growing(-20 * GIB, 24));

    expect(forecast.kind).toBe('not-filling');
    if (forecast.kind === 'not-filling') expect(forecast.bytesPerDay).toBeLessThan(0);
  });

  it('treats growth too slow to matter as flat', () => {
    // 50 MiB a day on 1000 GiB: 0.005 % of the capacity a day.
    expect(forecastFill(growing(50 * 1024 ** 2, 24)).kind).toBe('not-filling');
  });

  it('waits for enough history before estimating', () => {
    const short = growing(10 * GIB, 48).filter((s) => s.time - T0 < 20 * 60_000);
    expect(forecastFill(short)).toEqual({ kind: 'unknown', historyMs: 0 });

    const twoSamples = growing(10 * GIB, 1);
    expect(forecastFill(twoSamples).kind).toBe('unknown');
    expect(forecastFill([])).toEqual({ kind: 'unknown', historyMs: 0 });
  });

  it('reports a storage that is already full, however short its history', () => {
    const full = [{ time: T0, used: 1000 * GIB, total: 1000 * GIB }];
    expect(forecastFill(full)).toEqual({ kind: 'full' });
  });

  it('sorts samples and skips those without a capacity', () => {
    const samples = growing(10 * GIB, 24).reverse();
    samples.push({ time: T0 + 30 * HOUR, used: 0, total: 0 });

    const forecast = forecastFill(samples);
    expect(forecast.kind).toBe('filling');
    if (forecast.kind === 'filling') expect(forecast.historyMs).toBe(24 * HOUR);
  });

  it('projects from the latest capacity when the storage was grown', () => {
    const samples = growing(10 * GIB, 24);
    const last = samples[samples.length - 1];
    if (last) last.total = 2000 * GIB;

    const forecast = forecastFill(samples);
    if (forecast.kind !== 'filling') throw new Error(`expected filling, got ${forecast.kind}`);
    expect(forecast.daysUntilFull).toBeGreaterThan(150);
  });
});

describe('formatTimeToFull', () => {
  it('uses the coarsest unit that still reads precisely', () => {
    expect(formatTimeToFull(0.4)).toBe('today');
    expect(formatTimeToFull(1.5)).toBe('in 1 day');
    expect(formatTimeToFull(9.9)).toBe('in 9 days');
    expect(formatTimeToFull(30)).toBe('in 4 weeks');
    expect(formatTimeToFull(200)).toBe('in 6 months');
    expect(formatTimeToFull(1000)).toBe('in 2 years');
    expect(formatTimeToFull(3000)).toBe('in over 5 years');
  });
});

describe('formatHistorySpan', () => {
  it('names the history an estimate rests on', () => {
    expect(formatHistorySpan(45 * 60_000)).toBe('45 min');
    expect(formatHistorySpan(5 * HOUR)).toBe('5 h');
    expect(formatHistorySpan(3 * DAY)).toBe('3 days');
  });
});
