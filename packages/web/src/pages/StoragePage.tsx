import { useSearchParams } from '@solidjs/router';
import { createMemo, Match, Switch } from 'solid-js';
import { AddNodeHint } from '../components/AddNodeHint.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { StorageIcon } from '../components/Icons.tsx';
import { MUTED, PANEL } from '../components/styles.ts';
import { createMediaQuery, createNow, NARROW_QUERY } from '../lib/browser-signals.ts';
import { type FillForecast, forecastFill } from '../lib/fill-forecast.ts';
import { liveState } from '../stores/live-state.ts';
import { StorageCards } from './storage/StorageCards.tsx';
import { StorageSkeleton } from './storage/StorageSkeleton.tsx';
import { StorageSummary } from './storage/StorageSummary.tsx';
import { StorageTable } from './storage/StorageTable.tsx';
import { StorageToolbar } from './storage/StorageToolbar.tsx';
import { createStorageHistory, type StorageHistory } from './storage/storage-history.ts';
import { filterRows, type GroupMode, groupRows, storageRows } from './storage/storage-rows.ts';

/** Every PVE storage and PBS datastore: usage, trend and when it will be full. */
export function StoragePage() {
  const [params, setParams] = useSearchParams<{ group?: string; q?: string }>();
  const mode = (): GroupMode => (params.group === 'storage' ? 'storage' : 'node');
  const search = () => params.q ?? '';
  const isNarrow = createMediaQuery(NARROW_QUERY);
  const now = createNow(60_000);
  const { history } = createStorageHistory();

  const rows = createMemo(() => storageRows(liveState.storage(), liveState.pbs()));
  const groups = createMemo(() =>
    groupRows(filterRows(rows(), search()), mode(), {
      nodes: liveState.nodes(),
      pbs: liveState.pbs(),
      clusters: liveState.clusters(),
    }),
  );
  const forecasts = createMemo(() => forecastsOf(rows(), history()));
  const view = () => ({
    groups: groups(),
    mode: mode(),
    history: history(),
    forecasts: forecasts(),
    alerts: liveState.alertsByResource(),
    now: now(),
  });

  return (
    <section aria-labelledby="storage-title" class="space-y-3">
      <h1 id="storage-title" class="text-lg font-semibold">
        Storage
      </h1>
      <Switch>
        <Match when={liveState.hasNoEndpoints()}>
          <NoStorageYet />
        </Match>
        <Match when={liveState.isLoading() || liveState.isAwaitingFirstPoll()}>
          <StorageSkeleton />
        </Match>
        <Match when={rows().length === 0}>
          <p class={`${PANEL} px-4 py-6 text-center text-sm ${MUTED}`}>
            The configured nodes report no storage. Check that storage monitoring is enabled for
            them in Settings → Nodes.
          </p>
        </Match>
        <Match when={true}>
          <StorageSummary rows={rows()} forecasts={forecasts()} now={now()} />
          <StorageToolbar
            mode={mode()}
            search={search()}
            onMode={(next) => setParams({ group: next === 'node' ? undefined : next })}
            onSearch={(text) => setParams({ q: text || undefined }, { replace: true })}
          />
          <Switch>
            <Match when={groups().length === 0}>
              <p class={`${PANEL} px-4 py-6 text-center text-sm ${MUTED}`}>
                No storage matches “{search()}”.
              </p>
            </Match>
            <Match when={isNarrow()}>
              <StorageCards {...view()} />
            </Match>
            <Match when={true}>
              <StorageTable {...view()} />
            </Match>
          </Switch>
        </Match>
      </Switch>
    </section>
  );
}

/** The fill forecast of each row, from its usage history (empty until that has loaded). */
function forecastsOf(
  rows: readonly { id: string }[],
  samples: StorageHistory | undefined,
): Map<string, FillForecast> {
  const byId = new Map<string, FillForecast>();
  for (const row of rows) byId.set(row.id, forecastFill(samples?.get(row.id) ?? []));
  return byId;
}

function NoStorageYet() {
  return (
    <EmptyState icon={StorageIcon} title="No storage to show yet">
      <p>
        Every storage of your Proxmox VE nodes and every Backup Server datastore will be listed
        here.
      </p>
      <AddNodeHint />
    </EmptyState>
  );
}
