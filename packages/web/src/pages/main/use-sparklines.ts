import type { ChartsResponse } from '@pulse/contract';
import { type Accessor, createMemo, createResource, onCleanup } from 'solid-js';
import { apiGet } from '../../api/client.ts';
import { downsample } from '../../lib/sparkline.ts';

export interface GuestSparklines {
  cpu: number[];
  memory: number[];
}

const REFRESH_MS = 60_000;
const NO_LINES: ReadonlyMap<string, GuestSparklines> = new Map();

// LIMITATION: above this many guests the Main page shows no sparklines. /api/charts has no
// way to ask for only CPU and memory, so an hour of every series of every guest in one answer
// grows to tens of megabytes; the per-guest drawer still has full charts.
export const SPARKLINE_GUEST_LIMIT = 2000;

/**
 * CPU and memory of the last hour for every guest, from ONE `/api/charts` request refreshed
 * every minute (never a request per row). Empty while `enabled` is false.
 */
export function createSparklines(
  enabled: Accessor<boolean>,
): Accessor<ReadonlyMap<string, GuestSparklines>> {
  const [charts, { refetch }] = createResource(
    () => (enabled() ? true : undefined),
    () => apiGet<ChartsResponse>('/api/charts?range=1h'),
  );
  const timer = setInterval(() => {
    if (enabled()) void refetch();
  }, REFRESH_MS);
  onCleanup(() => clearInterval(timer));

  return createMemo<ReadonlyMap<string, GuestSparklines>>((previous) => {
    if (!enabled()) return NO_LINES;
    // A failed refresh keeps the lines already drawn rather than blanking every row.
    if (charts.error) return previous;
    const latest = charts.latest;
    return latest ? toSparklines(latest) : previous;
  }, NO_LINES);
}

function toSparklines(response: ChartsResponse): ReadonlyMap<string, GuestSparklines> {
  const lines = new Map<string, GuestSparklines>();
  for (const [id, series] of Object.entries(response.data)) {
    lines.set(id, { cpu: downsample(series.cpu), memory: downsample(series.memory) });
  }
  return lines;
}
