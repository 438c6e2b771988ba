import type { AlertSummary, Node } from '@pulse/contract';
import { Show } from 'solid-js';
import { MUTED } from '../../components/styles.ts';
import { formatLoad, formatUptime, formatUsage } from '../../lib/format.ts';
import { coresInUse, isNodeOnline, loadAverages, pveRelease } from '../../lib/node-facts.ts';
import { AlertBadge, alertEdge } from './AlertBadge.tsx';
import { ChartButton } from './ChartButton.tsx';
import { StatusDot } from './StatusDot.tsx';
import { UsageBar } from './UsageBar.tsx';

export interface NodeCardProps {
  node: Node;
  alerts: readonly AlertSummary[] | undefined;
  /** True while the guest list is narrowed to this node. */
  isSelected: boolean;
  onToggleFilter(): void;
  onOpenCharts(): void;
}

/** CPU, memory and disk of an online node, each with its absolute figures. */
function NodeUsage(props: { node: Node }) {
  return (
    <div class="mt-2 space-y-1.5">
      <UsageBar
        label="CPU"
        metric="cpu"
        percent={props.node.cpu * 100}
        detail={coresInUse(props.node.cpu, props.node.cpuInfo.cores)}
      />
      <UsageBar
        label="Mem"
        metric="memory"
        percent={props.node.memory.usage}
        detail={formatUsage(props.node.memory.used, props.node.memory.total)}
      />
      <UsageBar
        label="Disk"
        metric="disk"
        percent={props.node.disk.usage}
        detail={formatUsage(props.node.disk.used, props.node.disk.total)}
      />
    </div>
  );
}

/** Uptime and load averages, the load relative to the node's cores in its tooltip. */
function NodeFacts(props: { node: Node }) {
  return (
    <dl class={`mt-2 flex gap-4 text-xs tabular-nums ${MUTED}`}>
      <div class="flex gap-1">
        <dt>Up</dt>
        <dd class="text-gray-900 dark:text-slate-100">{formatUptime(props.node.uptime)}</dd>
      </div>
      <div
        class="flex min-w-0 gap-1"
        title={`Load averages (1, 5, 15 min) on ${props.node.cpuInfo.cores} cores`}
      >
        <dt>Load</dt>
        <dd class="truncate text-gray-900 dark:text-slate-100">
          {loadAverages(props.node.loadAverage) || formatLoad(props.node.loadAverage[0])}
        </dd>
      </div>
    </dl>
  );
}

/** A PVE node: status, CPU/memory/disk with absolute figures, uptime, load and version. */
export function NodeCard(props: NodeCardProps) {
  const isOnline = () => isNodeOnline(props.node);

  return (
    <article
      data-testid="node-card"
      data-node={props.node.name}
      aria-label={`Node ${props.node.name}`}
      class={`relative rounded-lg border border-l-4 bg-white shadow-xs dark:bg-slate-900
        ${alertEdge(props.alerts)}`}
      classList={{
        'border-sky-600 ring-2 ring-sky-600/40 dark:border-sky-400': props.isSelected,
        'border-gray-200 dark:border-slate-800': !props.isSelected,
      }}
    >
      <button
        type="button"
        aria-pressed={props.isSelected}
        title={
          props.isSelected ? 'Show guests of every node' : `Show only guests of ${props.node.name}`
        }
        onClick={() => props.onToggleFilter()}
        class="block w-full rounded-lg p-3 text-left outline-none focus-visible:ring-2
          focus-visible:ring-sky-600 dark:focus-visible:ring-sky-400"
      >
        <div class="flex items-center gap-2 pr-8">
          <StatusDot tone={isOnline() ? 'up' : 'down'} label={isOnline() ? 'online' : 'offline'} />
          <h3 class="min-w-0 truncate font-semibold">{props.node.name}</h3>
          <AlertBadge alerts={props.alerts} />
          <span class={`ml-auto shrink-0 text-xs ${MUTED}`}>
            {pveRelease(props.node.pveVersion)}
          </span>
        </div>
        <p class={`mt-0.5 truncate text-xs ${MUTED}`}>
          {props.node.clusterName ? `cluster ${props.node.clusterName}` : 'standalone'} ·{' '}
          {props.node.instance}
        </p>
        <Show
          when={isOnline()}
          fallback={
            <p
              class="mt-3 rounded bg-red-50 px-2 py-1.5 text-sm text-red-800 dark:bg-red-950
              dark:text-red-300"
            >
              Offline{props.node.statusReason ? `: ${props.node.statusReason}` : ''}
            </p>
          }
        >
          <NodeUsage node={props.node} />
        </Show>
        <NodeFacts node={props.node} />
      </button>
      <ChartButton
        label={`History of node ${props.node.name}`}
        onClick={() => props.onOpenCharts()}
      />
    </article>
  );
}
