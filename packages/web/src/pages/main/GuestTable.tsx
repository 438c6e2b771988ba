import { For, Match, Switch } from 'solid-js';
import { NODE_ROW_HEIGHT, ROW_HEIGHT, TABLE_MIN_WIDTH } from './columns.ts';
import { GuestRow } from './GuestRow.tsx';
import { GuestTableHeader } from './GuestTableHeader.tsx';
import { type GuestListProps, guestOf, nodeOf } from './guest-list-props.ts';
import { createGuestVirtualizer } from './guest-virtualizer.ts';
import { NodeGroupHeader } from './NodeGroupHeader.tsx';

/**
 * The desktop guest table, grouped by node. Table elements laid out as grids keep the
 * semantics of a table for assistive technology while rows are positioned by the
 * virtualizer. The header sticks to the top when the table fits the window.
 */
export function GuestTable(props: GuestListProps) {
  let body: HTMLTableSectionElement | undefined;
  const { virtualizer, scrollMargin } = createGuestVirtualizer({
    items: () => props.items,
    sizeOf: (item) => (item?.kind === 'node' ? NODE_ROW_HEIGHT : ROW_HEIGHT),
    body: () => body,
    keyPrefix: 'row',
  });

  return (
    <div
      class="overflow-x-auto rounded-lg border border-gray-200 bg-white xl:overflow-visible
      dark:border-slate-800 dark:bg-slate-900"
    >
      <table
        aria-label="Guests"
        aria-rowcount={props.items.length + 1}
        class="block text-sm"
        style={{ 'min-width': TABLE_MIN_WIDTH }}
      >
        <thead class="sticky top-0 z-10 block rounded-t-lg bg-gray-50 dark:bg-slate-950">
          <GuestTableHeader view={props.view} onSort={props.onSort} />
        </thead>
        <tbody
          ref={body}
          class="relative block"
          style={{ height: `${virtualizer.getTotalSize()}px` }}
        >
          <For each={virtualizer.getVirtualItems()}>
            {(row) => {
              const item = () => props.items[row.index];
              const position = () => ({
                height: `${row.size}px`,
                transform: `translateY(${row.start - scrollMargin()}px)`,
              });
              return (
                <Switch>
                  <Match when={nodeOf(item())}>
                    {(node) => <NodeGroupHeader item={node()} style={position()} />}
                  </Match>
                  <Match when={guestOf(item())}>
                    {(guest) => (
                      <GuestRow
                        guest={guest()}
                        alerts={props.alertsByResource.get(guest().id)}
                        lines={props.sparklines.get(guest().id)}
                        now={props.now}
                        index={row.index}
                        onOpen={props.onOpen}
                        style={position()}
                      />
                    )}
                  </Match>
                </Switch>
              );
            }}
          </For>
        </tbody>
      </table>
    </div>
  );
}
