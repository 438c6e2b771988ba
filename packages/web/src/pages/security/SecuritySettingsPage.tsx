import type { SecurityStatus } from '@pulse/contract';
import { createResource, createSignal, type JSX, Show } from 'solid-js';
import { ApiError } from '../../api/client.ts';
import { AuditLogTable } from '../../components/security/AuditLogTable.tsx';
import { useAuth } from '../../components/security/auth-context.ts';
import {
  CARD_CLASS,
  ERROR_CLASS,
  SECONDARY_BUTTON_CLASS,
} from '../../components/security/form-styles.ts';
import { SecretReveal } from '../../components/security/SecretReveal.tsx';
import { ChangePasswordForm } from './ChangePasswordForm.tsx';
import { getAuditLog, regenerateToken } from './security-api.ts';

const MODE_LABELS: Record<SecurityStatus['mode'], string> = {
  disabled: 'Authentication disabled',
  setup: 'Not set up',
  password: 'Password',
  token: 'API token only (UI read-only)',
  'password+token': 'Password and API token',
  proxy: 'Authenticating proxy',
};

function Section(props: { title: string; children: JSX.Element }) {
  return (
    <section class={CARD_CLASS} aria-label={props.title}>
      <h2 class="mb-3 text-base font-semibold">{props.title}</h2>
      {props.children}
    </section>
  );
}

function StatusList(props: { status: SecurityStatus }) {
  const row = (label: string, value: string) => (
    <div class="flex justify-between gap-4 py-1">
      <dt class="text-gray-600 dark:text-slate-400">{label}</dt>
      <dd class="text-right font-medium">{value}</dd>
    </div>
  );
  return (
    <dl class="divide-y divide-gray-100 text-sm dark:divide-slate-800">
      {row('Mode', MODE_LABELS[props.status.mode])}
      {row('Signed in as', props.status.user ?? '—')}
      {row(
        'API token',
        props.status.apiTokenConfigured ? `set ${props.status.apiTokenHint ?? ''}` : 'none',
      )}
      {row('Connection', props.status.hasHTTPS ? 'HTTPS' : 'HTTP (use a TLS proxy)')}
      {row('Your address', props.status.clientIP)}
      {row('Recovery mode', props.status.recoveryMode ? 'ON' : 'off')}
    </dl>
  );
}

function TokenSection(props: { status: SecurityStatus }) {
  const [token, setToken] = createSignal<string>();
  const [error, setError] = createSignal<string>();

  async function regenerate() {
    if (!confirm('Replace the API token? Scripts using the current one stop working at once.'))
      return;
    try {
      setToken((await regenerateToken()).token);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'Could not replace the token.');
    }
  }

  return (
    <Show
      when={!props.status.tokenFromEnv}
      fallback={<p class="text-sm">The token is set by the API_TOKEN environment variable.</p>}
    >
      <Show
        when={token()}
        fallback={
          <button type="button" class={SECONDARY_BUTTON_CLASS} onClick={regenerate}>
            {props.status.apiTokenConfigured ? 'Regenerate API token' : 'Create API token'}
          </button>
        }
      >
        {(shown) => (
          <div class="space-y-2">
            <p class="text-sm font-medium">Copy it now: it will not be shown again.</p>
            <SecretReveal
              fileName="pulse-api-token.txt"
              lines={[{ label: 'API token', value: shown() }]}
            />
          </div>
        )}
      </Show>
      <Show when={error()}>
        <p class={ERROR_CLASS}>{error()}</p>
      </Show>
    </Show>
  );
}

/** Settings → Security: status, password, API token, audit log, logout. */
export function SecuritySettingsPage() {
  const auth = useAuth();
  const [audit, { refetch }] = createResource(() => getAuditLog(100));
  const status = () => auth.status();

  return (
    <div class="mx-auto max-w-4xl space-y-4">
      <div class="flex items-center justify-between">
        <h1 class="text-xl font-semibold">Security</h1>
        <Show when={status()?.authenticated && status()?.mode !== 'disabled'}>
          <button type="button" class={SECONDARY_BUTTON_CLASS} onClick={() => auth.logout()}>
            Log out
          </button>
        </Show>
      </div>
      <Show when={status()}>
        {(current) => (
          <>
            <Section title="Status">
              <StatusList status={current()} />
            </Section>
            <Show when={current().canWrite && current().mode !== 'proxy'}>
              <Section title="Password">
                <Show
                  when={!current().passwordFromEnv}
                  fallback={
                    <p class="text-sm">
                      The password is set by the PULSE_AUTH_PASS environment variable.
                    </p>
                  }
                >
                  <ChangePasswordForm isRecovery={current().recoveryMode} />
                </Show>
              </Section>
              <Section title="API token">
                <TokenSection status={current()} />
              </Section>
            </Show>
          </>
        )}
      </Show>
      <Section title="Audit log">
        <div class="mb-2 flex justify-end">
          <button type="button" class={SECONDARY_BUTTON_CLASS} onClick={() => refetch()}>
            Refresh
          </button>
        </div>
        <Show
          when={!audit.error}
          fallback={<p class="text-sm">Only an administrator can see the audit log.</p>}
        >
          <AuditLogTable events={audit.latest?.events ?? []} />
        </Show>
      </Section>
    </div>
  );
}
