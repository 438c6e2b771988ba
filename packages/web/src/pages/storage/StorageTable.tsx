import { For, Show } from 'solid-js';
import { MUTED, PANEL, TAG } from '../../components/styles.ts';
import { formatBytes, formatPercent, formatUsage } from '../../lib/format.ts';
import { FillEstimate } from './FillEstimate.tsx';
import { PlaceDot, StorageStatus } from './StorageStatus.tsx';
import { usagePoints } from './storage-history.ts';
import type { StorageGroup, StorageRow } from './storage-rows.ts';
import { type StorageViewProps, whereLabel } from './storage-view.ts';
import { TrendSparkline } from './TrendSparkline.tsx';
import { UsageMeter } from './UsageMeter.tsx';

const HEAD = `px-3 py-2 text-left text-xs font-medium uppercase tracking-wide ${MUTED}`;

/** Every storage in one table, a row group per node or storage name. */
export function StorageTable(props: StorageViewProps) {
  return (
    <div class={`${PANEL} overflow-x-auto`}>
      <table class="w-full min-w-[900px] table-fixed border-collapse text-sm" aria-label="Storage">
        <colgroup>
          <col class="w-[24%]" />
          <Show when={props.mode === 'storage'}>
            <col class="w-[13%]" />
          </Show>
          <col class="w-[10%]" />
          <col class="w-[22%]" />
          <col class="w-[9%]" />
          <col class="w-[120px]" />
          <col class="w-[13%]" />
        </colgroup>
        <thead class="border-b border-gray-200 dark:border-slate-800">
          <tr>
            <th scope="col" class={HEAD}>
              Storage
            </th>
            <Show when={props.mode === 'storage'}>
              <th scope="col" class={HEAD}>
                Node
              </th>
            </Show>
            <th scope="col" class={HEAD}>
              Status
            </th>
            <th scope="col" class={HEAD}>
              Usage
            </th>
            <th scope="col" class={`${HEAD} text-right`}>
              Free
            </th>
            <th scope="col" class={HEAD}>
              Trend
            </th>
            <th scope="col" class={HEAD}>
              Full
            </th>
          </tr>
        </thead>
        <For each={props.groups}>
          {(group) => (
            <tbody data-testid="storage-group" data-group={group.key}>
              <GroupHeader group={group} columns={props.mode === 'storage' ? 7 : 6} />
              <For each={group.rows}>{(row) => <StorageTableRow row={row} view={props} />}</For>
            </tbody>
          )}
        </For>
      </table>
    </div>
  );
}

function GroupHeader(props: { group: StorageGroup; columns: number }) {
  const usage = () =>
    props.group.total > 0 ? (props.group.used / props.group.total) * 100 : undefined;
  return (
    <tr class="border-t border-gray-200 bg-gray-50 dark:border-slate-800 dark:bg-slate-950/60">
      <th scope="rowgroup" colSpan={props.columns} class="px-3 py-1.5 text-left font-normal">
        <div class="flex flex-wrap items-baseline gap-x-2">
          <Show when={props.group.status}>
            <span class="self-center">
              <PlaceDot status={props.group.status} />
            </span>
          </Show>
          <span class="font-semibold">{props.group.title}</span>
          <span class={`text-xs ${MUTED}`}>{props.group.subtitle}</span>
          <Show when={usage() !== undefined}>
            <span class={`ml-auto text-xs tabular-nums ${MUTED}`}>
              {formatUsage(props.group.used, props.group.total)} ({formatPercent(usage())})
            </span>
          </Show>
        </div>
      </th>
    </tr>
  );
}

function StorageTableRow(props: { row: StorageRow; view: StorageViewProps }) {
  const alerts = () => props.view.alerts.get(props.row.id);
  const points = () => usagePoints(props.view.history?.get(props.row.id) ?? []);
  return (
    <tr
      data-testid="storage-row"
      data-storage-id={props.row.id}
      class="border-t border-gray-100 dark:border-slate-800/70"
      classList={{
        'opacity-60': !props.row.isAvailable,
        'bg-red-50/60 dark:bg-red-950/30': (alerts()?.length ?? 0) > 0,
      }}
    >
      <td class="px-3 py-2">
        <div class="flex min-w-0 items-center gap-1.5">
          <span class="truncate font-medium" title={props.row.name}>
            {props.row.name}
          </span>
          <span class={TAG}>{props.row.type}</span>
          <Show when={props.row.shared}>
            <span class={TAG}>shared</span>
          </Show>
          <Show when={alerts()}>
            {(list) => (
              <span
                class="rounded bg-red-700 px-1.5 text-xs font-semibold text-white"
                title={list()
                  .map((alert) => alert.message)
                  .join('\n')}
              >
                {list().length} alert{list().length === 1 ? '' : 's'}
              </span>
            )}
          </Show>
        </div>
        <div class={`truncate text-xs ${MUTED}`} title={props.row.note ?? props.row.content}>
          {props.row.note ?? props.row.content.replaceAll(',', ', ')}
        </div>
      </td>
      <Show when={props.view.mode === 'storage'}>
        <td class="truncate px-3 py-2" title={whereLabel(props.row)}>
          {whereLabel(props.row)}
        </td>
      </Show>
      <td class="px-3 py-2">
        <StorageStatus status={props.row.status} />
      </td>
      <td class="px-3 py-2">
        <UsageMeter
          label={`${props.row.name} usage`}
          used={props.row.used}
          total={props.row.total}
          usage={props.row.usage}
          isDimmed={!props.row.isAvailable}
        />
      </td>
      <td class="px-3 py-2 text-right tabular-nums">
        {props.row.total > 0 ? formatBytes(props.row.free) : '–'}
      </td>
      <td class="px-3 py-2">
        <TrendSparkline points={points()} label={`${props.row.name} usage`} />
      </td>
      <td class="px-3 py-2 text-sm">
        <FillEstimate
          forecast={props.view.forecasts.get(props.row.id)}
          pbsFullDate={props.row.pbsFullDate}
          now={props.view.now}
        />
      </td>
    </tr>
  );
}
