import {
  CHART_RANGE_SECONDS,
  type SparklinesQuery,
  type SparklinesResponse,
} from '@pulse/contract';
import type { MetricsHistory } from './metrics-history.ts';
import { selectTier } from './tiers.ts';

/**
 * CPU and memory of every guest and node averaged into `points` buckets over the range:
 * one small answer for a whole table of sparklines, read from the tier that fits the range.
 */
export function buildSparklines(
  history: MetricsHistory,
  query: SparklinesQuery,
  nowMs = Date.now(),
): SparklinesResponse {
  const spanSeconds = CHART_RANGE_SECONDS[query.range];
  const stepSeconds = Math.max(1, Math.floor(spanSeconds / query.points));
  const startTs = Math.floor(nowMs / 1000) - stepSeconds * query.points;
  const tier = selectTier(spanSeconds, history.retentionSeconds);
  const series: SparklinesResponse['series'] = {};

  history.bucketAverages(tier, startTs, stepSeconds, (key, bucket, cpu, memory) => {
    if (bucket < 0 || bucket >= query.points) return;
    let lines = series[key];
    if (!lines) {
      lines = {
        cpu: new Array(query.points).fill(null),
        memory: new Array(query.points).fill(null),
      };
      series[key] = lines;
    }
    lines.cpu[bucket] = cpu;
    lines.memory[bucket] = memory;
  });

  return { range: query.range, startMs: startTs * 1000, stepMs: stepSeconds * 1000, series };
}
