import { For, Show } from 'solid-js';
import { MUTED } from '../../components/styles.ts';
import type { GuestView, SortKey } from '../../lib/guest-view.ts';
import { COLUMNS, GRID_TEMPLATE } from './columns.ts';

export interface GuestTableHeaderProps {
  view: GuestView;
  onSort(key: SortKey): void;
}

/** Column headers; every sortable one is a button that reports its sort state. */
export function GuestTableHeader(props: GuestTableHeaderProps) {
  const ariaSort = (key: SortKey | undefined) => {
    if (!key || props.view.sort !== key) return undefined;
    return props.view.dir === 'asc' ? 'ascending' : 'descending';
  };

  return (
    <tr
      class={`grid h-9 items-center gap-x-1.5 border-b border-l-4 border-b-gray-200
        border-l-transparent px-2 text-xs font-semibold dark:border-b-slate-700 ${MUTED}`}
      style={{ 'grid-template-columns': GRID_TEMPLATE }}
    >
      <For each={COLUMNS}>
        {(column) => (
          <th
            scope="col"
            aria-sort={ariaSort(column.sort)}
            title={column.title}
            class={`font-semibold ${column.numeric ? 'text-right' : 'text-left'}`}
          >
            <Show
              when={column.sort}
              fallback={<span class="whitespace-nowrap">{column.label}</span>}
            >
              {(key) => (
                <button
                  type="button"
                  data-sort={key()}
                  onClick={() => props.onSort(key())}
                  class="inline-flex items-center gap-0.5 whitespace-nowrap rounded outline-none
                    hover:text-gray-900 focus-visible:ring-2 focus-visible:ring-sky-600
                    dark:hover:text-slate-100 dark:focus-visible:ring-sky-400"
                  classList={{ 'text-gray-900 dark:text-slate-100': props.view.sort === key() }}
                >
                  {column.label}
                  <SortArrow direction={props.view.sort === key() ? props.view.dir : undefined} />
                </button>
              )}
            </Show>
          </th>
        )}
      </For>
    </tr>
  );
}

function SortArrow(props: { direction: 'asc' | 'desc' | undefined }) {
  return (
    <svg viewBox="0 0 10 10" class="size-2.5" aria-hidden="true" fill="currentColor">
      <Show when={props.direction} fallback={<path d="M5 1 8 4H2Zm0 8L2 6h6Z" opacity="0.35" />}>
        <path d={props.direction === 'asc' ? 'M5 2 9 7H1Z' : 'M5 8 1 3h8Z'} />
      </Show>
    </svg>
  );
}
