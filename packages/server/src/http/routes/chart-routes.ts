import {
  ChartsQuery,
  ChartsResponse,
  SparklinesQuery,
  SparklinesResponse,
  StorageChartsQuery,
  StorageChartsResponse,
} from '@pulse/contract';
import { notFound } from '../../errors.ts';
import { buildCharts, buildStorageCharts } from '../../history/chart-query.ts';
import type { HistoryStateView } from '../../history/metrics.ts';
import type { MetricsHistory } from '../../history/metrics-history.ts';
import { buildSparklines } from '../../history/sparklines.ts';
import { type RouteDefinition, route } from '../route.ts';

export interface ChartRouteDeps {
  history: MetricsHistory;
  /** The live state, for resources that have no history yet. */
  state(): HistoryStateView;
}

function isEmptyCharts(response: ChartsResponse): boolean {
  const { data, nodeData, storageData, datastoreData } = response;
  return [data, nodeData, storageData, datastoreData].every(
    (part) => Object.keys(part).length === 0,
  );
}

/** Metrics history for charts: every resource at once, or one with `?id=`. */
export function chartRoutes(deps: ChartRouteDeps): RouteDefinition[] {
  return [
    route({
      method: 'GET',
      url: '/api/charts',
      access: 'read',
      summary: 'History of guests, nodes, storage and datastores over a range (5m to 30d)',
      query: ChartsQuery,
      response: ChartsResponse,
      handler: ({ query }) => {
        const response = buildCharts(deps.history, deps.state(), query);
        if (query.id !== undefined && isEmptyCharts(response)) {
          throw notFound(`no resource ${query.id}`);
        }
        return response;
      },
    }),
    route({
      method: 'GET',
      url: '/api/charts/sparklines',
      access: 'read',
      summary: 'CPU and memory of every guest and node in a few buckets, for table sparklines',
      query: SparklinesQuery,
      response: SparklinesResponse,
      handler: ({ query }) => buildSparklines(deps.history, query),
    }),
    route({
      method: 'GET',
      url: '/api/storage-charts',
      access: 'read',
      summary: 'Capacity history of storage and PBS datastores over `range` minutes',
      query: StorageChartsQuery,
      response: StorageChartsResponse,
      handler: ({ query }) => {
        const response = buildStorageCharts(deps.history, deps.state(), {
          minutes: query.range,
          id: query.id,
        });
        if (query.id !== undefined && Object.keys(response).length === 0) {
          throw notFound(`no storage ${query.id}`);
        }
        return response;
      },
    }),
  ];
}
