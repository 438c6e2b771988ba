import type { SecurityStatus } from '@pulse/contract';
import { Match, Switch } from 'solid-js';

export interface SecurityBannerProps {
  status: SecurityStatus;
}

/** A warning when authentication is off, a notice when the UI is read-only (API-only mode). */
export function SecurityBanner(props: SecurityBannerProps) {
  return (
    <Switch>
      <Match when={props.status.disabled}>
        <div role="alert" class="bg-red-700 px-4 py-2 text-center text-sm font-medium text-white">
          Authentication is disabled (DISABLE_AUTH): anyone who can reach this Pulse can read and
          change everything.
        </div>
      </Match>
      <Match when={props.status.apiOnly && !props.status.canWrite}>
        <div
          role="status"
          class="bg-amber-100 px-4 py-2 text-center text-sm text-amber-950 dark:bg-amber-950
            dark:text-amber-100"
        >
          Read-only: this Pulse is protected by an API token only. Changes need the token
          (X-API-Token header); set a password in Settings → Security to use the UI for them.
        </div>
      </Match>
    </Switch>
  );
}
