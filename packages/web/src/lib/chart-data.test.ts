import { describe, expect, it } from 'vitest';
import { alignSeries } from './chart-data.ts';

describe('alignSeries', () => {
  it('merges timestamps into one axis in seconds with gaps as null', () => {
    const aligned = alignSeries([
      [
        { timestamp: 2000, value: 2 },
        { timestamp: 1000, value: 1 },
      ],
      [
        { timestamp: 3000, value: 30 },
        { timestamp: 1000, value: 10 },
      ],
    ]);

    expect(aligned).toEqual([
      [1, 2, 3],
      [1, 2, null],
      [10, null, 30],
    ]);
  });

  it('gives an empty axis for no points', () => {
    expect(alignSeries([[], []])).toEqual([[], [], []]);
  });
});
