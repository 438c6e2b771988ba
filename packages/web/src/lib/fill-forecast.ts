/*
 * When will a storage be full? A least-squares line through its used bytes over time,
 * projected from the latest figure to the latest capacity. Deliberately simple: storage
 * grows roughly linearly between prunes, and an admin needs "weeks or years", not a model.
 */

const DAY_MS = 86_400_000;

/** One observation of a storage: when, and the bytes used and available in total then. */
export interface UsageSample {
  /** Unix milliseconds. */
  time: number;
  used: number;
  total: number;
}

export type FillForecast =
  /** Too little history to fit a line worth showing. */
  | { kind: 'unknown'; historyMs: number }
  /** Nothing left to fill. */
  | { kind: 'full' }
  /** Flat or shrinking over the history. */
  | { kind: 'not-filling'; bytesPerDay: number; historyMs: number }
  | {
      kind: 'filling';
      bytesPerDay: number;
      daysUntilFull: number;
      /** Unix milliseconds. */
      fullAt: number;
      historyMs: number;
    };

export interface FillForecastOptions {
  /**
   * The oldest and newest samples must be this far apart.
   * @default 30 minutes
   */
  minHistoryMs?: number;
  /** @default 3 */
  minSamples?: number;
  /**
   * Growth below this share of the capacity per day counts as flat: at 0.01 % a day an empty
   * storage would take 27 years to fill, which no one plans for.
   * @default 0.0001
   */
  flatSharePerDay?: number;
}

/** Forecasts when the storage fills up from its history; samples may come in any order. */
export function forecastFill(
  samples: readonly UsageSample[],
  options: FillForecastOptions = {},
): FillForecast {
  const minHistoryMs = options.minHistoryMs ?? 30 * 60_000;
  const minSamples = options.minSamples ?? 3;
  const flatShare = options.flatSharePerDay ?? 0.0001;

  const usable = samples
    .filter((s) => Number.isFinite(s.time) && Number.isFinite(s.used) && s.total > 0)
    .sort((a, b) => a.time - b.time);
  const first = usable[0];
  const latest = usable[usable.length - 1];
  if (!first || !latest) return { kind: 'unknown', historyMs: 0 };

  const historyMs = latest.time - first.time;
  if (latest.used >= latest.total) return { kind: 'full' };
  if (usable.length < minSamples || historyMs < minHistoryMs) {
    return { kind: 'unknown', historyMs };
  }

  const bytesPerDay = slopePerDay(usable, first.time);
  if (bytesPerDay <= latest.total * flatShare) {
    return { kind: 'not-filling', bytesPerDay, historyMs };
  }

  const daysUntilFull = (latest.total - latest.used) / bytesPerDay;
  return {
    kind: 'filling',
    bytesPerDay,
    daysUntilFull,
    fullAt: latest.time + daysUntilFull * DAY_MS,
    historyMs,
  };
}

/** Slope of the least-squares line through (days since `origin`, used bytes). */
function slopePerDay(samples: readonly UsageSample[], origin: number): number {
  // Days from the first sample keep the sums small enough for doubles to stay exact.
  const xs = samples.map((s) => (s.time - origin) / DAY_MS);
  const meanX = xs.reduce((sum, x) => sum + x, 0) / xs.length;
  const meanY = samples.reduce((sum, s) => sum + s.used, 0) / samples.length;

  let covariance = 0;
  let variance = 0;
  samples.forEach((sample, i) => {
    const dx = (xs[i] ?? 0) - meanX;
    covariance += dx * (sample.used - meanY);
    variance += dx * dx;
  });
  return variance === 0 ? 0 : covariance / variance;
}

/** `in 3 days`, `in 5 weeks`, `in 8 months`, `in over 5 years`; `today` below one day. */
export function formatTimeToFull(daysUntilFull: number): string {
  if (daysUntilFull < 1) return 'today';
  if (daysUntilFull < 14) {
    const days = Math.floor(daysUntilFull);
    return days === 1 ? 'in 1 day' : `in ${days} days`;
  }
  if (daysUntilFull < 90) return `in ${Math.floor(daysUntilFull / 7)} weeks`;
  if (daysUntilFull < 730) return `in ${Math.floor(daysUntilFull / 30.44)} months`;
  if (daysUntilFull <= 5 * 365.25) return `in ${Math.floor(daysUntilFull / 365.25)} years`;
  return 'in over 5 years';
}

/** `2 h`, `45 min`, `3 days`: how much history an estimate rests on. */
export function formatHistorySpan(historyMs: number): string {
  const minutes = Math.floor(historyMs / 60_000);
  if (minutes < 120) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h`;
  return `${Math.floor(hours / 24)} days`;
}
