import { dayMonth } from './backups-days.ts';
import type { BackupEntry, BackupKind } from './backups-entries.ts';
import { dayOf } from './backups-filters.ts';

/** Ranges of the frequency chart. */
export type FrequencyRange = '7d' | '30d' | '90d' | '1y';

export const FREQUENCY_RANGES: readonly FrequencyRange[] = ['7d', '30d', '90d', '1y'];

export interface FrequencyBucket {
  /** Local midnight the bucket starts at, Unix milliseconds. */
  start: number;
  /** Exclusive end. */
  end: number;
  /** `YYYY-MM-DD` of the first and last day, for a date filter on click. */
  firstDay: string;
  lastDay: string;
  /** `2 Jun`, or `2 Jun – 8 Jun` for a week. */
  label: string;
  counts: Record<BackupKind, number>;
  total: number;
}

export interface FrequencyChart {
  buckets: FrequencyBucket[];
  /** Days per bucket: 1, or 7 for a year. */
  bucketDays: number;
  /** The largest bucket total, at least 1, for the scale. */
  max: number;
}

const RANGE_DAYS: Record<FrequencyRange, number> = { '7d': 7, '30d': 30, '90d': 90, '1y': 364 };

/** Whether a string is a known range; the URL may carry anything. */
export function isFrequencyRange(value: string): value is FrequencyRange {
  return (FREQUENCY_RANGES as readonly string[]).includes(value);
}

/**
 * Backups per local day over the range, ending today; a year is shown as 52 weeks so each
 * bar stays wide enough to see and to click.
 */
export function backupFrequency(
  entries: readonly BackupEntry[],
  range: FrequencyRange,
  now: number,
): FrequencyChart {
  const bucketDays = range === '1y' ? 7 : 1;
  const buckets = emptyBuckets(RANGE_DAYS[range] / bucketDays, bucketDays, now);
  const first = buckets[0];
  if (!first) return { buckets, bucketDays, max: 1 };

  for (const entry of entries) {
    if (entry.time < first.start) continue;
    const bucket = findBucket(buckets, entry.time);
    if (!bucket) continue;
    bucket.counts[entry.kind] += 1;
    bucket.total += 1;
  }
  const max = Math.max(1, ...buckets.map((bucket) => bucket.total));
  return { buckets, bucketDays, max };
}

function emptyBuckets(count: number, bucketDays: number, now: number): FrequencyBucket[] {
  const today = new Date(now);
  const buckets: FrequencyBucket[] = [];
  for (let i = count - 1; i >= 0; i--) {
    // Calendar arithmetic, not 86 400 000 ms steps, so DST changes keep days aligned.
    const endDate = today.getDate() - i * bucketDays + 1;
    const start = new Date(today.getFullYear(), today.getMonth(), endDate - bucketDays).getTime();
    const end = new Date(today.getFullYear(), today.getMonth(), endDate).getTime();
    const lastDay = dayOf(end - 1);
    buckets.push({
      start,
      end,
      firstDay: dayOf(start),
      lastDay,
      label: bucketDays === 1 ? dayMonth(start) : `${dayMonth(start)} – ${dayMonth(end - 1)}`,
      counts: { pbs: 0, pve: 0, snapshot: 0 },
      total: 0,
    });
  }
  return buckets;
}

function findBucket(buckets: FrequencyBucket[], time: number): FrequencyBucket | undefined {
  // Buckets are sorted and contiguous: binary search keeps a year of backups cheap.
  let low = 0;
  let high = buckets.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const bucket = buckets[middle];
    if (!bucket) return undefined;
    if (time < bucket.start) high = middle - 1;
    else if (time >= bucket.end) low = middle + 1;
    else return bucket;
  }
  return undefined;
}
