import type { SecurityStatus } from '@pulse/contract';
import { createEffect, createResource, type JSX, Match, on, Show, Switch } from 'solid-js';
import { AuthContext, type AuthState } from '../../components/security/auth-context.ts';
import { SecurityBanner } from '../../components/security/SecurityBanner.tsx';
import { FirstRunSetup } from './FirstRunSetup.tsx';
import { LoginPage } from './LoginPage.tsx';
import { getSecurityStatus, logout } from './security-api.ts';

export interface AuthGateProps {
  /** Runs each time the gate opens (e.g. start the live connection). */
  onEnter?(): void;
  /** Runs when the user logs out. */
  onLeave?(): void;
  children: JSX.Element;
}

function mayEnter(status: SecurityStatus): boolean {
  return !status.setupRequired && (status.authenticated || status.apiOnly);
}

/**
 * Shows the first-run setup or the login until the caller may use Pulse, then the app.
 * The decision comes from the server's security status on every load; the browser keeps
 * no credential of its own (the session cookie is HttpOnly).
 */
export function AuthGate(props: AuthGateProps) {
  const [status, { refetch }] = createResource(getSecurityStatus);

  createEffect(
    on(status, (current, previous) => {
      const isInside = current !== undefined && mayEnter(current);
      const wasInside = previous !== undefined && mayEnter(previous);
      if (isInside && !wasInside) props.onEnter?.();
      if (!isInside && wasInside) props.onLeave?.();
    }),
  );

  const state: AuthState = {
    status: () => status.latest,
    refresh: () => void refetch(),
    async logout() {
      const logoutUrl = status.latest?.proxyAuthLogoutURL;
      if (status.latest?.hasProxyAuth && logoutUrl) {
        location.href = logoutUrl;
        return;
      }
      await logout().catch(() => undefined);
      await refetch();
    },
  };

  return (
    <Switch fallback={<p class="p-6 text-sm text-gray-500">Loading…</p>}>
      <Match when={status.error}>
        <div class="p-6 text-sm">
          Cannot reach the Pulse server.{' '}
          <button type="button" class="underline" onClick={() => refetch()}>
            Try again
          </button>
        </div>
      </Match>
      <Match when={status.latest?.setupRequired}>
        <FirstRunSetup onDone={() => refetch()} />
      </Match>
      <Match when={status.latest && !mayEnter(status.latest)}>
        <LoginPage onDone={() => refetch()} />
      </Match>
      <Match when={status.latest}>
        {(current) => (
          <AuthContext.Provider value={state}>
            <Show when={current()}>{(shown) => <SecurityBanner status={shown()} />}</Show>
            {props.children}
          </AuthContext.Provider>
        )}
      </Match>
    </Switch>
  );
}
