import { z } from 'zod';

/** Ranges of `GET /api/charts`. */
export const ChartRange = z.enum(['5m', '15m', '30m', '1h', '4h', '12h', '24h', '7d', '30d']);
export type ChartRange = z.infer<typeof ChartRange>;

/** Seconds each chart range covers. */
export const CHART_RANGE_SECONDS: Record<ChartRange, number> = {
  '5m': 300,
  '15m': 900,
  '30m': 1800,
  '1h': 3600,
  '4h': 14_400,
  '12h': 43_200,
  '24h': 86_400,
  '7d': 604_800,
  '30d': 2_592_000,
};

export const ChartsQuery = z.object({
  /** How far back to look. @default '1h' */
  range: ChartRange.default('1h'),
  /** Only this resource (a guest, node, storage or datastore id): cheap single-series reads. */
  id: z.string().min(1).max(300).optional(),
});
export type ChartsQuery = z.infer<typeof ChartsQuery>;

/**
 * One point. From raw history `value` is the sample; from a downsampled tier it is the
 * bucket's average and `min`/`max` its extremes.
 */
export const ChartPoint = z.object({
  /** Unix milliseconds: sample time, or start of the bucket. */
  timestamp: z.number(),
  value: z.number(),
  min: z.number().optional(),
  max: z.number().optional(),
});
export type ChartPoint = z.infer<typeof ChartPoint>;

const series = z.array(ChartPoint);

/** Guest series: percentages for cpu/memory/disk, bytes per second for I/O. */
export const GuestChartData = z.object({
  cpu: series,
  memory: series,
  disk: series,
  diskread: series,
  diskwrite: series,
  netin: series,
  netout: series,
});
export type GuestChartData = z.infer<typeof GuestChartData>;

/** Node series, percentages. */
export const NodeChartData = z.object({ cpu: series, memory: series, disk: series });
export type NodeChartData = z.infer<typeof NodeChartData>;

/** Storage usage percentage, under the key `disk` as the original API named it. */
export const StorageChartData = z.object({ disk: series });
export type StorageChartData = z.infer<typeof StorageChartData>;

/** PBS datastore capacity: usage percentage and bytes. */
export const DatastoreChartData = z.object({
  usage: series,
  used: series,
  total: series,
  avail: series,
});
export type DatastoreChartData = z.infer<typeof DatastoreChartData>;

/** `GET /api/charts`. */
export const ChartsResponse = z.object({
  /** Per guest id. A resource with no history gets one point: its current value. */
  data: z.record(z.string(), GuestChartData),
  /** Per node id. */
  nodeData: z.record(z.string(), NodeChartData),
  /** Per storage id. */
  storageData: z.record(z.string(), StorageChartData),
  /** Per PBS datastore id (`pbs-<instance>-<datastore>`). */
  datastoreData: z.record(z.string(), DatastoreChartData),
  /** Unix milliseconds when the answer was built. */
  timestamp: z.number(),
  stats: z.object({
    /** Oldest point included, Unix milliseconds (now when there is none). */
    oldestDataTimestamp: z.number(),
    range: ChartRange,
    /** The history tier answering: `raw`, `1m`, `5m` or `1h`. */
    resolution: z.string(),
    /** Nominal seconds between points at that resolution. */
    stepSeconds: z.number(),
  }),
});
export type ChartsResponse = z.infer<typeof ChartsResponse>;

export const StorageChartsQuery = z.object({
  /** Minutes to look back. @default 60 */
  range: z.coerce
    .number()
    .int('must be a whole number of minutes')
    .min(1)
    .max(5_256_000)
    .default(60),
  /** Only this storage or datastore id. */
  id: z.string().min(1).max(300).optional(),
});
export type StorageChartsQuery = z.infer<typeof StorageChartsQuery>;

/** A storage-chart point; the time is an RFC 3339 string, as the original API sent it. */
export const StorageChartPoint = z.object({
  timestamp: z.string(),
  value: z.number(),
  min: z.number().optional(),
  max: z.number().optional(),
});
export type StorageChartPoint = z.infer<typeof StorageChartPoint>;

const storageSeries = z.array(StorageChartPoint).nullable();

/**
 * `GET /api/storage-charts`: per storage id, and per PBS datastore id, its capacity series;
 * a series is null when there is no history for it yet.
 */
export const StorageChartsResponse = z.record(
  z.string(),
  z.object({
    usage: storageSeries,
    used: storageSeries,
    total: storageSeries,
    avail: storageSeries,
  }),
);
export type StorageChartsResponse = z.infer<typeof StorageChartsResponse>;
