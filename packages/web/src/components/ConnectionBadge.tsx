import { Match, Show, Switch } from 'solid-js';
import { type ConnectionStatus, connection } from '../stores/connection.ts';

const LABELS: Record<ConnectionStatus, string> = {
  connecting: 'Connecting…',
  connected: 'Connected',
  reconnecting: 'Reconnecting…',
  disconnected: 'Disconnected',
};

const DESCRIPTIONS: Record<ConnectionStatus, string> = {
  connecting: 'Opening the live connection to the Pulse server',
  connected: 'Live updates from the Pulse server are arriving',
  reconnecting: 'The connection to the Pulse server was lost; retrying',
  disconnected: 'Not connected to the Pulse server',
};

/** The state of the live WebSocket, with a retry button once Pulse stops trying on its own. */
const CONNECTED =
  'border-emerald-200 bg-emerald-50 text-emerald-800 dark:border-emerald-800 ' +
  'dark:bg-emerald-950 dark:text-emerald-300';
const PENDING =
  'border-amber-200 bg-amber-50 text-amber-900 dark:border-amber-800 dark:bg-amber-950 ' +
  'dark:text-amber-200';
const DISCONNECTED =
  'border-red-200 bg-red-50 text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-300';

export function ConnectionBadge() {
  const status = connection.status;
  const title = () => {
    const attempts = connection.attempts();
    return attempts > 1
      ? `${DESCRIPTIONS[status()]} (attempt ${attempts})`
      : DESCRIPTIONS[status()];
  };

  return (
    <div class="flex shrink-0 items-center gap-1.5">
      <span
        role="status"
        data-testid="connection-badge"
        data-status={status()}
        title={title()}
        class="inline-flex h-7 items-center gap-1.5 rounded-full border px-2.5 text-xs font-medium"
        classList={{
          [CONNECTED]: status() === 'connected',
          [PENDING]: status() === 'connecting' || status() === 'reconnecting',
          [DISCONNECTED]: status() === 'disconnected',
        }}
      >
        <StatusDot status={status()} />
        {LABELS[status()]}
      </span>
      <Show when={status() === 'disconnected'}>
        <button
          type="button"
          onClick={() => connection.retryNow()}
          class="h-7 rounded-md px-2 text-xs font-medium text-sky-800 outline-none hover:bg-sky-50
            focus-visible:ring-2 focus-visible:ring-sky-600 dark:text-sky-300
            dark:hover:bg-slate-800 dark:focus-visible:ring-sky-400"
        >
          Retry
        </button>
      </Show>
    </div>
  );
}

function StatusDot(props: { status: ConnectionStatus }) {
  return (
    <span aria-hidden="true" class="relative flex size-2">
      <Switch>
        <Match when={props.status === 'connected'}>
          <span class="size-2 rounded-full bg-emerald-500" />
        </Match>
        <Match when={props.status === 'connecting' || props.status === 'reconnecting'}>
          <span
            class="absolute size-2 motion-safe:animate-ping rounded-full bg-amber-400
            opacity-75"
          />
          <span class="size-2 rounded-full bg-amber-500" />
        </Match>
        <Match when={props.status === 'disconnected'}>
          <span class="size-2 rounded-full bg-red-500" />
        </Match>
      </Switch>
    </span>
  );
}
