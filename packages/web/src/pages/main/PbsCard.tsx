import type { AlertSummary, PbsInstance } from '@pulse/contract';
import { For, Show } from 'solid-js';
import { MUTED } from '../../components/styles.ts';
import { formatUptime, formatUsage } from '../../lib/format.ts';
import { isPbsOnline, pbsRelease } from '../../lib/node-facts.ts';
import { AlertBadge, alertEdge } from './AlertBadge.tsx';
import { StatusDot } from './StatusDot.tsx';
import { UsageBar } from './UsageBar.tsx';

const SHOWN_DATASTORES = 3;

/** A Proxmox Backup Server: status, CPU, memory, each datastore's usage, uptime, version. */
export function PbsCard(props: { pbs: PbsInstance; alerts: readonly AlertSummary[] | undefined }) {
  const isOnline = () => isPbsOnline(props.pbs);
  const hidden = () => Math.max(0, props.pbs.datastores.length - SHOWN_DATASTORES);

  return (
    <article
      data-testid="pbs-card"
      data-pbs={props.pbs.name}
      aria-label={`Backup server ${props.pbs.name}`}
      class={`rounded-lg border border-l-4 border-gray-200 bg-white p-3 shadow-xs
        dark:border-slate-800 dark:bg-slate-900 ${alertEdge(props.alerts)}`}
    >
      <div class="flex items-center gap-2">
        <StatusDot tone={isOnline() ? 'up' : 'down'} label={isOnline() ? 'online' : 'offline'} />
        <h3 class="min-w-0 truncate font-semibold">{props.pbs.name}</h3>
        <AlertBadge alerts={props.alerts} />
        <span class={`ml-auto shrink-0 text-xs ${MUTED}`}>{pbsRelease(props.pbs.version)}</span>
      </div>
      <p class={`mt-0.5 text-xs ${MUTED}`}>
        Backup server · {props.pbs.datastores.length} datastores
        <Show when={props.pbs.failedTasks.length > 0}>
          {' '}
          ·{' '}
          <span class="font-medium text-red-700 dark:text-red-400">
            {props.pbs.failedTasks.length} failed tasks
          </span>
        </Show>
      </p>
      <Show
        when={isOnline()}
        fallback={
          <p
            class="mt-3 rounded bg-red-50 px-2 py-1.5 text-sm text-red-800 dark:bg-red-950
            dark:text-red-300"
          >
            Offline
          </p>
        }
      >
        <div class="mt-2 space-y-1.5">
          <UsageBar label="CPU" metric="cpu" percent={props.pbs.cpu} />
          <UsageBar
            label="Mem"
            metric="memory"
            percent={props.pbs.memory}
            detail={formatUsage(props.pbs.memoryUsed, props.pbs.memoryTotal)}
          />
          <For each={props.pbs.datastores.slice(0, SHOWN_DATASTORES)}>
            {(datastore) => (
              <UsageBar
                label={datastore.name}
                metric="disk"
                percent={datastore.usage}
                detail={formatUsage(datastore.used, datastore.total)}
              />
            )}
          </For>
        </div>
      </Show>
      <p class={`mt-2 text-xs tabular-nums ${MUTED}`}>
        Up <span class="text-gray-900 dark:text-slate-100">{formatUptime(props.pbs.uptime)}</span>
        <Show when={hidden() > 0}> · {hidden()} more datastores on the Storage page</Show>
      </p>
    </article>
  );
}
