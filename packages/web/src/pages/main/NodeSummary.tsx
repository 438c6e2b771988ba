import type { AlertSummary, Node, PbsInstance } from '@pulse/contract';
import { createSignal, For, type JSX, Show } from 'solid-js';
import { MUTED } from './level-styles.ts';
import { NodeCard } from './NodeCard.tsx';
import { PbsCard } from './PbsCard.tsx';

/** More nodes than this fold behind a "show all" button so the guests stay in reach. */
const FOLDED_COUNT = 8;

export interface NodeSummaryProps {
  nodes: readonly Node[];
  pbs: readonly PbsInstance[];
  alertsByResource: ReadonlyMap<string, AlertSummary[]>;
  selectedNode: string;
  onToggleNode(name: string): void;
  onOpenNode(node: Node): void;
}

/** A card per PVE node (in name order) and per backup server, above the guest list. */
export function NodeSummary(props: NodeSummaryProps) {
  const [showAll, setShowAll] = createSignal(false);
  const sorted = () => [...props.nodes].sort((a, b) => a.name.localeCompare(b.name));
  const shown = () => (showAll() ? sorted() : sorted().slice(0, FOLDED_COUNT));
  const folded = () => props.nodes.length - shown().length;

  return (
    <section aria-label="Nodes and backup servers">
      {/* On a phone the cards scroll sideways so the guests stay within reach. */}
      <div class="-mx-3 flex snap-x snap-mandatory gap-3 overflow-x-auto px-3 pb-1 sm:mx-0 sm:grid sm:grid-cols-[repeat(auto-fill,minmax(17rem,1fr))] sm:overflow-visible sm:px-0 sm:pb-0">
        <For each={shown()}>
          {(node) => (
            <Slot>
              <NodeCard
                node={node}
                alerts={props.alertsByResource.get(node.id)}
                isSelected={props.selectedNode === node.name}
                onToggleFilter={() => props.onToggleNode(node.name)}
                onOpenCharts={() => props.onOpenNode(node)}
              />
            </Slot>
          )}
        </For>
        <For each={props.pbs}>
          {(pbs) => (
            <Slot>
              <PbsCard pbs={pbs} alerts={props.alertsByResource.get(pbs.id)} />
            </Slot>
          )}
        </For>
      </div>
      <Show when={folded() > 0 || showAll()}>
        <button
          type="button"
          aria-expanded={showAll()}
          onClick={() => setShowAll(!showAll())}
          class="mt-2 rounded-md px-2 py-1 text-sm font-medium text-sky-800 outline-none hover:bg-sky-50 focus-visible:ring-2 focus-visible:ring-sky-600 dark:text-sky-300 dark:hover:bg-slate-800"
        >
          {showAll() ? 'Show fewer nodes' : `Show all ${props.nodes.length} nodes`}
          <span class={`ml-1 ${MUTED}`}>{showAll() ? '' : `(${folded()} more)`}</span>
        </button>
      </Show>
    </section>
  );
}

function Slot(props: { children: JSX.Element }) {
  return <div class="w-[85%] shrink-0 snap-start sm:w-auto">{props.children}</div>;
}
