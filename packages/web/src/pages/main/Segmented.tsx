import { For } from 'solid-js';
import { MUTED } from '../../components/styles.ts';

export interface SegmentedProps<T extends string> {
  label: string;
  options: readonly { value: T; label: string }[];
  value: T;
  onChange(value: T): void;
}

/** A row of toggle buttons of which exactly one is pressed. */
export function Segmented<T extends string>(props: SegmentedProps<T>) {
  return (
    <fieldset class="flex items-center gap-2">
      <legend class={`float-left mr-2 text-sm ${MUTED}`}>{props.label}</legend>
      <div
        class="inline-flex rounded-md border border-gray-300 bg-white p-0.5
        dark:border-slate-700 dark:bg-slate-900"
      >
        <For each={props.options}>
          {(option) => (
            <button
              type="button"
              aria-pressed={props.value === option.value}
              onClick={() => props.onChange(option.value)}
              class="h-7 rounded px-2.5 text-sm outline-none focus-visible:ring-2
                focus-visible:ring-sky-600 dark:focus-visible:ring-sky-400"
              classList={{
                'bg-sky-700 font-medium text-white dark:bg-sky-500 dark:text-slate-950':
                  props.value === option.value,
                'text-gray-700 hover:bg-gray-100 dark:text-slate-300 dark:hover:bg-slate-800':
                  props.value !== option.value,
              }}
            >
              {option.label}
            </button>
          )}
        </For>
      </div>
    </fieldset>
  );
}
