import { Show } from 'solid-js';
import { formatAgo, formatDateTime } from '../../lib/format.ts';
import { liveState } from '../../stores/live-state.ts';

/** While the socket is down the page keeps the last state; this says how old it is. */
export function StaleNotice() {
  return (
    <Show when={liveState.isStale()}>
      <p
        role="status"
        class="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900
          dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200"
      >
        Live updates paused: the connection to Pulse was lost. Showing the state of{' '}
        {formatDateTime(liveState.lastUpdate())} ({formatAgo(liveState.lastUpdate(), Date.now())});
        reconnecting.
      </p>
    </Show>
  );
}
