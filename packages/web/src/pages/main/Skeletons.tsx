import { createSignal, For, onCleanup, Show } from 'solid-js';

/**
 * The state usually arrives within a few milliseconds of the socket opening; holding the
 * placeholders back that long spares a flash of grey boxes and the layout shift it causes.
 */
const SHOW_AFTER_MS = 300;

const BLOCK = 'animate-pulse rounded bg-gray-200 motion-reduce:animate-none dark:bg-slate-800';

/** Placeholders shaped like the node cards and guest rows, while the first state loads. */
export function MainSkeleton(props: { message: string }) {
  const [isShown, setShown] = createSignal(false);
  const timer = setTimeout(() => setShown(true), SHOW_AFTER_MS);
  onCleanup(() => clearTimeout(timer));

  return (
    <Show when={isShown()} fallback={<div aria-busy="true" />}>
      <div aria-busy="true" class="space-y-4">
        <p role="status" class="sr-only">
          {props.message}
        </p>
        <div class="grid grid-cols-[repeat(auto-fill,minmax(17rem,1fr))] gap-3">
          <For each={[0, 1, 2]}>
            {() => (
              <div
                class="space-y-3 rounded-lg border border-gray-200 bg-white p-3
                dark:border-slate-800 dark:bg-slate-900"
              >
                <div class={`h-4 w-32 ${BLOCK}`} />
                <div class={`h-2 w-full ${BLOCK}`} />
                <div class={`h-2 w-full ${BLOCK}`} />
                <div class={`h-2 w-full ${BLOCK}`} />
              </div>
            )}
          </For>
        </div>
        <div class={`h-9 w-full ${BLOCK}`} />
        <div
          class="space-y-2 rounded-lg border border-gray-200 bg-white p-3 dark:border-slate-800
          dark:bg-slate-900"
        >
          <For each={[0, 1, 2, 3, 4, 5, 6, 7]}>{() => <div class={`h-6 w-full ${BLOCK}`} />}</For>
        </div>
        <p aria-hidden="true" class="text-center text-sm text-gray-600 dark:text-slate-400">
          {props.message}
        </p>
      </div>
    </Show>
  );
}
