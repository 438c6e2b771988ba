import { createWindowVirtualizer } from '@tanstack/solid-virtual';
import { type Accessor, createMemo, createSignal, onCleanup, onMount } from 'solid-js';
import type { GuestTableItem } from '../../lib/guest-view.ts';

export interface GuestVirtualizerOptions {
  items: Accessor<readonly GuestTableItem[]>;
  /** Height guess for an item; exact for table rows, a first guess for cards. */
  sizeOf(item: GuestTableItem | undefined): number;
  /** The element whose top is where the list starts on the page. */
  body: () => HTMLElement | undefined;
  /** Distinguishes table rows from cards in cached measurements. */
  keyPrefix: string;
}

/**
 * A window-scrolled virtualizer over the grouped guest list: only the items in view (plus a
 * few) are rendered, so 10,000 guests cost what 30 do, while the page scrolls as usual.
 */
export function createGuestVirtualizer(options: GuestVirtualizerOptions) {
  const [scrollMargin, setScrollMargin] = createSignal(0);

  // A new key function when the items change makes the virtualizer drop positions it
  // computed for the old list (a node header may now stand where a guest was). It must be
  // the same function otherwise: the virtualizer re-measures every item when it changes.
  const itemKey = createMemo(() => {
    const items = options.items();
    return (index: number) => `${options.keyPrefix}:${items[index]?.key ?? index}`;
  });

  const virtualizer = createWindowVirtualizer({
    get count() {
      return options.items().length;
    },
    get getItemKey() {
      return itemKey();
    },
    estimateSize: (index) => options.sizeOf(options.items()[index]),
    overscan: 10,
    get scrollMargin() {
      return scrollMargin();
    },
  });

  // Everything above the list (node cards, filters) can change height at any time.
  onMount(() => {
    const measure = () => {
      const body = options.body();
      if (body) setScrollMargin(body.getBoundingClientRect().top + window.scrollY);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(document.body);
    const body = options.body();
    body?.addEventListener('keydown', onKeyDown);
    onCleanup(() => {
      observer.disconnect();
      body?.removeEventListener('keydown', onKeyDown);
    });
  });

  /** Scrolls an item into view and focuses its name button once drawn. */
  const focusItem = (index: number) => {
    virtualizer.scrollToIndex(index, { align: 'auto' });
    requestAnimationFrame(() => {
      options.body()?.querySelector<HTMLElement>(`[data-row-index="${index}"]`)?.focus();
    });
  };

  /** Arrow keys, Page Up/Down, Home and End move between guests' name buttons. */
  const onKeyDown = (event: KeyboardEvent) => {
    const from = Number((event.target as HTMLElement).dataset.rowIndex);
    if (Number.isNaN(from)) return;
    const next = nextGuestIndex(options.items(), from, event.key);
    if (next === undefined) return;
    event.preventDefault();
    focusItem(next);
  };

  return { virtualizer, scrollMargin };
}

const PAGE_STEP = 10;

/** Where a navigation key moves from guest `from`, skipping node headers. */
export function nextGuestIndex(
  items: readonly GuestTableItem[],
  from: number,
  key: string,
): number | undefined {
  const isGuest = (index: number) => items[index]?.kind === 'guest';
  const scan = (start: number, step: 1 | -1) => {
    for (let i = start; i >= 0 && i < items.length; i += step) if (isGuest(i)) return i;
    return undefined;
  };

  switch (key) {
    case 'ArrowDown':
      return scan(from + 1, 1);
    case 'ArrowUp':
      return scan(from - 1, -1);
    case 'PageDown':
      return scan(Math.min(items.length - 1, from + PAGE_STEP), -1);
    case 'PageUp':
      return scan(Math.max(0, from - PAGE_STEP), 1);
    case 'Home':
      return scan(0, 1);
    case 'End':
      return scan(items.length - 1, -1);
    default:
      return undefined;
  }
}
