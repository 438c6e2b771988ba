import { useSearchParams } from '@solidjs/router';
import { createMemo, Match, Switch } from 'solid-js';
import { AddNodeHint } from '../components/AddNodeHint.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { BackupIcon } from '../components/Icons.tsx';
import { MUTED, PANEL } from '../components/styles.ts';
import { buildBackupEntries } from '../lib/backups-entries.ts';
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
  const range = (): FrequencyRange => {
    const value = params.range;
    return typeof value === 'string' && isFrequencyRange(value) ? value : DEFAULT_RANGE;
  };
  const isNarrow = createMediaQuery(NARROW_QUERY);
  const now = createNow();

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
          <EmptyState icon={BackupIcon} title="No backups to show yet">
            <p>
              Snapshots, backups on Proxmox VE storage and backups in Backup Server datastores will
              be listed here.
            </p>
            <AddNodeHint />
          </EmptyState>
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
          <Switch>
            <Match when={entries().length === 0}>
              <p class={`${PANEL} px-4 py-6 text-center text-sm ${MUTED}`}>
                No backups or snapshots found. Check that backup monitoring is enabled for your
                nodes in Settings → Nodes.
              </p>
            </Match>
            <Match when={shown().length === 0}>
              <p class={`${PANEL} px-4 py-6 text-center text-sm ${MUTED}`}>
                No backups match these filters.
              </p>
            </Match>
            <Match when={true}>
              <BackupList entries={shown()} now={now()} isNarrow={isNarrow()} />
            </Match>
          </Switch>
        </Match>
      </Switch>
    </section>
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
