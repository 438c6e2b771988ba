import { For } from 'solid-js';
import { PANEL } from '../../components/styles.ts';

/** Placeholders in the shape of the summary and the list while the first state loads. */
export function BackupsSkeleton() {
  return (
    <div role="status" aria-busy="true" aria-label="Loading backups" class="space-y-3">
      <div class="grid grid-cols-2 gap-2 lg:grid-cols-4">
        <For each={[0, 1, 2, 3]}>{() => <div class={`${PANEL} h-16 animate-pulse`} />}</For>
      </div>
      <div class={`${PANEL} h-40 animate-pulse`} />
      <div class={`${PANEL} space-y-3 p-3`}>
        <For each={[0, 1, 2, 3, 4, 5]}>
          {() => <div class="h-4 animate-pulse rounded bg-gray-100 dark:bg-slate-800" />}
        </For>
      </div>
    </div>
  );
}
