import { describe, expect, it } from 'vitest';
import { sparklinePath } from './sparkline.ts';

describe('sparkline', () => {
  it('draws percentages top-down in the box, clamping outliers', () => {
    expect(sparklinePath([0, 100], 10, 12)).toBe('M0.0 11.0L10.0 1.0');
    expect(sparklinePath([150], 10, 12)).toBe('M0.0 1.0L10.0 1.0');
    expect(sparklinePath([], 10, 12)).toBe('');
  });
});
