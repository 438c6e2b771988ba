import type { Guest } from '@pulse/contract';
import { type Accessor, createMemo, createSignal, onCleanup } from 'solid-js';
import {
  type GuestTableItem,
  groupByNode,
  isRunning,
  matchesQuickFilters,
  sortGuests,
} from '../../lib/guest-view.ts';
import { compileSearchQuery, type ParsedQuery, parseSearchQuery } from '../../lib/search-query.ts';
import { liveState } from '../../stores/live-state.ts';
import type { DetailTarget } from './DetailDrawer.tsx';
import type { GuestViewState } from './use-guest-view.ts';
import { createSparklines, type GuestSparklines } from './use-sparklines.ts';

/** Ages (backups) only need minute precision; a slow clock keeps rows from re-rendering. */
const CLOCK_MS = 30_000;

export interface MainModel {
  /** Epoch ms, ticking every 30 s. */
  now: Accessor<number>;
  parsed: Accessor<ParsedQuery>;
  /** Guests that pass the search and quick filters, in the server's order. */
  shown: Accessor<Guest[]>;
  /** `shown`, sorted and grouped under node headers. */
  items: Accessor<GuestTableItem[]>;
  runningCount: Accessor<number>;
  nodeNames: Accessor<string[]>;
  sparklines: Accessor<ReadonlyMap<string, GuestSparklines>>;
  detailTarget: Accessor<DetailTarget | undefined>;
}

/** Derives everything the Main page shows from the live state and the view in the URL. */
export function createMainModel(state: GuestViewState): MainModel {
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
  const guestCount = () => liveState.guests().length;

  return {
    now,
    parsed,
    shown,
    items,
    runningCount: createMemo(() => shown().filter(isRunning).length),
    nodeNames: createMemo(() => [...new Set(liveState.nodes().map((node) => node.name))].sort()),
    sparklines: createSparklines(() => guestCount() > 0),
    detailTarget: createMemo(() => findTarget(state.detail())),
  };
}

function findTarget(id: string | undefined): DetailTarget | undefined {
  if (!id) return undefined;
  const guest = liveState.guests().find((candidate) => candidate.id === id);
  if (guest) return { kind: 'guest', guest };
  const node = liveState.nodes().find((candidate) => candidate.id === id);
  return node ? { kind: 'node', node } : undefined;
}
