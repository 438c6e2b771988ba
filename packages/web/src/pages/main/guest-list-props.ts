import type { AlertSummary, Guest } from '@pulse/contract';
import type { GuestTableItem, GuestView, SortKey } from '../../lib/guest-view.ts';
import type { GuestSparklines } from './use-sparklines.ts';

/** What both the desktop table and the phone cards are drawn from. */
export interface GuestListProps {
  items: readonly GuestTableItem[];
  view: GuestView;
  alertsByResource: ReadonlyMap<string, AlertSummary[]>;
  sparklines: ReadonlyMap<string, GuestSparklines>;
  /** Epoch ms, ticking, for backup ages. */
  now: number;
  onSort(key: SortKey): void;
  onOpen(guest: Guest): void;
}

export type NodeItem = Extract<GuestTableItem, { kind: 'node' }>;

export function nodeOf(item: GuestTableItem | undefined): NodeItem | undefined {
  return item?.kind === 'node' ? item : undefined;
}

export function guestOf(item: GuestTableItem | undefined): Guest | undefined {
  return item?.kind === 'guest' ? item.guest : undefined;
}
