import { useSearchParams } from '@solidjs/router';
import { type Accessor, createMemo } from 'solid-js';
import {
  DEFAULT_VIEW,
  defaultDirection,
  type GuestView,
  type SortKey,
  viewFromParams,
  viewToParams,
} from '../../lib/guest-view.ts';

export interface GuestViewState {
  view: Accessor<GuestView>;
  /** The guest or node whose history drawer is open (`?detail=<id>`), if any. */
  detail: Accessor<string | undefined>;
  update(change: Partial<GuestView>): void;
  /** Clicking the sorted column flips it; another column starts in its natural direction. */
  sortBy(key: SortKey): void;
  reset(): void;
  openDetail(id: string): void;
  closeDetail(): void;
}

/** Filters, sort and open drawer live in the URL query, so a view is a bookmarkable link. */
export function useGuestView(): GuestViewState {
  const [params, setParams] = useSearchParams();
  const view = createMemo(() => viewFromParams(params), undefined, {
    equals: (a, b) => JSON.stringify(a) === JSON.stringify(b),
  });

  // Typing and dragging replace the history entry; discrete choices add one, so Back undoes them.
  const update = (change: Partial<GuestView>) => {
    const replace =
      'q' in change || 'minCpu' in change || 'minMemory' in change || 'minDisk' in change;
    setParams(viewToParams({ ...view(), ...change }), { replace });
  };

  return {
    view,
    detail: () => {
      const value = params.detail;
      return (Array.isArray(value) ? value[0] : value) || undefined;
    },
    update,
    sortBy(key) {
      const current = view();
      const dir =
        current.sort === key ? (current.dir === 'asc' ? 'desc' : 'asc') : defaultDirection(key);
      update({ sort: key, dir });
    },
    reset: () => update({ ...DEFAULT_VIEW, sort: view().sort, dir: view().dir }),
    openDetail: (id) => setParams({ detail: id }),
    closeDetail: () => setParams({ detail: undefined }),
  };
}
