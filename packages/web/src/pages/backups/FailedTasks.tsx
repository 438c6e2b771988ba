import { For, Show } from 'solid-js';
import { MUTED } from '../../components/styles.ts';
import type { FailedBackupTask } from '../../lib/backups-failures.ts';
import { formatAgo, formatDateTime } from '../../lib/format.ts';

export interface FailedTasksProps {
  tasks: readonly FailedBackupTask[];
  now: number;
  /** Narrows the backup list to a guest, to see what it still has. */
  onShowGuest(vmid: string): void;
}

/** Backup runs and PBS upkeep that failed in the last day, each with Proxmox's error. */
export function FailedTasks(props: FailedTasksProps) {
  return (
    <Show when={props.tasks.length > 0}>
      <section
        aria-labelledby="failed-tasks-title"
        data-testid="failed-tasks"
        class="rounded-lg border border-red-300 bg-red-50 dark:border-red-900 dark:bg-red-950/40"
      >
        <h2
          id="failed-tasks-title"
          class="border-b border-red-200 px-3 py-2 text-sm font-semibold text-red-800
            dark:border-red-900 dark:text-red-300"
        >
          {props.tasks.length} failed backup task{props.tasks.length === 1 ? '' : 's'} in the last
          24 hours
        </h2>
        <ul class="max-h-64 divide-y divide-red-200 overflow-y-auto dark:divide-red-900/60">
          <For each={props.tasks}>
            {(task) => (
              <li data-testid="failed-task" data-vmid={task.vmid} class="px-3 py-2 text-sm">
                <div class="flex min-w-0 items-baseline gap-x-2">
                  <span class="min-w-0 truncate font-medium">{subject(task)}</span>
                  <span class={`min-w-0 truncate text-xs ${MUTED}`}>
                    {task.type} on {task.node}
                  </span>
                  <span
                    class={`ml-auto shrink-0 text-xs tabular-nums ${MUTED}`}
                    title={formatAgo(task.startTime, props.now)}
                  >
                    {formatDateTime(task.startTime)}
                  </span>
                </div>
                <div class="flex min-w-0 items-baseline gap-x-2">
                  <span
                    class="min-w-0 break-words font-mono text-xs text-red-800
                    dark:text-red-300"
                  >
                    {task.error}
                  </span>
                  <Show when={task.vmid}>
                    {(vmid) => (
                      <button
                        type="button"
                        onClick={() => props.onShowGuest(String(vmid()))}
                        class="ml-auto shrink-0 rounded text-xs font-medium text-sky-800 underline
                          decoration-sky-800/40 underline-offset-2 outline-none
                          hover:decoration-sky-800 focus-visible:ring-2 focus-visible:ring-sky-600
                          dark:text-sky-300 dark:decoration-sky-300/40"
                      >
                        Show its backups
                      </button>
                    )}
                  </Show>
                </div>
              </li>
            )}
          </For>
        </ul>
      </section>
    </Show>
  );
}

function subject(task: FailedBackupTask): string {
  if (task.vmid !== undefined) return `${task.guestName ?? 'VMID'} ${task.vmid}`.trim();
  return task.target ?? task.instance;
}
