import { wave } from './random.ts';

/**
 * pvestatd refreshes guest and node figures every 10 s, so answers between two refreshes
 * are identical; monitors rely on that to tell cached data from new samples.
 */
export const STATUS_INTERVAL = 10;

export function sampleTime(t: number): number {
  return Math.floor(t / STATUS_INTERVAL) * STATUS_INTERVAL;
}

export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** A CPU share that swings around `base` over tens of minutes, with a faster ripple. */
export function cpuShare(base: number, seed: number, key: string, t: number): number {
  const slow = wave(t, 1_800, seed, key, 'cpu-slow');
  const fast = wave(t, 70, seed, key, 'cpu-fast');
  return clamp(base * (1 + 0.5 * slow) + base * 0.15 * fast, 0.0005, 1);
}

/** A memory share that drifts slowly around `base` and never leaves [0.05, 0.98]. */
export function memShare(base: number, seed: number, key: string, t: number): number {
  const drift = wave(t, 6 * 3_600, seed, key, 'mem-drift');
  const ripple = wave(t, 300, seed, key, 'mem-ripple');
  return clamp(base + 0.05 * drift + 0.01 * ripple, 0.05, 0.98);
}

const COUNTER_PERIOD = 1_800;

/**
 * Bytes moved since `since` at an average of `rate` bytes/s. The rate swings between 0.4 and
 * 1.6 times the average, so the counter only ever grows.
 */
export function counter(rate: number, since: number, t: number): number {
  const u = Math.max(0, t - since);
  const w = (2 * Math.PI) / COUNTER_PERIOD;
  return Math.floor(rate * u + (rate * 0.6 * (1 - Math.cos(w * u))) / w);
}

/** Average rate of a counter between two instants, as rrddata reports it. */
export function counterRate(rate: number, since: number, from: number, to: number): number {
  if (to <= from) return 0;
  return (counter(rate, since, to) - counter(rate, since, from)) / (to - from);
}

/** Used bytes of something that fills up at `perDay` bytes a day from `fraction` at `anchor`. */
export function filling(
  total: number,
  fraction: number,
  perDay: number,
  anchor: number,
  t: number,
) {
  const used = total * fraction + (perDay * (t - anchor)) / 86_400;
  return Math.floor(clamp(used, 0, total * 0.995));
}
