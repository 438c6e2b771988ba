import type { StorageChartsResponse } from '@pulse/contract';
import { type Accessor, createSignal, onCleanup } from 'solid-js';
import { apiGet } from '../../api/client.ts';
import type { UsageSample } from '../../lib/fill-forecast.ts';

/*
 * Capacity history of every storage and datastore, for trends and fill estimates. Two reads
 * of `/api/storage-charts` cover every age of history in one round each: the last hour at
 * full resolution (all a fresh install has) and a week at hourly points (what a trend
 * needs). Each answers for all storages at once, never one request per row.
 */

/** Minutes of each read. */
export const HISTORY_WINDOWS = [60, 7 * 24 * 60] as const;

/** Per storage or datastore ID, its samples oldest first. */
export type StorageHistory = ReadonlyMap<string, UsageSample[]>;

export async function fetchStorageHistory(signal?: AbortSignal): Promise<StorageHistory> {
  const responses = await Promise.all(
    HISTORY_WINDOWS.map((minutes) =>
      apiGet<StorageChartsResponse>(`/api/storage-charts?range=${minutes}`, signal),
    ),
  );
  return mergeHistory(responses);
}

/**
 * Joins the reads, finest first, into one series per ID. Coarser points only fill in before
 * the finer ones start, so the recent hour is not counted twice with coarser figures.
 */
export function mergeHistory(responses: readonly StorageChartsResponse[]): StorageHistory {
  const merged = new Map<string, UsageSample[]>();
  for (const response of responses) {
    for (const [id, series] of Object.entries(response)) {
      const samples = toSamples(series.used, series.total);
      if (samples.length === 0) continue;
      merged.set(id, combine(merged.get(id) ?? [], samples));
    }
  }
  return merged;
}

type Series = StorageChartsResponse[string]['used'];

function toSamples(used: Series, total: Series): UsageSample[] {
  if (!used || !total) return [];
  const totals = new Map(total.map((point) => [point.timestamp, point.value]));
  const samples: UsageSample[] = [];
  for (const point of used) {
    const time = Date.parse(point.timestamp);
    const capacity = totals.get(point.timestamp);
    if (Number.isNaN(time) || capacity === undefined) continue;
    samples.push({ time, used: point.value, total: capacity });
  }
  return samples.sort((a, b) => a.time - b.time);
}

function combine(fine: UsageSample[], coarse: UsageSample[]): UsageSample[] {
  const fineStart = fine[0]?.time ?? Number.POSITIVE_INFINITY;
  return [...coarse.filter((sample) => sample.time < fineStart), ...fine];
}

export interface LiveStorageHistory {
  history: Accessor<StorageHistory | undefined>;
  /** True when the last read failed; the previous history, if any, stays shown. */
  hasFailed: Accessor<boolean>;
}

/** History read now and every `refreshMs` while the calling component lives. */
export function createStorageHistory(refreshMs = 120_000): LiveStorageHistory {
  const [history, setHistory] = createSignal<StorageHistory>();
  const [hasFailed, setHasFailed] = createSignal(false);
  let controller: AbortController | undefined;

  const load = () => {
    controller?.abort();
    const current = new AbortController();
    controller = current;
    fetchStorageHistory(current.signal).then(
      (next) => {
        setHistory(next);
        setHasFailed(false);
      },
      () => {
        if (!current.signal.aborted) setHasFailed(true);
      },
    );
  };

  load();
  const timer = setInterval(load, refreshMs);
  onCleanup(() => {
    clearInterval(timer);
    controller?.abort();
  });
  return { history, hasFailed };
}

/** Usage percentages of a series, for a sparkline. */
export function usagePoints(samples: readonly UsageSample[]): { time: number; value: number }[] {
  return samples
    .filter((sample) => sample.total > 0)
    .map((sample) => ({ time: sample.time, value: (sample.used / sample.total) * 100 }));
}
