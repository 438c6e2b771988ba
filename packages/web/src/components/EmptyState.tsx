import type { Component, JSX } from 'solid-js';
import { Show } from 'solid-js';
import type { IconProps } from './Icons.tsx';

export interface EmptyStateProps {
  icon: Component<IconProps>;
  title: string;
  /** What will appear here, and how to get there. */
  children: JSX.Element;
  actions?: JSX.Element;
}

/** A page with nothing to show yet: says what will be there and how to get it. */
export function EmptyState(props: EmptyStateProps) {
  return (
    <section
      aria-labelledby="empty-state-title"
      class="mx-auto mt-6 max-w-xl rounded-lg border border-dashed border-gray-300 bg-white px-5
        py-8 text-center sm:mt-12 sm:px-8 dark:border-slate-700 dark:bg-slate-900"
    >
      <div
        class="mx-auto grid size-10 place-items-center rounded-full bg-sky-50 text-sky-700
        dark:bg-sky-950 dark:text-sky-300"
      >
        <props.icon class="size-5" />
      </div>
      <h1 id="empty-state-title" class="mt-3 text-base font-semibold">
        {props.title}
      </h1>
      <div class="mt-2 space-y-2 text-sm leading-6 text-gray-600 dark:text-slate-400">
        {props.children}
      </div>
      <Show when={props.actions}>
        <div class="mt-5 flex flex-wrap justify-center gap-2">{props.actions}</div>
      </Show>
    </section>
  );
}
