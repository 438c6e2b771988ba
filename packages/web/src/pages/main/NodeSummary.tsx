import type { AlertSummary, Node, PbsInstance } from '@pulse/contract';
import { createSignal, For, Show } from 'solid-js';
import { MUTED } from '../../components/styles.ts';
import { datastoreTotals, isNodeOnline, isPbsOnline } from '../../lib/node-facts.ts';
import { NodeCard } from './NodeCard.tsx';
import { NodeTile } from './NodeTile.tsx';
import { PbsCard } from './PbsCard.tsx';

/** Past this many nodes, full cards give way to tiles so the guests stay in reach. */
const CARD_LIMIT = 8;
/** Tiles beyond this many fold behind a "show all" button. */
const FOLD_AT = { phone: 4, wide: 24 };

export interface NodeSummaryProps {
  nodes: readonly Node[];
  pbs: readonly PbsInstance[];
  alertsByResource: ReadonlyMap<string, AlertSummary[]>;
  selectedNode: string;
  isPhone: boolean;
  onToggleNode(name: string): void;
  onOpenNode(node: Node): void;
}

/** A card per PVE node (in name order) and per backup server, above the guest list. */
export function NodeSummary(props: NodeSummaryProps) {
  const [showAll, setShowAll] = createSignal(false);
  const sorted = () => [...props.nodes].sort((a, b) => a.name.localeCompare(b.name));
  const isCompact = () => props.isPhone || props.nodes.length > CARD_LIMIT;
  const foldAt = () => (props.isPhone ? FOLD_AT.phone : isCompact() ? FOLD_AT.wide : CARD_LIMIT);
  const shown = () => (showAll() ? sorted() : sorted().slice(0, foldAt()));
  const folded = () => props.nodes.length - shown().length;
  const alertsOf = (id: string) => props.alertsByResource.get(id);

  return (
    <section aria-label="Nodes and backup servers">
      <div
        class="grid gap-3"
        classList={{
          'grid-cols-[repeat(auto-fill,minmax(17rem,1fr))]': !isCompact(),
          'grid-cols-[repeat(auto-fill,minmax(14rem,1fr))] gap-2': isCompact(),
        }}
      >
        <For each={shown()}>
          {(node) => (
            <Show
              when={isCompact()}
              fallback={
                <NodeCard
                  node={node}
                  alerts={alertsOf(node.id)}
                  isSelected={props.selectedNode === node.name}
                  onToggleFilter={() => props.onToggleNode(node.name)}
                  onOpenCharts={() => props.onOpenNode(node)}
                />
              }
            >
              <NodeTile
                name={node.name}
                kind="node"
                isOnline={isNodeOnline(node)}
                alerts={alertsOf(node.id)}
                isSelected={props.selectedNode === node.name}
                onToggleFilter={() => props.onToggleNode(node.name)}
                bars={[
                  { label: 'CPU', metric: 'cpu', percent: node.cpu * 100 },
                  { label: 'Mem', metric: 'memory', percent: node.memory.usage },
                  { label: 'Disk', metric: 'disk', percent: node.disk.usage },
                ]}
              />
            </Show>
          )}
        </For>
        <For each={props.pbs}>
          {(pbs) => <PbsEntry pbs={pbs} alerts={alertsOf(pbs.id)} isCompact={isCompact()} />}
        </For>
      </div>
      <Show when={folded() > 0 || showAll()}>
        <button
          type="button"
          aria-expanded={showAll()}
          onClick={() => setShowAll(!showAll())}
          class="mt-2 rounded-md px-2 py-1 text-sm font-medium text-sky-800 outline-none
            hover:bg-sky-50 focus-visible:ring-2 focus-visible:ring-sky-600 dark:text-sky-300
            dark:hover:bg-slate-800"
        >
          {showAll() ? 'Show fewer nodes' : `Show all ${props.nodes.length} nodes`}
          <Show when={!showAll()}>
            <span class={`ml-1 ${MUTED}`}>({folded()} more)</span>
          </Show>
        </button>
      </Show>
    </section>
  );
}

interface PbsEntryProps {
  pbs: PbsInstance;
  alerts: readonly AlertSummary[] | undefined;
  isCompact: boolean;
}

/** A backup server as a full card, or as a tile when there are many nodes or little room. */
function PbsEntry(props: PbsEntryProps) {
  return (
    <Show when={props.isCompact} fallback={<PbsCard pbs={props.pbs} alerts={props.alerts} />}>
      <NodeTile
        name={props.pbs.name}
        kind="pbs"
        isOnline={isPbsOnline(props.pbs)}
        alerts={props.alerts}
        bars={[
          { label: 'CPU', metric: 'cpu', percent: props.pbs.cpu },
          { label: 'Mem', metric: 'memory', percent: props.pbs.memory },
          { label: 'Store', metric: 'disk', percent: datastoreTotals(props.pbs).usage },
        ]}
      />
    </Show>
  );
}
