import { describe, expect, it } from 'vitest';
import { reconnectDelay } from './backoff.ts';

const noJitter = () => 0.5;

describe('reconnectDelay', () => {
  it('doubles from one second and stops at thirty', () => {
    const delays = [1, 2, 3, 4, 5, 6, 7, 20].map((n) => reconnectDelay(n, {}, noJitter));

    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000]);
  });

  it('spreads retries by at most the jitter share and never passes the cap', () => {
    expect(reconnectDelay(3, {}, () => 0)).toBe(3_200);
    expect(reconnectDelay(3, {}, () => 1)).toBe(4_800);
    expect(reconnectDelay(10, {}, () => 1)).toBe(30_000);
  });

  it('honours custom bounds', () => {
    expect(reconnectDelay(1, { initialMs: 250, maxMs: 1_000 }, noJitter)).toBe(250);
    expect(reconnectDelay(5, { initialMs: 250, maxMs: 1_000 }, noJitter)).toBe(1_000);
  });
});
