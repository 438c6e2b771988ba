import { For, Show } from 'solid-js';
import { MUTED, PANEL, TAG } from '../../components/styles.ts';
import { formatBytes, formatPercent, formatUsage } from '../../lib/format.ts';
import { FillEstimate } from './FillEstimate.tsx';
import { PlaceDot, StorageStatus } from './StorageStatus.tsx';
import { usagePoints } from './storage-history.ts';
import type { StorageRow } from './storage-rows.ts';
import { type StorageViewProps, whereLabel } from './storage-view.ts';
import { TrendSparkline } from './TrendSparkline.tsx';
import { UsageMeter } from './UsageMeter.tsx';

/** The phone layout: one card per storage under a heading per group. */
export function StorageCards(props: StorageViewProps) {
  return (
    <div class="space-y-5">
      <For each={props.groups}>
        {(group) => (
          <section data-testid="storage-group" data-group={group.key} aria-label={group.title}>
            <h2 class="mb-1.5 flex flex-wrap items-center gap-x-2 px-1">
              <Show when={group.status}>
                <PlaceDot status={group.status} />
              </Show>
              <span class="font-semibold">{group.title}</span>
              <span class={`text-xs font-normal ${MUTED}`}>{group.subtitle}</span>
              <Show when={group.total > 0}>
                <span class={`w-full text-xs font-normal tabular-nums ${MUTED}`}>
                  {formatUsage(group.used, group.total)} (
                  {formatPercent((group.used / group.total) * 100)})
                </span>
              </Show>
            </h2>
            <ul class="space-y-2">
              <For each={group.rows}>{(row) => <StorageCard row={row} view={props} />}</For>
            </ul>
          </section>
        )}
      </For>
    </div>
  );
}

function StorageCard(props: { row: StorageRow; view: StorageViewProps }) {
  const alerts = () => props.view.alerts.get(props.row.id)?.length ?? 0;
  return (
    <li
      data-testid="storage-row"
      data-storage-id={props.row.id}
      class={`${PANEL} p-3`}
      classList={{
        'opacity-60': !props.row.isAvailable,
        'border-l-4 border-l-red-600': alerts() > 0,
      }}
    >
      <div class="flex min-w-0 items-center gap-1.5">
        <span class="truncate font-medium">{props.row.name}</span>
        <span class={TAG}>{props.row.type}</span>
        <Show when={props.row.shared}>
          <span class={TAG}>shared</span>
        </Show>
        <Show when={alerts() > 0}>
          <span class="rounded bg-red-700 px-1.5 text-xs font-semibold text-white">
            {alerts()} alert{alerts() === 1 ? '' : 's'}
          </span>
        </Show>
        <Show when={!props.row.isAvailable}>
          <span class="ml-auto shrink-0">
            <StorageStatus status={props.row.status} />
          </span>
        </Show>
      </div>
      <p class={`mt-0.5 truncate text-xs ${MUTED}`}>
        <Show when={props.view.mode === 'storage'}>{whereLabel(props.row)} · </Show>
        {props.row.note ?? props.row.content.replaceAll(',', ', ')}
      </p>
      <div class="mt-2">
        <UsageMeter
          label={`${props.row.name} usage`}
          used={props.row.used}
          total={props.row.total}
          usage={props.row.usage}
          isDimmed={!props.row.isAvailable}
        />
      </div>
      <div class="mt-2 flex items-center gap-3 text-sm">
        <span class="tabular-nums">
          <span class={MUTED}>Free </span>
          {props.row.total > 0 ? formatBytes(props.row.free) : '–'}
        </span>
        <span class="ml-auto">
          <FillEstimate
            forecast={props.view.forecasts.get(props.row.id)}
            pbsFullDate={props.row.pbsFullDate}
            now={props.view.now}
          />
        </span>
        <TrendSparkline
          points={usagePoints(props.view.history?.get(props.row.id) ?? [])}
          label={`${props.row.name} usage`}
        />
      </div>
    </li>
  );
}
