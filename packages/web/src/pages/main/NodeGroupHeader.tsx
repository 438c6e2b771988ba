import type { JSX } from 'solid-js';
import { MUTED } from '../../components/styles.ts';
import type { NodeItem } from './guest-list-props.ts';

export interface NodeGroupHeaderProps {
  item: NodeItem;
  /** Position from the virtualizer. */
  style: JSX.CSSProperties;
}

/** The table row that opens a node's group of guests: name, endpoint and guest counts. */
export function NodeGroupHeader(props: NodeGroupHeaderProps) {
  return (
    <tr
      data-testid="node-group"
      data-node={props.item.node}
      class="absolute top-0 left-0 flex w-full items-center border-b border-gray-200 bg-gray-50
        px-3 dark:border-slate-800 dark:bg-slate-950/60"
      style={props.style}
    >
      <th scope="rowgroup" class="flex w-full items-center gap-2 text-left text-sm font-normal">
        <span class="font-semibold">{props.item.node}</span>
        <span class={`text-xs ${MUTED}`}>{props.item.instance}</span>
        <span class={`ml-auto text-xs tabular-nums ${MUTED}`}>
          {props.item.running} of {props.item.total} running
        </span>
      </th>
    </tr>
  );
}
