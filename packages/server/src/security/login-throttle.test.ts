import { describe, expect, it } from 'vitest';
import { LOCKOUT_MS, LoginThrottle, MAX_FAILED_LOGINS } from './login-throttle.ts';

function throttleAt(start = 1_000_000) {
  const clock = { now: start };
  return { clock, throttle: new LoginThrottle(() => clock.now) };
}

describe(LoginThrottle.name, () => {
  it('locks after the fifth failure and reports the time left', () => {
    const { clock, throttle } = throttleAt();
    const results = Array.from({ length: MAX_FAILED_LOGINS }, () =>
      throttle.recordFailure('10.0.0.1'),
    );
    clock.now += 60_000;

    expect(results).toEqual([false, false, false, false, true]);
    expect(throttle.state('10.0.0.1')).toEqual({ locked: true, retryAfterSeconds: 14 * 60 });
    expect(throttle.state('10.0.0.2')).toEqual({ locked: false });
  });

  it('lifts the lock after 15 minutes and then starts counting afresh', () => {
    const { clock, throttle } = throttleAt();
    for (let index = 0; index < MAX_FAILED_LOGINS; index += 1) throttle.recordFailure('10.0.0.1');
    clock.now += LOCKOUT_MS;

    expect(throttle.state('10.0.0.1')).toEqual({ locked: false });
    expect(throttle.recordFailure('10.0.0.1')).toBe(false);
    expect(throttle.state('10.0.0.1')).toEqual({ locked: false });
  });

  it('forgets failures older than the lockout window', () => {
    const { clock, throttle } = throttleAt();
    for (let index = 0; index < MAX_FAILED_LOGINS - 1; index += 1)
      throttle.recordFailure('10.0.0.1');
    clock.now += LOCKOUT_MS + 1;

    expect(throttle.recordFailure('10.0.0.1')).toBe(false);
  });

  it('clears the count on a successful login', () => {
    const { throttle } = throttleAt();
    for (let index = 0; index < MAX_FAILED_LOGINS - 1; index += 1)
      throttle.recordFailure('10.0.0.1');
    throttle.recordSuccess('10.0.0.1');

    expect(throttle.recordFailure('10.0.0.1')).toBe(false);
  });
});
