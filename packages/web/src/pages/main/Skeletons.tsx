import { For } from 'solid-js';

const BLOCK = 'animate-pulse rounded bg-gray-200 motion-reduce:animate-none dark:bg-slate-800';

/** Placeholders shaped like the node cards and guest rows, while the first state loads. */
export function MainSkeleton(props: { message: string }) {
  return (
    <div aria-busy="true" class="space-y-4">
      <p role="status" class="sr-only">
        {props.message}
      </p>
      <div class="grid grid-cols-[repeat(auto-fill,minmax(17rem,1fr))] gap-3">
        <For each={[0, 1, 2]}>
          {() => (
            <div class="space-y-3 rounded-lg border border-gray-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900">
              <div class={`h-4 w-32 ${BLOCK}`} />
              <div class={`h-2 w-full ${BLOCK}`} />
              <div class={`h-2 w-full ${BLOCK}`} />
              <div class={`h-2 w-full ${BLOCK}`} />
            </div>
          )}
        </For>
      </div>
      <div class={`h-9 w-full ${BLOCK}`} />
      <div class="space-y-2 rounded-lg border border-gray-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900">
        <For each={[0, 1, 2, 3, 4, 5, 6, 7]}>{() => <div class={`h-6 w-full ${BLOCK}`} />}</For>
      </div>
      <p aria-hidden="true" class="text-center text-sm text-gray-600 dark:text-slate-400">
        {props.message}
      </p>
    </div>
  );
}
