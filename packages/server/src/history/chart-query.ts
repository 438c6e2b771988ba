import {
  CHART_RANGE_SECONDS,
  type ChartPoint,
  type ChartRange,
  type ChartsResponse,
  type StorageChartPoint,
  type StorageChartsResponse,
} from '@pulse/contract';
import {
  type HistoryStateView,
  METRICS,
  type ResourceKind,
  type ResourceSample,
  samplesOf,
} from './metrics.ts';
import type { HistoryPoint, MetricsHistory } from './metrics-history.ts';
import { selectTier } from './tiers.ts';

type Series = Record<string, ChartPoint[]>;
type SeriesByResource = Map<string, { kind: ResourceKind; series: Series }>;

function emptySeries(kind: ResourceKind): Series {
  return Object.fromEntries(METRICS[kind].map((metric) => [metric.name, []]));
}

function chartPoint(point: HistoryPoint, slot: number): ChartPoint | undefined {
  const value = point.avg[slot];
  if (value === null || value === undefined) return undefined;
  const result: ChartPoint = { timestamp: point.ts * 1000, value };
  const min = point.min?.[slot];
  const max = point.max?.[slot];
  if (min !== null && min !== undefined) result.min = min;
  if (max !== null && max !== undefined) result.max = max;
  return result;
}

/** Reads the series of every resource (or one) over the span from the tier that fits it. */
function readSeries(history: MetricsHistory, spanSeconds: number, nowMs: number, id?: string) {
  const tier = selectTier(spanSeconds, history.retentionSeconds);
  const byResource: SeriesByResource = new Map();
  let oldestTs = Math.floor(nowMs / 1000);

  history.scan(tier, oldestTs - spanSeconds, id, (point) => {
    const mapKey = `${point.kind}\u0000${point.key}`;
    let entry = byResource.get(mapKey);
    if (!entry) {
      entry = { kind: point.kind, series: emptySeries(point.kind) };
      byResource.set(mapKey, entry);
    }
    METRICS[point.kind].forEach((metric, slot) => {
      const chart = chartPoint(point, slot);
      if (chart) entry.series[metric.name]?.push(chart);
    });
    oldestTs = Math.min(oldestTs, point.ts);
  });
  return { tier, byResource, oldestTs };
}

/** A resource with no history yet is shown by one point: its current value. */
function currentSeries(resource: ResourceSample, nowMs: number): Series {
  return Object.fromEntries(
    METRICS[resource.kind].map((metric, slot) => {
      const value = resource.values[slot];
      const points = value === null || value === undefined ? [] : [{ timestamp: nowMs, value }];
      return [metric.name, points];
    }),
  );
}

/** Adds current-state resources that history has no points for; only `id` when given. */
function addCurrent(
  byResource: SeriesByResource,
  state: HistoryStateView,
  nowMs: number,
  id?: string,
) {
  for (const resource of samplesOf(state)) {
    if (id !== undefined && resource.id !== id) continue;
    const mapKey = `${resource.kind}\u0000${resource.id}`;
    const first = METRICS[resource.kind][0]?.name ?? '';
    if ((byResource.get(mapKey)?.series[first]?.length ?? 0) > 0) continue;
    byResource.set(mapKey, { kind: resource.kind, series: currentSeries(resource, nowMs) });
  }
}

export interface ChartsRequest {
  range: ChartRange;
  id?: string;
  nowMs?: number;
}

/** `GET /api/charts`: history of every guest, node, storage and datastore (or of one). */
export function buildCharts(
  history: MetricsHistory,
  state: HistoryStateView,
  request: ChartsRequest,
): ChartsResponse {
  const nowMs = request.nowMs ?? Date.now();
  const { tier, byResource, oldestTs } = readSeries(
    history,
    CHART_RANGE_SECONDS[request.range],
    nowMs,
    request.id,
  );
  addCurrent(byResource, state, nowMs, request.id);

  const response: ChartsResponse = {
    data: {},
    nodeData: {},
    storageData: {},
    datastoreData: {},
    timestamp: nowMs,
    stats: {
      oldestDataTimestamp: Math.min(oldestTs * 1000, nowMs),
      range: request.range,
      resolution: tier.name,
      stepSeconds: tier.stepSeconds,
    },
  };
  for (const [mapKey, { kind, series }] of byResource) {
    placeSeries(response, kind, mapKey.slice(kind.length + 1), series);
  }
  return response;
}

function placeSeries(response: ChartsResponse, kind: ResourceKind, id: string, series: Series) {
  const pick = (name: string) => series[name] ?? [];
  if (kind === 'guest') {
    response.data[id] = {
      cpu: pick('cpu'),
      memory: pick('memory'),
      disk: pick('disk'),
      diskread: pick('diskread'),
      diskwrite: pick('diskwrite'),
      netin: pick('netin'),
      netout: pick('netout'),
    };
  } else if (kind === 'node') {
    response.nodeData[id] = { cpu: pick('cpu'), memory: pick('memory'), disk: pick('disk') };
  } else if (kind === 'storage') {
    response.storageData[id] = { disk: pick('usage') };
  } else {
    response.datastoreData[id] = {
      usage: pick('usage'),
      used: pick('used'),
      total: pick('total'),
      avail: pick('avail'),
    };
  }
}

export interface StorageChartsRequest {
  minutes: number;
  id?: string;
  nowMs?: number;
}

function isoSeries(points: ChartPoint[] | undefined): StorageChartPoint[] | null {
  if (!points || points.length === 0) return null;
  return points.map((point) => ({ ...point, timestamp: new Date(point.timestamp).toISOString() }));
}

/**
 * `GET /api/storage-charts`: capacity history of every storage and PBS datastore in the
 * current state or in history; a series is null when there is no history for it.
 */
export function buildStorageCharts(
  history: MetricsHistory,
  state: HistoryStateView,
  request: StorageChartsRequest,
): StorageChartsResponse {
  const nowMs = request.nowMs ?? Date.now();
  const { byResource } = readSeries(history, request.minutes * 60, nowMs, request.id);
  const response: StorageChartsResponse = {};

  for (const resource of samplesOf(state)) {
    if (resource.kind !== 'storage' && resource.kind !== 'datastore') continue;
    if (request.id !== undefined && resource.id !== request.id) continue;
    response[resource.id] = { usage: null, used: null, total: null, avail: null };
  }
  for (const [mapKey, { kind, series }] of byResource) {
    if (kind !== 'storage' && kind !== 'datastore') continue;
    response[mapKey.slice(kind.length + 1)] = {
      usage: isoSeries(series.usage),
      used: isoSeries(series.used),
      total: isoSeries(series.total),
      avail: isoSeries(series.avail),
    };
  }
  return response;
}
