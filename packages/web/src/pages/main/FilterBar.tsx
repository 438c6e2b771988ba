import { createEffect, createSignal, For, on, onCleanup, Show } from 'solid-js';
import type { GuestView } from '../../lib/guest-view.ts';
import type { QueryProblem } from '../../lib/search-query.ts';
import { QuickFilters } from './QuickFilters.tsx';
import { SearchHelp } from './SearchHelp.tsx';

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

/** `/` anywhere outside a field jumps to the search box, as in most consoles. */
function focusOnSlash(input: () => HTMLInputElement | undefined): void {
  const onGlobalKey = (event: KeyboardEvent) => {
    const target = event.target as HTMLElement;
    if (event.key !== '/' || target.closest('input, textarea, select, [contenteditable]')) return;
    event.preventDefault();
    input()?.focus();
  };
  document.addEventListener('keydown', onGlobalKey);
  onCleanup(() => document.removeEventListener('keydown', onGlobalKey));
}

/** The search box: Escape clears it, `/` elsewhere on the page focuses it. */
function SearchInput(props: { value: string; onType(value: string): void }) {
  let input: HTMLInputElement | undefined;
  focusOnSlash(() => input);

  return (
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
        value={props.value}
        onInput={(event) => props.onType(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && props.value) {
            event.preventDefault();
            props.onType('');
          }
        }}
        placeholder="Search: name, node:pve1, tags:web, cpu>80 …  ( / )"
        aria-describedby="guest-search-problems"
        class="h-9 w-full rounded-md border border-gray-300 bg-white px-3 text-sm tabular-nums
          outline-none placeholder:text-gray-500 focus:border-sky-600 focus:ring-2
          focus:ring-sky-600/30 dark:border-slate-700 dark:bg-slate-900
          dark:placeholder:text-slate-400 dark:focus:border-sky-400"
      />
    </div>
  );
}

/** Query terms the search ignored, each with the reason; read out as they change. */
function SearchProblems(props: { problems: readonly QueryProblem[] }) {
  return (
    <p id="guest-search-problems" role="status" class="text-sm text-amber-900 dark:text-amber-200">
      <For each={props.problems}>
        {(problem) => (
          <span class="mr-3 inline-block">
            <code>{problem.token}</code> ignored: {problem.message}
          </span>
        )}
      </For>
    </p>
  );
}

/** Search, quick filters and threshold sliders; every control writes to the URL. */
export function FilterBar(props: FilterBarProps) {
  const [text, setText] = createSignal(props.view.q);
  // Phones fold the quick filters and sliders away; wider screens always show them.
  const [isOpen, setOpen] = createSignal(false);
  let timer: ReturnType<typeof setTimeout> | undefined;

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

  return (
    <section aria-label="Filters" class="space-y-3">
      <div class="flex flex-wrap items-start gap-2">
        <SearchInput value={text()} onType={type} />
        <SearchHelp />
        <button
          type="button"
          aria-expanded={isOpen()}
          aria-controls="guest-quick-filters"
          onClick={() => setOpen(!isOpen())}
          class="h-9 rounded-md px-3 text-sm font-medium text-sky-800 outline-none hover:bg-sky-50
            focus-visible:ring-2 focus-visible:ring-sky-600 sm:hidden dark:text-sky-300
            dark:hover:bg-slate-800"
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
            class="h-9 rounded-md px-3 text-sm font-medium text-sky-800 outline-none
              hover:bg-sky-50 focus-visible:ring-2 focus-visible:ring-sky-600 dark:text-sky-300
              dark:hover:bg-slate-800"
          >
            Reset filters
          </button>
        </Show>
      </div>
      <SearchProblems problems={props.problems} />
      <QuickFilters
        view={props.view}
        nodeNames={props.nodeNames}
        isOpen={isOpen()}
        onChange={props.onChange}
      />
    </section>
  );
}
