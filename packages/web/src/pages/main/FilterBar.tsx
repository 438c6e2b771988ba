import { createEffect, createSignal, For, on, onCleanup, Show } from 'solid-js';
import { MUTED } from '../../components/styles.ts';
import type { GuestStatusFilter, GuestTypeFilter, GuestView } from '../../lib/guest-view.ts';
import type { QueryProblem } from '../../lib/search-query.ts';
import { SearchHelp } from './SearchHelp.tsx';
import { Segmented } from './Segmented.tsx';
import { ThresholdSlider } from './ThresholdSlider.tsx';

export interface FilterBarProps {
  view: GuestView;
  nodeNames: readonly string[];
  problems: readonly QueryProblem[];
  isFiltered: boolean;
  onChange(change: Partial<GuestView>): void;
  onReset(): void;
}

const SEARCH_ID = 'guest-search';
/** Typing settles before the URL and the list follow, so each key does not re-filter. */
const SEARCH_DELAY_MS = 150;

const TYPES: { value: GuestTypeFilter; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'vm', label: 'VMs' },
  { value: 'ct', label: 'Containers' },
];

const STATUSES: { value: GuestStatusFilter; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'running', label: 'Running' },
  { value: 'stopped', label: 'Stopped' },
];

/** Search, quick filters and threshold sliders; every control writes to the URL. */
export function FilterBar(props: FilterBarProps) {
  const [text, setText] = createSignal(props.view.q);
  // Phones fold the quick filters and sliders away; wider screens always show them.
  const [isOpen, setOpen] = createSignal(false);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let input: HTMLInputElement | undefined;

  // Back/forward or a node card can change the query under the box.
  createEffect(
    on(
      () => props.view.q,
      (q) => q !== text() && setText(q),
      { defer: true },
    ),
  );

  const type = (value: string) => {
    setText(value);
    clearTimeout(timer);
    timer = setTimeout(() => props.onChange({ q: value }), SEARCH_DELAY_MS);
  };
  onCleanup(() => clearTimeout(timer));

  // `/` anywhere outside a field jumps to the search box, as in most consoles.
  const onGlobalKey = (event: KeyboardEvent) => {
    const target = event.target as HTMLElement;
    if (event.key !== '/' || target.closest('input, textarea, select, [contenteditable]')) return;
    event.preventDefault();
    input?.focus();
  };
  document.addEventListener('keydown', onGlobalKey);
  onCleanup(() => document.removeEventListener('keydown', onGlobalKey));

  return (
    <section aria-label="Filters" class="space-y-3">
      <div class="flex flex-wrap items-start gap-2">
        <div class="relative min-w-0 flex-1 basis-72">
          <label for={SEARCH_ID} class="sr-only">
            Search guests
          </label>
          <input
            ref={input}
            id={SEARCH_ID}
            type="search"
            autocomplete="off"
            spellcheck={false}
            value={text()}
            onInput={(event) => type(event.currentTarget.value)}
            onKeyDown={(event) => {
              if (event.key === 'Escape' && text()) {
                event.preventDefault();
                type('');
              }
            }}
            placeholder="Search: name, node:pve1, tags:web, cpu>80 …  ( / )"
            aria-describedby="guest-search-problems"
            class="h-9 w-full rounded-md border border-gray-300 bg-white px-3 text-sm tabular-nums outline-none placeholder:text-gray-500 focus:border-sky-600 focus:ring-2 focus:ring-sky-600/30 dark:border-slate-700 dark:bg-slate-900 dark:placeholder:text-slate-400 dark:focus:border-sky-400"
          />
        </div>
        <SearchHelp />
        <button
          type="button"
          aria-expanded={isOpen()}
          aria-controls="guest-quick-filters"
          onClick={() => setOpen(!isOpen())}
          class="h-9 rounded-md px-3 text-sm font-medium text-sky-800 outline-none hover:bg-sky-50 focus-visible:ring-2 focus-visible:ring-sky-600 sm:hidden dark:text-sky-300 dark:hover:bg-slate-800"
        >
          {isOpen() ? 'Hide filters' : 'More filters'}
        </button>
        <Show when={props.isFiltered}>
          <button
            type="button"
            onClick={() => {
              setText('');
              props.onReset();
            }}
            class="h-9 rounded-md px-3 text-sm font-medium text-sky-800 outline-none hover:bg-sky-50 focus-visible:ring-2 focus-visible:ring-sky-600 dark:text-sky-300 dark:hover:bg-slate-800"
          >
            Reset filters
          </button>
        </Show>
      </div>
      <p
        id="guest-search-problems"
        role="status"
        class="text-sm text-amber-900 dark:text-amber-200"
      >
        <For each={props.problems}>
          {(problem) => (
            <span class="mr-3 inline-block">
              <code>{problem.token}</code> ignored: {problem.message}
            </span>
          )}
        </For>
      </p>
      <div
        id="guest-quick-filters"
        class="flex-wrap items-center gap-x-4 gap-y-2 sm:flex"
        classList={{ flex: isOpen(), hidden: !isOpen() }}
      >
        <Segmented
          label="Type"
          options={TYPES}
          value={props.view.type}
          onChange={(value) => props.onChange({ type: value })}
        />
        <Segmented
          label="Status"
          options={STATUSES}
          value={props.view.status}
          onChange={(value) => props.onChange({ status: value })}
        />
        <label class={`flex items-center gap-2 text-sm ${MUTED}`}>
          Node
          <select
            value={props.view.node}
            onChange={(event) => props.onChange({ node: event.currentTarget.value })}
            class="h-8 rounded-md border border-gray-300 bg-white px-2 text-sm text-gray-900 outline-none focus-visible:ring-2 focus-visible:ring-sky-600 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
          >
            <option value="">All nodes</option>
            <For each={props.nodeNames}>{(name) => <option value={name}>{name}</option>}</For>
          </select>
        </label>
        <div class="flex flex-wrap items-center gap-x-4 gap-y-2">
          <ThresholdSlider
            label="CPU"
            value={props.view.minCpu}
            onChange={(value) => props.onChange({ minCpu: value })}
          />
          <ThresholdSlider
            label="Mem"
            value={props.view.minMemory}
            onChange={(value) => props.onChange({ minMemory: value })}
          />
          <ThresholdSlider
            label="Disk"
            value={props.view.minDisk}
            onChange={(value) => props.onChange({ minDisk: value })}
          />
        </div>
      </div>
    </section>
  );
}
