import type { AlertSummary } from '@pulse/contract';
import { For } from 'solid-js';
import type { UsageMetric } from '../../lib/metric-levels.ts';
import { AlertBadge, alertEdge } from './AlertBadge.tsx';
import { StatusDot } from './StatusDot.tsx';
import { UsageBar } from './UsageBar.tsx';

export interface TileBar {
  label: string;
  metric: UsageMetric;
  percent: number | undefined;
}

export interface NodeTileProps {
  name: string;
  kind: 'node' | 'pbs';
  isOnline: boolean;
  alerts: readonly AlertSummary[] | undefined;
  bars: readonly TileBar[];
  /** Node tiles filter the guest list when pressed; backup server tiles do not. */
  isSelected?: boolean;
  onToggleFilter?: () => void;
}

/**
 * A node or backup server in one short tile: for phones and for fleets with many nodes, where
 * full cards would push the guests off the first screen.
 */
export function NodeTile(props: NodeTileProps) {
  const content = () => (
    <>
      <div class="flex items-center gap-2">
        <StatusDot
          tone={props.isOnline ? 'up' : 'down'}
          label={props.isOnline ? 'online' : 'offline'}
        />
        <span class="min-w-0 truncate text-sm font-semibold">{props.name}</span>
        <AlertBadge alerts={props.alerts} />
      </div>
      <div class="mt-1 grid grid-cols-3 gap-x-2">
        <For each={props.bars}>
          {(bar) => (
            <UsageBar stacked label={bar.label} metric={bar.metric} percent={bar.percent} />
          )}
        </For>
      </div>
    </>
  );
  const frame = `block w-full rounded-lg border border-l-4 bg-white px-2.5 py-2 text-left
    dark:bg-slate-900 ${alertEdge(props.alerts)}`;

  return props.onToggleFilter ? (
    <button
      type="button"
      data-testid="node-card"
      data-node={props.name}
      aria-pressed={props.isSelected}
      title={props.isSelected ? 'Show guests of every node' : `Show only guests of ${props.name}`}
      onClick={() => props.onToggleFilter?.()}
      class={`${frame} outline-none focus-visible:ring-2 focus-visible:ring-sky-600
        dark:focus-visible:ring-sky-400`}
      classList={{
        'border-sky-600 ring-2 ring-sky-600/40 dark:border-sky-400': props.isSelected,
        'border-gray-200 dark:border-slate-800': !props.isSelected,
      }}
    >
      {content()}
    </button>
  ) : (
    <article
      data-testid="pbs-card"
      data-pbs={props.name}
      aria-label={`Backup server ${props.name}`}
      class={`${frame} border-gray-200 dark:border-slate-800`}
    >
      {content()}
    </article>
  );
}
