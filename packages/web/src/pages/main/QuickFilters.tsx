import { For } from 'solid-js';
import { MUTED } from '../../components/styles.ts';
import type { GuestStatusFilter, GuestTypeFilter, GuestView } from '../../lib/guest-view.ts';
import { Segmented } from './Segmented.tsx';
import { ThresholdSlider } from './ThresholdSlider.tsx';

export interface QuickFiltersProps {
  view: GuestView;
  nodeNames: readonly string[];
  /** Phones fold the quick filters away until asked; wider screens always show them. */
  isOpen: boolean;
  onChange(change: Partial<GuestView>): void;
}

const TYPES: { value: GuestTypeFilter; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'vm', label: 'VMs' },
  { value: 'ct', label: 'Containers' },
];

const STATUSES: { value: GuestStatusFilter; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'running', label: 'Running' },
  { value: 'stopped', label: 'Stopped' },
];

/** Type, status and node filters and the usage threshold sliders of the guest list. */
export function QuickFilters(props: QuickFiltersProps) {
  return (
    <div
      id="guest-quick-filters"
      class="flex-wrap items-center gap-x-4 gap-y-2 sm:flex"
      classList={{ flex: props.isOpen, hidden: !props.isOpen }}
    >
      <Segmented
        label="Type"
        options={TYPES}
        value={props.view.type}
        onChange={(value) => props.onChange({ type: value })}
      />
      <Segmented
        label="Status"
        options={STATUSES}
        value={props.view.status}
        onChange={(value) => props.onChange({ status: value })}
      />
      <label class={`flex items-center gap-2 text-sm ${MUTED}`}>
        Node
        <select
          value={props.view.node}
          onChange={(event) => props.onChange({ node: event.currentTarget.value })}
          class="h-8 rounded-md border border-gray-300 bg-white px-2 text-sm text-gray-900
            outline-none focus-visible:ring-2 focus-visible:ring-sky-600 dark:border-slate-700
            dark:bg-slate-900 dark:text-slate-100"
        >
          <option value="">All nodes</option>
          <For each={props.nodeNames}>{(name) => <option value={name}>{name}</option>}</For>
        </select>
      </label>
      <div class="flex flex-wrap items-center gap-x-4 gap-y-2">
        <ThresholdSlider
          label="CPU"
          value={props.view.minCpu}
          onChange={(value) => props.onChange({ minCpu: value })}
        />
        <ThresholdSlider
          label="Mem"
          value={props.view.minMemory}
          onChange={(value) => props.onChange({ minMemory: value })}
        />
        <ThresholdSlider
          label="Disk"
          value={props.view.minDisk}
          onChange={(value) => props.onChange({ minDisk: value })}
        />
      </div>
    </div>
  );
}
