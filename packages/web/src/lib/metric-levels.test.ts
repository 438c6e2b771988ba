import { describe, expect, it } from 'vitest';
import { backupAgeLevel, rateLevel, usageLevel } from './metric-levels.ts';

describe('metric levels', () => {
  it('grades usage by the metric’s own thresholds', () => {
    expect(usageLevel('cpu', 79.9)).toBe('normal');
    expect(usageLevel('cpu', 80)).toBe('warning');
    expect(usageLevel('cpu', 90)).toBe('critical');
    expect(usageLevel('memory', 76)).toBe('warning');
    expect(usageLevel('memory', 85)).toBe('critical');
    expect(usageLevel('disk', 89)).toBe('warning');
  });

  it('grades I/O rates in MB/s steps', () => {
    expect(rateLevel(500_000)).toBe('idle');
    expect(rateLevel(2e6)).toBe('normal');
    expect(rateLevel(10e6)).toBe('warning');
    expect(rateLevel(80e6)).toBe('critical');
  });

  it('grades backup ages, treating no backup as critical', () => {
    expect(backupAgeLevel(3600)).toBe('normal');
    expect(backupAgeLevel(2 * 86_400)).toBe('warning');
    expect(backupAgeLevel(8 * 86_400)).toBe('critical');
    expect(backupAgeLevel(undefined)).toBe('critical');
  });
});
