import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limiter.ts';

describe(RateLimiter.name, () => {
  it('allows the limit within the window, then says how long to wait', () => {
    const clock = { now: 0 };
    const limiter = new RateLimiter({ auth: { limit: 3, windowMs: 60_000 } }, () => clock.now);
    const first = [0, 1, 2].map(() => limiter.take('auth', 'a').allowed);
    clock.now = 20_000;

    expect(first).toEqual([true, true, true]);
    expect(limiter.take('auth', 'a')).toEqual({ allowed: false, retryAfterSeconds: 40 });
    expect(limiter.take('auth', 'b').allowed).toBe(true);
  });

  it('slides: a burst at a window edge does not earn a second full budget', () => {
    const clock = { now: 59_000 };
    const limiter = new RateLimiter({ general: { limit: 2, windowMs: 60_000 } }, () => clock.now);
    limiter.take('general', 'a');
    limiter.take('general', 'a');
    clock.now = 61_000;

    expect(limiter.take('general', 'a').allowed).toBe(false);
    clock.now = 119_001;
    expect(limiter.take('general', 'a').allowed).toBe(true);
  });

  it('does not limit a bucket it has no budget for', () => {
    const limiter = new RateLimiter({}, () => 0);

    expect(limiter.take('none', 'a').allowed).toBe(true);
  });
});
