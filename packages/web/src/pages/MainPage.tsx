import { createMemo, createSignal, Match, onCleanup, Show, Switch } from 'solid-js';
import { AddNodeHint } from '../components/AddNodeHint.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { DashboardIcon } from '../components/Icons.tsx';
import { formatCount } from '../lib/format.ts';
import {
  groupByNode,
  isFiltered,
  isRunning,
  matchesQuickFilters,
  sortGuests,
} from '../lib/guest-view.ts';
import { compileSearchQuery, parseSearchQuery } from '../lib/search-query.ts';
import { liveState } from '../stores/live-state.ts';
import { DetailDrawer, type DetailTarget } from './main/DetailDrawer.tsx';
import { FilterBar } from './main/FilterBar.tsx';
import { GuestCards } from './main/GuestCards.tsx';
import { GuestTable } from './main/GuestTable.tsx';
import type { GuestListProps } from './main/guest-list-props.ts';
import { MUTED } from './main/level-styles.ts';
import { createMediaQuery, PHONE_QUERY } from './main/media-query.ts';
import { NodeSummary } from './main/NodeSummary.tsx';
import { MainSkeleton } from './main/Skeletons.tsx';
import { StaleNotice } from './main/StaleNotice.tsx';
import { useGuestView } from './main/use-guest-view.ts';
import { createSparklines, SPARKLINE_GUEST_LIMIT } from './main/use-sparklines.ts';

/** Ages (backups) only need minute precision; a slow clock keeps rows from re-rendering. */
const CLOCK_MS = 30_000;

/** Nodes and backup servers at a glance, then every guest grouped by node. */
export function MainPage() {
  return (
    <Switch fallback={<MainView />}>
      <Match when={liveState.isLoading()}>
        <MainSkeleton message="Connecting to Pulse…" />
      </Match>
      <Match when={liveState.hasNoEndpoints()}>
        <EmptyState icon={DashboardIcon} title="Your Proxmox overview">
          <p>
            Every node, VM and container will appear here with live CPU, memory, disk and network
            use, grouped by node.
          </p>
          <AddNodeHint />
        </EmptyState>
      </Match>
      <Match when={liveState.isAwaitingFirstPoll()}>
        <MainSkeleton message="Waiting for the first poll of your nodes…" />
      </Match>
    </Switch>
  );
}

function MainView() {
  const state = useGuestView();
  const isPhone = createMediaQuery(PHONE_QUERY);
  const [now, setNow] = createSignal(Date.now());
  const clock = setInterval(() => setNow(Date.now()), CLOCK_MS);
  onCleanup(() => clearInterval(clock));

  const parsed = createMemo(() => parseSearchQuery(state.view().q));
  const shown = createMemo(() => {
    const view = state.view();
    const matches = compileSearchQuery(parsed().query, now());
    return liveState.guests().filter((guest) => matchesQuickFilters(guest, view) && matches(guest));
  });
  const items = createMemo(() => {
    const view = state.view();
    return groupByNode(sortGuests(shown(), view.sort, view.dir, now()));
  });
  const runningCount = createMemo(() => shown().filter(isRunning).length);
  const nodeNames = createMemo(() =>
    [...new Set(liveState.nodes().map((node) => node.name))].sort(),
  );

  const guestCount = () => liveState.guests().length;
  const sparklines = createSparklines(
    () => guestCount() > 0 && guestCount() <= SPARKLINE_GUEST_LIMIT,
  );

  const detailTarget = createMemo((): DetailTarget | undefined => {
    const id = state.detail();
    if (!id) return undefined;
    const guest = liveState.guests().find((candidate) => candidate.id === id);
    if (guest) return { kind: 'guest', guest };
    const node = liveState.nodes().find((candidate) => candidate.id === id);
    return node ? { kind: 'node', node } : undefined;
  });

  // Getters keep every prop reactive through the spread below.
  const listProps: GuestListProps = {
    get items() {
      return items();
    },
    get view() {
      return state.view();
    },
    get alertsByResource() {
      return liveState.alertsByResource();
    },
    get sparklines() {
      return sparklines();
    },
    get now() {
      return now();
    },
    onSort: (key) => state.sortBy(key),
    onOpen: (guest) => state.openDetail(guest.id),
  };

  return (
    <div class="space-y-5">
      <StaleNotice />
      <NodeSummary
        nodes={liveState.nodes()}
        pbs={liveState.pbs()}
        alertsByResource={liveState.alertsByResource()}
        selectedNode={state.view().node}
        isPhone={isPhone()}
        onToggleNode={(name) => state.update({ node: state.view().node === name ? '' : name })}
        onOpenNode={(node) => state.openDetail(node.id)}
      />
      <section aria-labelledby="guests-heading" class="space-y-3">
        <div class="flex flex-wrap items-baseline gap-x-3">
          <h1 id="guests-heading" class="text-base font-semibold">
            Guests
          </h1>
          <p data-testid="guest-count" class={`text-sm tabular-nums ${MUTED}`}>
            {countLine(shown().length, guestCount(), runningCount())}
          </p>
          <Show when={guestCount() > SPARKLINE_GUEST_LIMIT}>
            <p class={`text-xs ${MUTED}`}>
              1h trends are off above {formatCount(SPARKLINE_GUEST_LIMIT)} guests; open a guest for
              its charts.
            </p>
          </Show>
        </div>
        <FilterBar
          view={state.view()}
          nodeNames={nodeNames()}
          problems={parsed().problems}
          isFiltered={isFiltered(state.view())}
          onChange={state.update}
          onReset={state.reset}
        />
        <Show
          when={shown().length > 0}
          fallback={<NoMatch hasGuests={guestCount() > 0} onReset={state.reset} />}
        >
          <Show when={isPhone()} fallback={<GuestTable {...listProps} />}>
            <GuestCards {...listProps} />
          </Show>
        </Show>
      </section>
      <Show when={detailTarget()}>
        {(target) => <DetailDrawer target={target()} onClose={state.closeDetail} />}
      </Show>
    </div>
  );
}

function countLine(shown: number, total: number, running: number): string {
  const of =
    shown === total ? `${formatCount(total)}` : `${formatCount(shown)} of ${formatCount(total)}`;
  return `${of} shown · ${formatCount(running)} running · ${formatCount(shown - running)} stopped`;
}

function NoMatch(props: { hasGuests: boolean; onReset(): void }) {
  return (
    <div class="rounded-lg border border-dashed border-gray-300 bg-white px-4 py-8 text-center text-sm dark:border-slate-700 dark:bg-slate-900">
      <Show
        when={props.hasGuests}
        fallback={<p class={MUTED}>The nodes report no VMs or containers.</p>}
      >
        <p class="font-medium">No guest matches these filters.</p>
        <button
          type="button"
          onClick={() => props.onReset()}
          class="mt-3 rounded-md px-3 py-1.5 font-medium text-sky-800 outline-none hover:bg-sky-50 focus-visible:ring-2 focus-visible:ring-sky-600 dark:text-sky-300 dark:hover:bg-slate-800"
        >
          Reset filters
        </button>
      </Show>
    </div>
  );
}
