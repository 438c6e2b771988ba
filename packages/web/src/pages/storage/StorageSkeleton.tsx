import { For } from 'solid-js';
import { PANEL } from '../../components/styles.ts';

/** Placeholder rows in the shape of the storage list while the first state loads. */
export function StorageSkeleton() {
  return (
    <div class={`${PANEL} p-3`} role="status" aria-busy="true" aria-label="Loading storage">
      <For each={[0, 1, 2]}>
        {() => (
          <div class="mb-4 last:mb-0">
            <div class="mb-2 h-4 w-40 animate-pulse rounded bg-gray-200 dark:bg-slate-800" />
            <For each={[0, 1, 2]}>
              {() => (
                <div class="flex items-center gap-4 py-2">
                  <div class="h-4 w-32 animate-pulse rounded bg-gray-100 dark:bg-slate-800" />
                  <div class="h-4 w-20 animate-pulse rounded bg-gray-100 dark:bg-slate-800" />
                  <div class="h-2 flex-1 animate-pulse rounded bg-gray-100 dark:bg-slate-800" />
                </div>
              )}
            </For>
          </div>
        )}
      </For>
    </div>
  );
}
