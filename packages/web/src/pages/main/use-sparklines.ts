import type { SparklinesResponse } from '@pulse/contract';
import { type Accessor, createMemo, createResource, onCleanup } from 'solid-js';
import { apiGet } from '../../api/client.ts';
import { SPARKLINE_POINTS } from '../../lib/sparkline.ts';

export interface GuestSparklines {
  cpu: number[];
  memory: number[];
}

const REFRESH_MS = 60_000;
const NO_LINES: ReadonlyMap<string, GuestSparklines> = new Map();
const URL = `/api/charts/sparklines?range=1h&points=${SPARKLINE_POINTS}`;

/**
 * CPU and memory of the last hour for every guest and node, from ONE compact
 * `/api/charts/sparklines` request refreshed every minute (never a request per row).
 * Empty while `enabled` is false.
 */
export function createSparklines(
  enabled: Accessor<boolean>,
): Accessor<ReadonlyMap<string, GuestSparklines>> {
  const [lines, { refetch }] = createResource(
    () => (enabled() ? true : undefined),
    () => apiGet<SparklinesResponse>(URL),
  );
  const timer = setInterval(() => {
    if (enabled()) void refetch();
  }, REFRESH_MS);
  onCleanup(() => clearInterval(timer));

  return createMemo<ReadonlyMap<string, GuestSparklines>>((previous) => {
    if (!enabled()) return NO_LINES;
    // A failed refresh keeps the lines already drawn rather than blanking every row.
    if (lines.error) return previous;
    const latest = lines.latest;
    return latest ? toSparklines(latest) : previous;
  }, NO_LINES);
}

/** Buckets without a sample are left out: the line joins the samples there are. */
function present(values: readonly (number | null)[]): number[] {
  return values.filter((value): value is number => value !== null);
}

function toSparklines(response: SparklinesResponse): ReadonlyMap<string, GuestSparklines> {
  const lines = new Map<string, GuestSparklines>();
  for (const [id, series] of Object.entries(response.series)) {
    lines.set(id, { cpu: present(series.cpu), memory: present(series.memory) });
  }
  return lines;
}
