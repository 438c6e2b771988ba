import { z } from 'zod';
import { ChartRange } from './charts.ts';

export const SparklinesQuery = z.object({
  /** How far back the lines reach. @default '1h' */
  range: ChartRange.default('1h'),
  /** Buckets per line; each value is the average of its bucket. @default 30 */
  points: z.coerce.number().int('must be a whole number').min(4).max(120).default(30),
});
export type SparklinesQuery = z.infer<typeof SparklinesQuery>;

/** One line: a value per bucket, oldest first, null where there was no sample. */
const line = z.array(z.number().nullable());

/**
 * `GET /api/charts/sparklines`: CPU and memory percentages of every guest and node in
 * `points` buckets, compact enough to draw a sparkline per table row from one request.
 */
export const SparklinesResponse = z.object({
  range: ChartRange,
  /** Unix milliseconds where the first bucket starts. */
  startMs: z.number(),
  /** Milliseconds each bucket spans. */
  stepMs: z.number(),
  /** Per guest id and per node id. */
  series: z.record(z.string(), z.object({ cpu: line, memory: line })),
});
export type SparklinesResponse = z.infer<typeof SparklinesResponse>;
