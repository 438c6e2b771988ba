import { CHART_RANGE_SECONDS, type ChartRange } from '@pulse/contract';
import { describe, expect, it } from 'vitest';
import { MAX_POINTS_PER_SERIES, RAW_MIN_SPACING_SECONDS, selectTier, TIERS } from './tiers.ts';

const THIRTY_DAYS = 30 * 86_400;

describe('tier selection', () => {
  it('answers each chart range from one tier', () => {
    const expected: Record<ChartRange, string> = {
      '5m': 'raw',
      '15m': 'raw',
      '30m': 'raw',
      '1h': 'raw',
      '4h': '1m',
      '12h': '5m',
      '24h': '5m',
      '7d': '1h',
      '30d': '1h',
    };
    for (const [range, tier] of Object.entries(expected)) {
      expect([
        range,
        selectTier(CHART_RANGE_SECONDS[range as ChartRange], THIRTY_DAYS).name,
      ]).toEqual([range, tier]);
    }
  });

  it('keeps every range within a bounded number of points per series', () => {
    for (const seconds of Object.values(CHART_RANGE_SECONDS)) {
      const tier = selectTier(seconds, THIRTY_DAYS);
      const step = tier.name === 'raw' ? RAW_MIN_SPACING_SECONDS : tier.stepSeconds;
      // 30 days at hourly points is the one range past the budget: 720 points.
      expect(seconds / step).toBeLessThanOrEqual(Math.max(MAX_POINTS_PER_SERIES, 720));
    }
  });

  it('uses a tier only for spans its rows still cover under a short retention', () => {
    expect(selectTier(86_400, 86_400).name).toBe('5m');
    expect(selectTier(7 * 86_400, 86_400).name).toBe('1h');
  });

  it('rolls each tier up from the next finer one', () => {
    for (const [index, tier] of TIERS.entries()) {
      if (index === 0) continue;
      const source = TIERS[index - 1]!;
      expect(tier.source).toBe(source.name);
      expect(tier.stepSeconds % source.stepSeconds).toBe(0);
    }
  });
});
