import { useSearchParams } from '@solidjs/router';
import { type Accessor, createMemo, Match, Switch } from 'solid-js';
import { AddNodeHint } from '../components/AddNodeHint.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { BackupIcon } from '../components/Icons.tsx';
import { MUTED, PANEL } from '../components/styles.ts';
import { type BackupEntry, buildBackupEntries } from '../lib/backups-entries.ts';
import { failedBackupTasks } from '../lib/backups-failures.ts';
import {
  type BackupFilters,
  backupMatcher,
  filtersFromParams,
  NO_FILTERS,
  paramsFromFilters,
} from '../lib/backups-filters.ts';
import { type FrequencyRange, isFrequencyRange } from '../lib/backups-frequency.ts';
import { guestBackupStatuses } from '../lib/backups-guests.ts';
import { createMediaQuery, createNow, NARROW_QUERY } from '../lib/browser-signals.ts';
import { liveState } from '../stores/live-state.ts';
import { BackupFiltersBar } from './backups/BackupFiltersBar.tsx';
import { BackupList } from './backups/BackupList.tsx';
import { BackupsSkeleton } from './backups/BackupsSkeleton.tsx';
import { BackupsSummary } from './backups/BackupsSummary.tsx';
import { FailedTasks } from './backups/FailedTasks.tsx';
import { FrequencyChart } from './backups/FrequencyChart.tsx';
import { GuestCoverage } from './backups/GuestCoverage.tsx';

const DEFAULT_RANGE: FrequencyRange = '30d';

/** PBS backups, PVE backups and snapshots in one list, with what failed and who is uncovered. */
export function BackupsPage() {
  const [params, setParams] = useSearchParams();
  const filters = createMemo(() => filtersFromParams(params));
  const range = () => rangeOf(params.range);
  const isNarrow = createMediaQuery(NARROW_QUERY);
  const now = createNow();

  const { entries, undated, shown, statuses, failed, nodes } = createBackupsView(filters, now);

  // Typing a guest name replaces the history entry rather than adding one per keystroke.
  const change = (next: Partial<BackupFilters>) =>
    setParams(paramsFromFilters(next), { replace: Object.keys(next).join() === 'guest' });
  const showGuest = (vmid: string) => change({ ...NO_FILTERS, guest: vmid });

  return (
    <section aria-labelledby="backups-title" class="space-y-3">
      <h1 id="backups-title" class="text-lg font-semibold">
        Backups
      </h1>
      <Switch>
        <Match when={liveState.hasNoEndpoints()}>
          <NoBackupsYet />
        </Match>
        <Match when={liveState.isLoading() || liveState.isAwaitingFirstPoll()}>
          <BackupsSkeleton />
        </Match>
        <Match when={true}>
          <BackupsSummary
            entries={entries()}
            statuses={statuses()}
            failedCount={failed().length}
            now={now()}
          />
          <FailedTasks tasks={failed()} now={now()} onShowGuest={showGuest} />
          <div class="grid gap-3 lg:grid-cols-3">
            <div class="min-w-0 lg:col-span-2">
              <FrequencyChart
                entries={undated()}
                range={range()}
                from={filters().from}
                to={filters().to}
                now={now()}
                onRange={(next) => setParams({ range: next === DEFAULT_RANGE ? undefined : next })}
                onPick={(bucket) =>
                  change({ from: bucket?.firstDay ?? '', to: bucket?.lastDay ?? '' })
                }
              />
            </div>
            <GuestCoverage statuses={statuses()} now={now()} onShowGuest={showGuest} />
          </div>
          <BackupFiltersBar
            filters={filters()}
            nodes={nodes()}
            shown={shown().length}
            total={entries().length}
            onChange={change}
            onReset={() => change(NO_FILTERS)}
          />
          <BackupListOrNotice
            entries={shown()}
            hasAny={entries().length > 0}
            now={now()}
            isNarrow={isNarrow()}
          />
        </Match>
      </Switch>
    </section>
  );
}

/**
 * The page's derived data: all entries, those passing every filter but the dates (for the
 * frequency chart), those passing all, and the coverage, failures and node choices.
 */
function createBackupsView(filters: Accessor<BackupFilters>, now: Accessor<number>) {
  const entries = createMemo(() =>
    buildBackupEntries({
      guests: liveState.guests(),
      pbsBackups: liveState.pbsBackups(),
      pveBackups: liveState.pveBackups(),
    }),
  );
  const undated = createMemo(() =>
    entries().filter(backupMatcher(filters(), { ignoreDates: true })),
  );
  const shown = createMemo(() => undated().filter(backupMatcher(filters())));
  const statuses = createMemo(() => guestBackupStatuses(liveState.guests(), entries(), now()));
  const failed = createMemo(() =>
    failedBackupTasks(liveState.pveBackups().backupTasks, liveState.pbs(), liveState.guests()),
  );
  const nodes = createMemo(() => nodeChoices(entries()));
  return { entries, undated, shown, statuses, failed, nodes };
}

function rangeOf(value: string | string[] | undefined): FrequencyRange {
  return typeof value === 'string' && isFrequencyRange(value) ? value : DEFAULT_RANGE;
}

function NoBackupsYet() {
  return (
    <EmptyState icon={BackupIcon} title="No backups to show yet">
      <p>
        Snapshots, backups on Proxmox VE storage and backups in Backup Server datastores will be
        listed here.
      </p>
      <AddNodeHint />
    </EmptyState>
  );
}

interface BackupListOrNoticeProps {
  /** The entries the filters let through. */
  entries: readonly BackupEntry[];
  /** Whether there is any entry at all, before filtering. */
  hasAny: boolean;
  now: number;
  isNarrow: boolean;
}

/** The filtered list, or why it is empty: nothing monitored yet, or nothing matching. */
function BackupListOrNotice(props: BackupListOrNoticeProps) {
  return (
    <Switch>
      <Match when={!props.hasAny}>
        <p class={`${PANEL} px-4 py-6 text-center text-sm ${MUTED}`}>
          No backups or snapshots found. Check that backup monitoring is enabled for your nodes in
          Settings → Nodes.
        </p>
      </Match>
      <Match when={props.entries.length === 0}>
        <p class={`${PANEL} px-4 py-6 text-center text-sm ${MUTED}`}>
          No backups match these filters.
        </p>
      </Match>
      <Match when={true}>
        <BackupList entries={props.entries} now={props.now} isNarrow={props.isNarrow} />
      </Match>
    </Switch>
  );
}

/** PVE nodes of guests and the places backups are kept, for the node filter. */
function nodeChoices(entries: readonly { guestNode?: string; source: string }[]): string[] {
  const names = new Set<string>();
  for (const entry of entries) {
    if (entry.guestNode) names.add(entry.guestNode);
    names.add(entry.source);
  }
  return [...names].sort((a, b) => a.localeCompare(b));
}
