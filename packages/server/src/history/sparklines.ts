import {
  CHART_RANGE_SECONDS,
  type SparklinesQuery,
  type SparklinesResponse,
} from '@pulse/contract';
import type { MetricsHistory } from './metrics-history.ts';
import { selectTier } from './tiers.ts';

/** Slots of cpu and memory in guest and node rows (see METRICS). */
const CPU_SLOT = 0;
const MEMORY_SLOT = 1;

interface Buckets {
  sum: Float64Array;
  count: Uint16Array;
}

function newBuckets(points: number): Buckets {
  return { sum: new Float64Array(points * 2), count: new Uint16Array(points * 2) };
}

function add(buckets: Buckets, index: number, value: number | null | undefined): void {
  if (value === null || value === undefined) return;
  buckets.sum[index] = (buckets.sum[index] ?? 0) + value;
  buckets.count[index] = (buckets.count[index] ?? 0) + 1;
}

function lines(buckets: Buckets, points: number) {
  const average = (index: number) => {
    const count = buckets.count[index] ?? 0;
    return count === 0 ? null : Math.round(((buckets.sum[index] ?? 0) / count) * 100) / 100;
  };
  const cpu: (number | null)[] = [];
  const memory: (number | null)[] = [];
  for (let bucket = 0; bucket < points; bucket++) {
    cpu.push(average(bucket * 2));
    memory.push(average(bucket * 2 + 1));
  }
  return { cpu, memory };
}

/**
 * CPU and memory of every guest and node averaged into `points` buckets over the range:
 * one small answer for a whole table of sparklines, read from the tier that fits the range.
 */
export function buildSparklines(
  history: MetricsHistory,
  query: SparklinesQuery,
  nowMs = Date.now(),
): SparklinesResponse {
  const spanMs = CHART_RANGE_SECONDS[query.range] * 1000;
  const startMs = nowMs - spanMs;
  const stepMs = spanMs / query.points;
  const tier = selectTier(spanMs / 1000, history.retentionSeconds);
  const byResource = new Map<string, Buckets>();

  history.scan(tier, Math.floor(startMs / 1000), undefined, (point) => {
    if (point.kind !== 'guest' && point.kind !== 'node') return;
    const bucket = Math.floor((point.ts * 1000 - startMs) / stepMs);
    if (bucket < 0 || bucket >= query.points) return;
    let buckets = byResource.get(point.key);
    if (!buckets) {
      buckets = newBuckets(query.points);
      byResource.set(point.key, buckets);
    }
    add(buckets, bucket * 2, point.avg[CPU_SLOT]);
    add(buckets, bucket * 2 + 1, point.avg[MEMORY_SLOT]);
  });

  const series: SparklinesResponse['series'] = {};
  for (const [id, buckets] of byResource) series[id] = lines(buckets, query.points);
  return { range: query.range, startMs, stepMs, series };
}
