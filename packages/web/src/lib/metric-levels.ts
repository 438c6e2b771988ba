/*
 * When a number deserves attention. Usage levels follow Pulse's default alert thresholds, so
 * a bar turns red about when an alert would fire; I/O levels are relative to what a homelab
 * or small cluster sees, where a guest moving 50 MB/s for a whole poll is worth a look.
 */

export type Level = 'normal' | 'warning' | 'critical';

export type UsageMetric = 'cpu' | 'memory' | 'disk';

export const USAGE_THRESHOLDS: Record<UsageMetric, { warning: number; critical: number }> = {
  cpu: { warning: 80, critical: 90 },
  memory: { warning: 75, critical: 85 },
  disk: { warning: 80, critical: 90 },
};

/** Level of a usage percentage 0–100. */
export function usageLevel(metric: UsageMetric, percent: number): Level {
  const { warning, critical } = USAGE_THRESHOLDS[metric];
  if (percent >= critical) return 'critical';
  return percent >= warning ? 'warning' : 'normal';
}

export type RateLevel = 'idle' | Level;

const MB = 1e6;

/** Level of an I/O rate in bytes per second: idle below 1 MB/s, critical from 50 MB/s. */
export function rateLevel(bytesPerSecond: number): RateLevel {
  if (bytesPerSecond >= 50 * MB) return 'critical';
  if (bytesPerSecond >= 10 * MB) return 'warning';
  return bytesPerSecond >= MB ? 'normal' : 'idle';
}

const DAY = 86_400;

/**
 * Level of the age of a guest's newest backup: nightly jobs leave up to a day and a half,
 * a missed night is a warning, a missed week critical. No backup at all is critical.
 */
export function backupAgeLevel(ageSeconds: number | undefined): Level {
  if (ageSeconds === undefined) return 'critical';
  if (ageSeconds > 7 * DAY) return 'critical';
  return ageSeconds > 1.5 * DAY ? 'warning' : 'normal';
}
