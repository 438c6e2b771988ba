import { createMemo, Show } from 'solid-js';
import { MUTED } from '../../components/styles.ts';
import { type FillForecast, formatTimeToFull } from '../../lib/fill-forecast.ts';
import { formatPercent, formatUsage } from '../../lib/format.ts';
import { USAGE_THRESHOLDS } from '../../lib/metric-levels.ts';
import { Fact } from './Fact.tsx';
import type { StorageRow } from './storage-rows.ts';

export interface StorageSummaryProps {
  rows: readonly StorageRow[];
  forecasts: ReadonlyMap<string, FillForecast>;
  now: number;
}

/** The four facts to read first: how much, how full, what is short of space, what fills first. */
export function StorageSummary(props: StorageSummaryProps) {
  const facts = createMemo(() => {
    const available = props.rows.filter((row) => row.isAvailable);
    const used = available.reduce((sum, row) => sum + row.used, 0);
    const total = available.reduce((sum, row) => sum + row.total, 0);
    const crowded = available.filter((row) => row.usage >= USAGE_THRESHOLDS.disk.warning);
    const down = props.rows.filter((row) => !row.isAvailable);
    return {
      used,
      total,
      crowded,
      down,
      soonest: soonestFull(props.rows, props.forecasts, props.now),
    };
  });
  const datastores = () => props.rows.filter((row) => row.source === 'pbs').length;

  return (
    <dl class="grid grid-cols-2 gap-2 lg:grid-cols-4">
      <Fact label="Storage">
        <span class="tabular-nums">{props.rows.length - datastores()}</span>
        <span class={`block truncate text-xs font-normal ${MUTED}`}>
          + {datastores()} PBS datastore{datastores() === 1 ? '' : 's'}
        </span>
      </Fact>
      <Fact label="Used overall">
        <span class="tabular-nums">
          {facts().total > 0 ? formatPercent((facts().used / facts().total) * 100) : '–'}
        </span>
        <span class={`block truncate text-xs font-normal tabular-nums ${MUTED}`}>
          {formatUsage(facts().used, facts().total)}
        </span>
      </Fact>
      <Fact label={`Above ${USAGE_THRESHOLDS.disk.warning}% or unavailable`}>
        <span
          class="tabular-nums"
          classList={{
            'text-red-700 dark:text-red-400': facts().crowded.length + facts().down.length > 0,
          }}
        >
          {facts().crowded.length + facts().down.length}
        </span>
        <Show when={facts().crowded.length + facts().down.length > 0}>
          <span class={`block truncate text-xs font-normal ${MUTED}`}>
            {[...facts().crowded, ...facts().down].map((row) => row.name).join(', ')}
          </span>
        </Show>
      </Fact>
      <Fact label="Fills up first">
        <Show
          when={facts().soonest}
          fallback={
            <span class={`text-base ${MUTED}`}>
              {isCollecting(props.rows, props.forecasts) ? 'Collecting history' : 'Nothing filling'}
            </span>
          }
        >
          {(soonest) => (
            <>
              <span class="text-base">{formatTimeToFull(soonest().days)}</span>
              <span class={`block truncate text-xs font-normal ${MUTED}`}>{soonest().label}</span>
            </>
          )}
        </Show>
      </Fact>
    </dl>
  );
}

const DAY_MS = 86_400_000;

/** The storage with the nearest full date: Pulse's estimate, else the Backup Server's. */
function soonestFull(
  rows: readonly StorageRow[],
  forecasts: ReadonlyMap<string, FillForecast>,
  now: number,
) {
  let best: { days: number; label: string } | undefined;
  for (const row of rows) {
    const days = daysUntilFull(row, forecasts.get(row.id), now);
    if (days === undefined || (best && best.days <= days)) continue;
    best = { days, label: `${row.name} on ${row.node}` };
  }
  return best;
}

function daysUntilFull(row: StorageRow, forecast: FillForecast | undefined, now: number) {
  if (forecast?.kind === 'filling') return forecast.daysUntilFull;
  if (forecast?.kind === 'unknown' && row.pbsFullDate) {
    const days = (Date.parse(row.pbsFullDate) - now) / DAY_MS;
    return days > 0 ? days : undefined;
  }
  return undefined;
}

function isCollecting(rows: readonly StorageRow[], forecasts: ReadonlyMap<string, FillForecast>) {
  return rows.some((row) => forecasts.get(row.id)?.kind === 'unknown');
}
