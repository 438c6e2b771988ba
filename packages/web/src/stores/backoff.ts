export interface BackoffOptions {
  /** @default 1000 */
  initialMs?: number;
  /** @default 30000 */
  maxMs?: number;
  /** Share of the delay randomised either way. @default 0.2 */
  jitter?: number;
}

/**
 * Delay before reconnect attempt `attempt` (1 for the first retry): doubles from
 * `initialMs` up to `maxMs`. The jitter spreads out the browsers that all lost the same
 * server at once, so a restarted Pulse is not hit by every tab in the same millisecond.
 */
export function reconnectDelay(
  attempt: number,
  options: BackoffOptions = {},
  random: () => number = Math.random,
): number {
  const { initialMs = 1_000, maxMs = 30_000, jitter = 0.2 } = options;

  const exponent = Math.max(0, attempt - 1);
  const base = Math.min(maxMs, initialMs * 2 ** Math.min(exponent, 30));
  const spread = base * jitter * (random() * 2 - 1);
  return Math.round(Math.min(maxMs, Math.max(initialMs / 2, base + spread)));
}
