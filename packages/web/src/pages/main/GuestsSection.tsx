import { Show } from 'solid-js';
import { MUTED } from '../../components/styles.ts';
import { formatCount } from '../../lib/format.ts';
import { isFiltered } from '../../lib/guest-view.ts';
import { liveState } from '../../stores/live-state.ts';
import { FilterBar } from './FilterBar.tsx';
import { GuestCards } from './GuestCards.tsx';
import { GuestTable } from './GuestTable.tsx';
import type { GuestListProps } from './guest-list-props.ts';
import type { MainModel } from './main-model.ts';
import type { GuestViewState } from './use-guest-view.ts';

export interface GuestsSectionProps {
  model: MainModel;
  state: GuestViewState;
  isPhone: boolean;
}

/** The heading with counts, the filters, and the guest table (or cards on a phone). */
export function GuestsSection(props: GuestsSectionProps) {
  const { model, state } = props;
  const guestCount = () => liveState.guests().length;

  // Getters keep every prop reactive through the spreads below.
  const listProps: GuestListProps = {
    get items() {
      return model.items();
    },
    get view() {
      return state.view();
    },
    get alertsByResource() {
      return liveState.alertsByResource();
    },
    get sparklines() {
      return model.sparklines();
    },
    get now() {
      return model.now();
    },
    onSort: (key) => state.sortBy(key),
    onOpen: (guest) => state.openDetail(guest.id),
  };

  return (
    <section aria-labelledby="guests-heading" class="space-y-3">
      <div class="flex flex-wrap items-baseline gap-x-3">
        <h1 id="guests-heading" class="text-base font-semibold">
          Guests
        </h1>
        <p data-testid="guest-count" class={`text-sm tabular-nums ${MUTED}`}>
          {countLine(model.shown().length, guestCount(), model.runningCount())}
        </p>
      </div>
      <FilterBar
        view={state.view()}
        nodeNames={model.nodeNames()}
        problems={model.parsed().problems}
        isFiltered={isFiltered(state.view())}
        onChange={state.update}
        onReset={state.reset}
      />
      <Show
        when={model.shown().length > 0}
        fallback={<NoMatch hasGuests={guestCount() > 0} onReset={state.reset} />}
      >
        <Show when={props.isPhone} fallback={<GuestTable {...listProps} />}>
          <GuestCards {...listProps} />
        </Show>
      </Show>
    </section>
  );
}

function countLine(shown: number, total: number, running: number): string {
  const of =
    shown === total ? formatCount(total) : `${formatCount(shown)} of ${formatCount(total)}`;
  const stopped = formatCount(shown - running);
  return `${of} shown · ${formatCount(running)} running · ${stopped} stopped`;
}

function NoMatch(props: { hasGuests: boolean; onReset(): void }) {
  return (
    <div
      class="rounded-lg border border-dashed border-gray-300 bg-white px-4 py-8 text-center
      text-sm dark:border-slate-700 dark:bg-slate-900"
    >
      <Show
        when={props.hasGuests}
        fallback={<p class={MUTED}>The nodes report no VMs or containers.</p>}
      >
        <p class="font-medium">No guest matches these filters.</p>
        <button
          type="button"
          onClick={() => props.onReset()}
          class="mt-3 rounded-md px-3 py-1.5 font-medium text-sky-800 outline-none hover:bg-sky-50
            focus-visible:ring-2 focus-visible:ring-sky-600 dark:text-sky-300
            dark:hover:bg-slate-800"
        >
          Reset filters
        </button>
      </Show>
    </div>
  );
}
