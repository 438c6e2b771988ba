import { createMemo, createSignal, For, Show } from 'solid-js';
import { FOCUS_RING, MUTED, PANEL } from '../../components/styles.ts';
import type { GuestBackupState, GuestBackupStatus } from '../../lib/backups-guests.ts';
import { formatAgo, formatDateTime } from '../../lib/format.ts';
import { KIND_LABEL } from './KindBadge.tsx';

export interface GuestCoverageProps {
  statuses: readonly GuestBackupStatus[];
  now: number;
  onShowGuest(vmid: string): void;
}

const STATE_BADGE: Record<GuestBackupState, { label: string; class: string }> = {
  never: { label: 'Never', class: 'bg-red-700 text-white dark:bg-red-600' },
  overdue: {
    label: 'Overdue',
    class: 'bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200',
  },
  ok: {
    label: 'OK',
    class: 'bg-emerald-50 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200',
  },
};

const HOUR_MS = 3_600_000;

/** Each guest's last backup; guests overdue or never backed up first, and highlighted. */
export function GuestCoverage(props: GuestCoverageProps) {
  const [showAll, setShowAll] = createSignal(false);
  const uncovered = createMemo(() => props.statuses.filter((status) => status.state !== 'ok'));
  const shown = () => (showAll() ? props.statuses : uncovered());

  return (
    <section aria-labelledby="coverage-title" class={`${PANEL} flex min-h-0 flex-col`}>
      <div
        class="flex items-baseline gap-2 border-b border-gray-200 px-3 py-2
        dark:border-slate-800"
      >
        <h2 id="coverage-title" class="text-sm font-semibold">
          Last backup per guest
        </h2>
        <button
          type="button"
          aria-pressed={showAll()}
          onClick={() => setShowAll(!showAll())}
          class={`ml-auto rounded text-xs font-medium text-sky-800 underline decoration-sky-800/40
            underline-offset-2 dark:text-sky-300 ${FOCUS_RING}`}
        >
          {showAll() ? 'Only problems' : `All ${props.statuses.length} guests`}
        </button>
      </div>
      <Show
        when={shown().length > 0}
        fallback={
          <p class="px-3 py-4 text-sm text-emerald-800 dark:text-emerald-300">
            All {props.statuses.length} guests were backed up on their usual schedule.
          </p>
        }
      >
        <ul
          class="max-h-72 divide-y divide-gray-100 overflow-y-auto dark:divide-slate-800"
          data-testid="guest-coverage"
        >
          <For each={shown()}>
            {(status) => <CoverageRow status={status} now={props.now} onShow={props.onShowGuest} />}
          </For>
        </ul>
      </Show>
    </section>
  );
}

function CoverageRow(props: {
  status: GuestBackupStatus;
  now: number;
  onShow(vmid: string): void;
}) {
  const badge = () => STATE_BADGE[props.status.state];
  const guest = () => props.status.guest;
  return (
    <li
      data-testid="guest-coverage-row"
      data-state={props.status.state}
      data-vmid={guest().vmid}
      class="flex items-center gap-2 px-3 py-1.5 text-sm"
      classList={{ 'bg-amber-50/60 dark:bg-amber-950/20': props.status.state === 'overdue' }}
    >
      <span
        class={`w-16 shrink-0 rounded px-1.5 py-px text-center text-xs font-medium
          ${badge().class}`}
      >
        {badge().label}
      </span>
      <button
        type="button"
        onClick={() => props.onShow(String(guest().vmid))}
        title="Show this guest's backups"
        class={`min-w-0 flex-1 truncate rounded text-left ${FOCUS_RING}`}
      >
        <span class="font-medium">{guest().name}</span>
        <span class={`ml-1.5 text-xs tabular-nums ${MUTED}`}>
          {guest().vmid} · {guest().node}
        </span>
      </button>
      <span
        class={`shrink-0 text-right text-xs tabular-nums ${MUTED}`}
        title={lastDetail(props.status)}
      >
        {props.status.lastTime === undefined
          ? 'no backup'
          : formatAgo(props.status.lastTime, props.now)}
      </span>
    </li>
  );
}

function lastDetail(status: GuestBackupStatus): string {
  if (status.lastTime === undefined) return 'No backup found on any storage or Backup Server';
  const where = status.lastKind
    ? ` on ${KIND_LABEL[status.lastKind]} ${status.lastLocation ?? ''}`.trimEnd()
    : '';
  const schedule =
    status.intervalMs === undefined
      ? ''
      : `; usually every ${Math.round(status.intervalMs / HOUR_MS)} h`;
  return `${formatDateTime(status.lastTime)}${where}${schedule}`;
}
