/**
 * The resolutions history keeps. Each tier is one table; every chart range is answered from
 * exactly one of them with at most a few hundred points per series. See docs/history.md.
 */

export type TierName = 'raw' | '1m' | '5m' | '1h';

export interface Tier {
  name: TierName;
  table: string;
  /** Seconds between points; for raw, the poll interval (at least RAW_MIN_SPACING_SECONDS). */
  stepSeconds: number;
  /** How long rows are kept, before the retention setting caps it. */
  keepSeconds: number;
  /** The tier it is rolled up from. */
  source?: TierName;
}

const MINUTE = 60;
const HOUR = 3600;

/** Raw points closer together than this are skipped, so a fast poll cannot flood the table. */
export const RAW_MIN_SPACING_SECONDS = 9;

/** Most points a range may return per series before a coarser tier is used. */
export const MAX_POINTS_PER_SERIES = 400;

export const TIERS: readonly Tier[] = [
  { name: 'raw', table: 'history_raw', stepSeconds: 10, keepSeconds: 75 * MINUTE },
  { name: '1m', table: 'history_1m', stepSeconds: MINUTE, keepSeconds: 5 * HOUR, source: 'raw' },
  {
    name: '5m',
    table: 'history_5m',
    stepSeconds: 5 * MINUTE,
    keepSeconds: 25 * HOUR,
    source: '1m',
  },
  {
    name: '1h',
    table: 'history_1h',
    stepSeconds: HOUR,
    keepSeconds: Number.POSITIVE_INFINITY,
    source: '5m',
  },
];

export function tierByName(name: TierName): Tier {
  const tier = TIERS.find((candidate) => candidate.name === name);
  if (!tier) throw new Error(`unknown history tier ${name}`);
  return tier;
}

/** Seconds a tier's rows live: its own horizon, never past the retention setting. */
export function keepSecondsOf(tier: Tier, retentionSeconds: number): number {
  return Math.min(tier.keepSeconds, retentionSeconds);
}

/**
 * The finest tier that holds the whole span within the point budget; the coarsest tier for
 * spans no tier fits (e.g. 30 days at hourly points).
 */
export function selectTier(spanSeconds: number, retentionSeconds: number): Tier {
  const fitting = TIERS.find(
    (tier) =>
      spanSeconds <= keepSecondsOf(tier, retentionSeconds) &&
      spanSeconds / tier.stepSeconds <= MAX_POINTS_PER_SERIES,
  );
  return fitting ?? TIERS[TIERS.length - 1]!;
}
