import { For, Match, Switch } from 'solid-js';
import { MUTED } from '../../components/styles.ts';
import { NODE_ROW_HEIGHT } from './columns.ts';
import { GuestCard } from './GuestCard.tsx';
import { type GuestListProps, guestOf, nodeOf } from './guest-list-props.ts';
import { createGuestVirtualizer } from './guest-virtualizer.ts';

/** First guess of a card's height with its gap; each card is measured once drawn. */
const CARD_ESTIMATE = 158;

/** The guest list on a phone: one card per guest under node headings, virtualised too. */
export function GuestCards(props: GuestListProps) {
  let body: HTMLDivElement | undefined;
  const { virtualizer, scrollMargin } = createGuestVirtualizer({
    items: () => props.items,
    sizeOf: (item) => (item?.kind === 'node' ? NODE_ROW_HEIGHT : CARD_ESTIMATE),
    body: () => body,
    keyPrefix: 'card',
  });

  return (
    <section aria-label="Guests">
      <div ref={body} class="relative" style={{ height: `${virtualizer.getTotalSize()}px` }}>
        <For each={virtualizer.getVirtualItems()}>
          {(row) => {
            const item = () => props.items[row.index];
            return (
              <div
                data-index={row.index}
                ref={(element) => queueMicrotask(() => virtualizer.measureElement(element))}
                class="absolute top-0 left-0 w-full pb-2"
                style={{ transform: `translateY(${row.start - scrollMargin()}px)` }}
              >
                <Switch>
                  <Match when={nodeOf(item())}>
                    {(node) => (
                      <h2 class="flex h-7 items-end gap-2 px-1 text-sm" data-testid="node-group">
                        <span class="font-semibold">{node().node}</span>
                        <span class={`ml-auto text-xs tabular-nums ${MUTED}`}>
                          {node().running} of {node().total} running
                        </span>
                      </h2>
                    )}
                  </Match>
                  <Match when={guestOf(item())}>
                    {(guest) => (
                      <GuestCard
                        guest={guest()}
                        alerts={props.alertsByResource.get(guest().id)}
                        lines={props.sparklines.get(guest().id)}
                        now={props.now}
                        index={row.index}
                        onOpen={props.onOpen}
                      />
                    )}
                  </Match>
                </Switch>
              </div>
            );
          }}
        </For>
      </div>
    </section>
  );
}
