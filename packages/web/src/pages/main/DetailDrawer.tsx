import {
  CHART_RANGE_SECONDS,
  type ChartRange,
  type ChartsResponse,
  type Guest,
  type Node,
} from '@pulse/contract';
import {
  createResource,
  createSignal,
  For,
  type JSX,
  Match,
  onCleanup,
  onMount,
  Show,
  Switch,
} from 'solid-js';
import { apiGet } from '../../api/client.ts';
import { MUTED } from '../../components/styles.ts';
import { type ChartSeries, HistoryChart } from './HistoryChart.tsx';
import { Segmented } from './Segmented.tsx';

/** What the drawer shows: a guest or a PVE node, looked up in the live state. */
export type DetailTarget = { kind: 'guest'; guest: Guest } | { kind: 'node'; node: Node };

const RANGES: { value: ChartRange; label: string }[] = [
  { value: '1h', label: '1 hour' },
  { value: '24h', label: '24 hours' },
  { value: '7d', label: '7 days' },
  { value: '30d', label: '30 days' },
];

const COLORS = {
  cpu: { light: '#0369a1', dark: '#38bdf8' },
  memory: { light: '#7c3aed', dark: '#a78bfa' },
  disk: { light: '#b45309', dark: '#fbbf24' },
  read: { light: '#047857', dark: '#34d399' },
  write: { light: '#be123c', dark: '#fb7185' },
};

export interface DetailDrawerProps {
  target: DetailTarget;
  onClose(): void;
}

/**
 * History of one guest or node over 1 hour to 30 days, from `/api/charts?id=` (one
 * resource, so a 30-day read stays cheap). A modal panel: Escape or the backdrop closes it
 * and focus returns to where it was.
 */
export function DetailDrawer(props: DetailDrawerProps) {
  const [range, setRange] = createSignal<ChartRange>('1h');
  const id = () => (props.target.kind === 'guest' ? props.target.guest.id : props.target.node.id);
  const [charts] = createResource(
    () => ({ id: id(), range: range() }),
    (key) =>
      apiGet<ChartsResponse>(`/api/charts?range=${key.range}&id=${encodeURIComponent(key.id)}`),
  );
  let closeButton: HTMLButtonElement | undefined;
  let dialog: HTMLElement | undefined;
  const opener = document.activeElement as HTMLElement | null;

  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape') props.onClose();
    if (event.key === 'Tab' && dialog) keepFocusInside(dialog, event);
  };
  onMount(() => {
    closeButton?.focus();
    document.addEventListener('keydown', onKey);
  });
  onCleanup(() => {
    document.removeEventListener('keydown', onKey);
    opener?.focus();
  });

  return (
    <div class="fixed inset-0 z-40 flex justify-end">
      <button
        type="button"
        tabIndex={-1}
        aria-label="Close history"
        class="absolute inset-0 bg-slate-950/40"
        onClick={() => props.onClose()}
      />
      <section
        ref={dialog}
        role="dialog"
        aria-modal="true"
        aria-labelledby="detail-title"
        class="relative flex h-full w-full max-w-2xl flex-col overflow-y-auto bg-white shadow-xl
          dark:bg-slate-900"
      >
        <DrawerHeader
          target={props.target}
          onClose={props.onClose}
          ref={(element) => {
            closeButton = element;
          }}
        />
        <div class="space-y-5 p-4">
          <Segmented label="Range" options={RANGES} value={range()} onChange={setRange} />
          <Switch>
            <Match when={charts.error}>
              <p class="text-sm text-red-700 dark:text-red-400">
                No history available: {String(charts.error?.message ?? charts.error)}
              </p>
            </Match>
            <Match when={charts.latest}>
              {(response) => <Charts target={props.target} response={response()} />}
            </Match>
            <Match when={charts.loading}>
              <p class={`text-sm ${MUTED}`} role="status">
                Loading history…
              </p>
            </Match>
          </Switch>
        </div>
      </section>
    </div>
  );
}

const FOCUSABLE = 'button:not([disabled]), [href], input, select, [tabindex]:not([tabindex="-1"])';

/** Tab and Shift+Tab wrap around inside the dialog, as a modal's focus must. */
function keepFocusInside(dialog: HTMLElement, event: KeyboardEvent): void {
  const focusable = [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)];
  const first = focusable[0];
  const last = focusable[focusable.length - 1];
  if (!first || !last) return;
  const active = document.activeElement;
  if (event.shiftKey && (active === first || !dialog.contains(active))) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && (active === last || !dialog.contains(active))) {
    event.preventDefault();
    first.focus();
  }
}

function DrawerHeader(props: {
  target: DetailTarget;
  onClose(): void;
  ref(element: HTMLButtonElement): void;
}) {
  return (
    <header class="flex items-start gap-3 border-b border-gray-200 p-4 dark:border-slate-800">
      <div class="min-w-0 flex-1">
        <h2 id="detail-title" class="truncate text-lg font-semibold">
          {title(props.target)}
        </h2>
        <p class={`text-sm ${MUTED}`}>{subtitle(props.target)}</p>
      </div>
      <button
        ref={props.ref}
        type="button"
        onClick={() => props.onClose()}
        class="rounded-md px-3 py-1.5 text-sm font-medium text-sky-800 outline-none
          hover:bg-sky-50 focus-visible:ring-2 focus-visible:ring-sky-600 dark:text-sky-300
          dark:hover:bg-slate-800"
      >
        Close
      </button>
    </header>
  );
}

function title(target: DetailTarget): string {
  return target.kind === 'guest' ? target.guest.name : `Node ${target.node.name}`;
}

function subtitle(target: DetailTarget): string {
  if (target.kind === 'node') return `${target.node.instance} · ${target.node.status}`;
  const { guest } = target;
  const type = guest.type === 'qemu' ? 'VM' : 'Container';
  return `${type} ${guest.vmid} on ${guest.node} · ${guest.status}`;
}

function Charts(props: { target: DetailTarget; response: ChartsResponse }): JSX.Element {
  const groups = () => chartGroups(props.target, props.response);
  const span = () => {
    const to = props.response.timestamp / 1000;
    return { from: to - CHART_RANGE_SECONDS[props.response.stats.range], to };
  };
  return (
    <Show
      when={groups().length > 0}
      fallback={<p class={`text-sm ${MUTED}`}>No history recorded yet.</p>}
    >
      <For each={groups()}>
        {(group) => (
          <HistoryChart title={group.title} unit={group.unit} series={group.series} span={span()} />
        )}
      </For>
    </Show>
  );
}

interface ChartGroup {
  title: string;
  unit: 'percent' | 'rate';
  series: ChartSeries[];
}

function chartGroups(target: DetailTarget, response: ChartsResponse): ChartGroup[] {
  if (target.kind === 'node') {
    const node = response.nodeData[target.node.id];
    if (!node) return [];
    return [usageGroup(node.cpu, node.memory, node.disk)];
  }
  const guest = response.data[target.guest.id];
  if (!guest) return [];
  return [
    usageGroup(guest.cpu, guest.memory, guest.disk),
    {
      title: 'Disk I/O',
      unit: 'rate',
      series: [
        { label: 'Read', color: COLORS.read, points: guest.diskread },
        { label: 'Write', color: COLORS.write, points: guest.diskwrite },
      ],
    },
    {
      title: 'Network',
      unit: 'rate',
      series: [
        { label: 'In', color: COLORS.cpu, points: guest.netin },
        { label: 'Out', color: COLORS.memory, points: guest.netout },
      ],
    },
  ];
}

function usageGroup(
  cpu: ChartSeries['points'],
  memory: ChartSeries['points'],
  disk: ChartSeries['points'],
): ChartGroup {
  return {
    title: 'Usage',
    unit: 'percent',
    series: [
      { label: 'CPU', color: COLORS.cpu, points: cpu },
      { label: 'Memory', color: COLORS.memory, points: memory },
      { label: 'Disk', color: COLORS.disk, points: disk },
    ],
  };
}
