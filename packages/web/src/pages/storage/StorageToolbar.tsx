import { For } from 'solid-js';
import { FOCUS_RING, INPUT, MUTED } from '../../components/styles.ts';
import type { GroupMode } from './storage-rows.ts';

export interface StorageToolbarProps {
  mode: GroupMode;
  search: string;
  onMode(mode: GroupMode): void;
  onSearch(text: string): void;
}

const MODES: { mode: GroupMode; label: string }[] = [
  { mode: 'node', label: 'Node' },
  { mode: 'storage', label: 'Storage' },
];

/** Group-by switch and a search box; both live in the URL. */
export function StorageToolbar(props: StorageToolbarProps) {
  return (
    <div class="flex flex-wrap items-center gap-x-4 gap-y-2">
      <fieldset class="flex items-center gap-2">
        <legend class={`float-left mr-2 text-sm ${MUTED}`}>Group by</legend>
        <div class="inline-flex rounded-md border border-gray-300 p-0.5 dark:border-slate-700">
          <For each={MODES}>
            {(option) => (
              <button
                type="button"
                aria-pressed={props.mode === option.mode}
                onClick={() => props.onMode(option.mode)}
                class={`rounded px-3 py-1 text-sm ${FOCUS_RING}`}
                classList={{
                  'bg-sky-700 text-white': props.mode === option.mode,
                  'text-gray-700 hover:bg-gray-100 dark:text-slate-300 dark:hover:bg-slate-800':
                    props.mode !== option.mode,
                }}
              >
                {option.label}
              </button>
            )}
          </For>
        </div>
      </fieldset>
      <label class="flex w-full min-w-0 items-center gap-2 sm:w-72">
        <span class="sr-only">Search storage</span>
        <input
          type="search"
          value={props.search}
          onInput={(event) => props.onSearch(event.currentTarget.value)}
          placeholder="Search name, node, type, content"
          title="Matches storage name, node, type, content and instance"
          class={`${INPUT} w-full`}
        />
      </label>
    </div>
  );
}
