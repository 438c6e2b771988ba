import { describe, expect, it } from 'vitest';
import { downsample, sparklinePath } from './sparkline.ts';

const points = (values: number[]) => values.map((value, i) => ({ timestamp: i * 1000, value }));

describe('sparkline', () => {
  it('keeps short series and averages long ones into slices', () => {
    expect(downsample(points([1, 2, 3]))).toEqual([1, 2, 3]);
    expect(downsample(points([0, 10, 20, 30, 40, 50]), 3)).toEqual([5, 25, 45]);
  });

  it('draws percentages top-down in the box, clamping outliers', () => {
    expect(sparklinePath([0, 100], 10, 12)).toBe('M0.0 11.0L10.0 1.0');
    expect(sparklinePath([150], 10, 12)).toBe('M0.0 1.0L10.0 1.0');
    expect(sparklinePath([], 10, 12)).toBe('');
  });
});
