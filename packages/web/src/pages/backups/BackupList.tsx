import { createMemo, createSignal, For, Show } from 'solid-js';
import { FOCUS_RING, MUTED, PANEL } from '../../components/styles.ts';
import { type BackupDay, groupByDay, timeOfDay } from '../../lib/backups-days.ts';
import type { BackupEntry } from '../../lib/backups-entries.ts';
import { formatBytes, formatCount } from '../../lib/format.ts';
import { BackupCard } from './BackupCard.tsx';
import { entryDetails, guestTypeLabel } from './entry-text.ts';
import { KindBadge } from './KindBadge.tsx';
import { Verification } from './Verification.tsx';

/** Rows rendered at first and added per "show more"; a PBS can hold tens of thousands. */
const PAGE_SIZE = 200;

export interface BackupListProps {
  entries: readonly BackupEntry[];
  now: number;
  isNarrow: boolean;
}

/** The filtered backups, newest first, under a heading per local day. */
export function BackupList(props: BackupListProps) {
  const [limit, setLimit] = createSignal(PAGE_SIZE);
  const days = createMemo(() => groupByDay(props.entries.slice(0, limit()), props.now));
  const hidden = () => Math.max(0, props.entries.length - limit());

  return (
    <div class="space-y-3">
      <Show
        when={props.isNarrow}
        fallback={
          <div class={`${PANEL} overflow-x-auto`}>
            <table
              class="w-full min-w-[960px] table-fixed border-collapse text-sm"
              aria-label="Backups"
            >
              <BackupTableHead />
              <For each={days()}>{(day) => <DayRows day={day} />}</For>
            </table>
          </div>
        }
      >
        <For each={days()}>
          {(day) => (
            <section aria-label={day.label} data-testid="backup-day" data-day={day.day}>
              <DayHeading day={day} />
              <ul class="space-y-2">
                <For each={day.entries}>{(entry) => <BackupCard entry={entry} />}</For>
              </ul>
            </section>
          )}
        </For>
      </Show>
      <Show when={hidden() > 0}>
        <button
          type="button"
          onClick={() => setLimit((current) => current + PAGE_SIZE)}
          class={`${PANEL} w-full py-2 text-sm font-medium text-sky-800 hover:bg-gray-50
            dark:text-sky-300 dark:hover:bg-slate-800 ${FOCUS_RING}`}
        >
          Show {Math.min(PAGE_SIZE, hidden())} more ({formatCount(hidden())} not shown)
        </button>
      </Show>
    </div>
  );
}

function DayHeading(props: { day: BackupDay }) {
  return (
    <h2 class="mb-1.5 flex items-baseline gap-2 px-1">
      <span class="font-semibold">{props.day.label}</span>
      <span class={`text-xs tabular-nums ${MUTED}`}>{summary(props.day)}</span>
    </h2>
  );
}

function summary(day: BackupDay): string {
  const count = `${day.entries.length} item${day.entries.length === 1 ? '' : 's'}`;
  return day.totalSize > 0 ? `${count} · ${formatBytes(day.totalSize)}` : count;
}

const HEAD = `px-3 py-2 text-left text-xs font-medium uppercase tracking-wide ${MUTED}`;

function BackupTableHead() {
  return (
    <>
      <colgroup>
        <col class="w-16" />
        <col class="w-[22%]" />
        <col class="w-24" />
        <col class="w-24" />
        <col class="w-[18%]" />
        <col class="w-24" />
        <col class="w-28" />
        <col />
      </colgroup>
      <thead class="border-b border-gray-200 dark:border-slate-800">
        <tr>
          <th scope="col" class={HEAD}>
            Time
          </th>
          <th scope="col" class={HEAD}>
            Guest
          </th>
          <th scope="col" class={HEAD}>
            Node
          </th>
          <th scope="col" class={HEAD}>
            Type
          </th>
          <th scope="col" class={HEAD}>
            Location
          </th>
          <th scope="col" class={`${HEAD} text-right`}>
            Size
          </th>
          <th scope="col" class={HEAD}>
            Verified
          </th>
          <th scope="col" class={HEAD}>
            Details
          </th>
        </tr>
      </thead>
    </>
  );
}

function DayRows(props: { day: BackupDay }) {
  return (
    <tbody data-testid="backup-day" data-day={props.day.day}>
      <tr class="border-t border-gray-200 bg-gray-50 dark:border-slate-800 dark:bg-slate-950/60">
        <th scope="rowgroup" colSpan={8} class="px-3 py-1.5 text-left font-normal">
          <span class="font-semibold">{props.day.label}</span>
          <span class={`ml-2 text-xs tabular-nums ${MUTED}`}>{summary(props.day)}</span>
        </th>
      </tr>
      <For each={props.day.entries}>{(entry) => <BackupRow entry={entry} />}</For>
    </tbody>
  );
}

function BackupRow(props: { entry: BackupEntry }) {
  const entry = () => props.entry;
  const details = () => entryDetails(entry());
  return (
    <tr
      data-testid="backup-row"
      data-kind={entry().kind}
      data-vmid={entry().vmid}
      class="border-t border-gray-100 dark:border-slate-800/70"
    >
      <td class="px-3 py-1.5 tabular-nums">{timeOfDay(entry().time)}</td>
      <td class="truncate px-3 py-1.5" title={entry().guestName}>
        <span class="font-medium">{entry().guestName || '–'}</span>
        <span class={`ml-1.5 text-xs tabular-nums ${MUTED}`}>{guestTypeLabel(entry())}</span>
      </td>
      <td class="truncate px-3 py-1.5">{entry().guestNode ?? '–'}</td>
      <td class="px-3 py-1.5">
        <KindBadge kind={entry().kind} />
      </td>
      <td class="truncate px-3 py-1.5" title={`${entry().source}: ${entry().location}`}>
        {entry().location}
      </td>
      <td class="px-3 py-1.5 text-right tabular-nums">
        {entry().size === undefined ? '–' : formatBytes(entry().size)}
      </td>
      <td class="px-3 py-1.5">
        <Verification state={entry().verification} />
      </td>
      <td class={`truncate px-3 py-1.5 text-xs ${MUTED}`} title={details()}>
        <Show when={entry().protected}>
          <span
            class="mr-1.5 rounded bg-sky-100 px-1 text-sky-900 dark:bg-sky-950
            dark:text-sky-200"
          >
            protected
          </span>
        </Show>
        {details()}
      </td>
    </tr>
  );
}
