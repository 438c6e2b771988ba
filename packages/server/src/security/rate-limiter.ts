import type { RateLimitBucket } from '../http/route.ts';

export interface RateLimit {
  limit: number;
  windowMs: number;
}

/** The request budgets per client address; `none` routes are never limited. */
export const RATE_LIMITS: Record<Exclude<RateLimitBucket, 'none'>, RateLimit> = {
  general: { limit: 500, windowMs: 60_000 },
  auth: { limit: 10, windowMs: 60_000 },
  export: { limit: 5, windowMs: 60_000 },
  test: { limit: 10, windowMs: 60_000 },
};

/** The outcome of taking one request from a budget. */
export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

const SWEEP_EVERY = 1000;

/**
 * Sliding-window log per bucket and client: a request is allowed while fewer than `limit`
 * were allowed in the last `windowMs`. Unlike fixed windows, a burst cannot straddle a
 * window edge to get twice the limit.
 */
export class RateLimiter {
  private readonly hits = new Map<string, number[]>();
  private calls = 0;

  constructor(
    private readonly limits: Record<string, RateLimit>,
    private readonly now: () => number,
  ) {}

  take(bucket: string, client: string): RateDecision {
    const budget = this.limits[bucket];
    if (!budget) return { allowed: true };
    const now = this.now();
    const key = `${bucket}\u0000${client}`;
    const recent = (this.hits.get(key) ?? []).filter((at) => at > now - budget.windowMs);

    this.sweepSometimes(now);
    if (recent.length >= budget.limit) {
      this.hits.set(key, recent);
      const oldest = recent[0] ?? now;
      return { allowed: false, retryAfterSeconds: retryAfter(oldest + budget.windowMs - now) };
    }
    recent.push(now);
    this.hits.set(key, recent);
    return { allowed: true };
  }

  private sweepSometimes(now: number): void {
    this.calls += 1;
    if (this.calls % SWEEP_EVERY !== 0) return;
    const longest = Math.max(...Object.values(this.limits).map((limit) => limit.windowMs));
    for (const [key, times] of this.hits) {
      if ((times.at(-1) ?? 0) <= now - longest) this.hits.delete(key);
    }
  }
}

/** Whole seconds, at least one: `Retry-After: 0` would invite an immediate retry. */
export function retryAfter(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}
