import { For, Show } from 'solid-js';
import { FOCUS_RING, INPUT, MUTED } from '../../components/styles.ts';
import {
  type BackupFilters,
  hasFilters,
  type KindFilter,
  type VerifiedFilter,
} from '../../lib/backups-filters.ts';

export interface BackupFiltersBarProps {
  filters: BackupFilters;
  /** Nodes and Backup Servers to offer. */
  nodes: readonly string[];
  /** Shown entries and all entries, for "12 of 285". */
  shown: number;
  total: number;
  onChange(change: Partial<BackupFilters>): void;
  onReset(): void;
}

const KINDS: { value: KindFilter; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'pbs', label: 'PBS' },
  { value: 'pve', label: 'PVE' },
  { value: 'snapshot', label: 'Snapshots' },
];

const VERIFIED: { value: VerifiedFilter; label: string }[] = [
  { value: 'any', label: 'Any' },
  { value: 'verified', label: 'Verified' },
  { value: 'unverified', label: 'Not verified' },
  { value: 'failed', label: 'Verify failed' },
];

const LABEL = `flex flex-col gap-0.5 text-xs ${MUTED}`;

/** The backup kind filter: one pressed button out of all, PBS, PVE and snapshots. */
function KindToggle(props: { kind: KindFilter; onChange(kind: KindFilter): void }) {
  return (
    <fieldset>
      <legend class={`mb-0.5 text-xs ${MUTED}`}>Type</legend>
      <div class="inline-flex rounded-md border border-gray-300 p-0.5 dark:border-slate-700">
        <For each={KINDS}>
          {(kind) => (
            <button
              type="button"
              aria-pressed={props.kind === kind.value}
              onClick={() => props.onChange(kind.value)}
              class={`rounded px-2.5 py-0.5 text-sm ${FOCUS_RING}`}
              classList={{
                'bg-sky-700 text-white': props.kind === kind.value,
                'text-gray-700 hover:bg-gray-100 dark:text-slate-300 dark:hover:bg-slate-800':
                  props.kind !== kind.value,
              }}
            >
              {kind.label}
            </button>
          )}
        </For>
      </div>
    </fieldset>
  );
}

/** How many entries the filters let through, and a way to clear them when any is set. */
function FilterSummary(props: {
  hasFilters: boolean;
  shown: number;
  total: number;
  onReset(): void;
}) {
  return (
    <div class="flex items-center gap-3 pb-1.5">
      <Show when={props.hasFilters}>
        <button
          type="button"
          onClick={() => props.onReset()}
          class={`rounded text-sm font-medium text-sky-800 underline decoration-sky-800/40
            underline-offset-2 hover:decoration-sky-800 dark:text-sky-300
            dark:decoration-sky-300/40 ${FOCUS_RING}`}
        >
          Clear filters
        </button>
      </Show>
      <span class={`text-sm tabular-nums ${MUTED}`} aria-live="polite" data-testid="backups-shown">
        {props.shown === props.total ? `${props.total} shown` : `${props.shown} of ${props.total}`}
      </span>
    </div>
  );
}

/** Type, node, guest, dates and verification: every filter of the list, kept in the URL. */
export function BackupFiltersBar(props: BackupFiltersBarProps) {
  return (
    <search aria-label="Filter backups" class="flex flex-wrap items-end gap-x-3 gap-y-2">
      <KindToggle kind={props.filters.kind} onChange={(kind) => props.onChange({ kind })} />
      <label class={LABEL}>
        Node
        <select
          value={props.filters.node}
          onChange={(event) => props.onChange({ node: event.currentTarget.value })}
          class={`${INPUT} w-36`}
        >
          <option value="">All nodes</option>
          <For each={props.nodes}>{(node) => <option value={node}>{node}</option>}</For>
        </select>
      </label>
      <label class={LABEL}>
        Guest
        <input
          type="search"
          value={props.filters.guest}
          placeholder="Name or VMID"
          onInput={(event) => props.onChange({ guest: event.currentTarget.value })}
          class={`${INPUT} w-36`}
        />
      </label>
      <label class={LABEL}>
        From
        <input
          type="date"
          value={props.filters.from}
          max={props.filters.to || undefined}
          onChange={(event) => props.onChange({ from: event.currentTarget.value })}
          class={`${INPUT} w-36`}
        />
      </label>
      <label class={LABEL}>
        To
        <input
          type="date"
          value={props.filters.to}
          min={props.filters.from || undefined}
          onChange={(event) => props.onChange({ to: event.currentTarget.value })}
          class={`${INPUT} w-36`}
        />
      </label>
      <label class={LABEL}>
        Verification (PBS)
        <select
          value={props.filters.verified}
          onChange={(event) =>
            props.onChange({ verified: event.currentTarget.value as VerifiedFilter })
          }
          class={`${INPUT} w-36`}
        >
          <For each={VERIFIED}>
            {(option) => <option value={option.value}>{option.label}</option>}
          </For>
        </select>
      </label>
      <FilterSummary
        hasFilters={hasFilters(props.filters)}
        shown={props.shown}
        total={props.total}
        onReset={() => props.onReset()}
      />
    </search>
  );
}
