import { describe, expect, it } from 'vitest';
import {
  formatAge,
  formatAgo,
  formatBytes,
  formatCount,
  formatLoad,
  formatPercent,
  formatRate,
  formatUptime,
  formatUsage,
  MISSING,
} from './format.ts';

const GIB = 1024 ** 3;
const NOW = Date.parse('2025-06-01T12:00:00Z');

describe('formatBytes', () => {
  it('uses binary units with three significant digits at most', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1023)).toBe('1023 B');
    expect(formatBytes(1536)).toBe('1.5 KiB');
    expect(formatBytes(16 * GIB)).toBe('16 GiB');
    expect(formatBytes(123.4 * GIB)).toBe('123 GiB');
    expect(formatBytes(1.234 * GIB)).toBe('1.23 GiB');
    expect(formatBytes(2 * 1024 ** 4)).toBe('2 TiB');
  });

  it('keeps round hundreds whole', () => {
    expect(formatBytes(100 * GIB)).toBe('100 GiB');
    expect(formatBytes(500 * 1024 ** 2)).toBe('500 MiB');
  });

  it('prints missing values as a dash', () => {
    expect(formatBytes(undefined)).toBe(MISSING);
    expect(formatBytes(Number.NaN)).toBe(MISSING);
  });
});

describe('formatRate', () => {
  it('uses decimal units per second', () => {
    expect(formatRate(0)).toBe('0 B/s');
    expect(formatRate(999)).toBe('999 B/s');
    expect(formatRate(1250)).toBe('1.25 KB/s');
    expect(formatRate(52_000_000)).toBe('52 MB/s');
    expect(formatRate(1_500_000_000)).toBe('1.5 GB/s');
  });

  it('treats a negative rate as unknown', () => {
    expect(formatRate(-5)).toBe(MISSING);
  });
});

describe('formatUsage', () => {
  it('shares the unit of the total', () => {
    expect(formatUsage(3.2 * GIB, 16 * GIB)).toBe('3.2 / 16 GiB');
  });

  it('writes both units when the used part would round to nothing', () => {
    expect(formatUsage(50 * 1024 ** 2, 16 * GIB)).toBe('50 MiB / 16 GiB');
    expect(formatUsage(10, 100)).toBe('10 B / 100 B');
  });
});

describe('formatPercent', () => {
  it('rounds, but keeps a decimal below one percent', () => {
    expect(formatPercent(42.4)).toBe('42%');
    expect(formatPercent(0.46)).toBe('0.5%');
    expect(formatPercent(0)).toBe('0%');
    expect(formatPercent(undefined)).toBe(MISSING);
  });
});

describe('formatUptime', () => {
  it('shows the two largest units', () => {
    expect(formatUptime(12 * 86_400 + 4 * 3600 + 59)).toBe('12d 4h');
    expect(formatUptime(3 * 3600 + 12 * 60)).toBe('3h 12m');
    expect(formatUptime(5 * 60 + 30)).toBe('5m');
    expect(formatUptime(20)).toBe('<1m');
  });

  it('shows a dash when the guest is not running', () => {
    expect(formatUptime(0)).toBe(MISSING);
  });
});

describe('ages', () => {
  it('gives a short age for tables', () => {
    expect(formatAge('2025-06-01T11:59:30Z', NOW)).toBe('just now');
    expect(formatAge('2025-06-01T11:46:00Z', NOW)).toBe('14m');
    expect(formatAge('2025-06-01T07:00:00Z', NOW)).toBe('5h');
    expect(formatAge('2025-05-29T12:00:00Z', NOW)).toBe('3d');
    expect(formatAge('2025-04-01T12:00:00Z', NOW)).toBe('8w');
    expect(formatAge(null, NOW)).toBe(MISSING);
    expect(formatAge('garbage', NOW)).toBe(MISSING);
  });

  it('gives a sentence-friendly age', () => {
    expect(formatAgo(NOW - 14 * 60_000, NOW)).toBe('14 min ago');
    expect(formatAgo(NOW - 86_400_000, NOW)).toBe('1 day ago');
    expect(formatAgo(NOW - 3 * 86_400_000, NOW)).toBe('3 days ago');
    expect(formatAgo(undefined, NOW)).toBe('never');
  });
});

describe('small numbers', () => {
  it('formats loads and counts', () => {
    expect(formatLoad(0.4213)).toBe('0.42');
    expect(formatLoad(undefined)).toBe(MISSING);
    expect(formatCount(10000)).toBe('10\u2009000');
    expect(formatCount(999)).toBe('999');
  });
});
