import type { QuickSetupResponse } from '@pulse/contract';
import { createSignal, Show } from 'solid-js';
import { ApiError } from '../../api/client.ts';
import {
  CARD_CLASS,
  ERROR_CLASS,
  INPUT_CLASS,
  LABEL_CLASS,
  PRIMARY_BUTTON_CLASS,
  SECONDARY_BUTTON_CLASS,
} from '../../components/security/form-styles.ts';
import { generatePassword } from '../../components/security/password-generator.ts';
import { SecretReveal } from '../../components/security/SecretReveal.tsx';
import { quickSetup } from './security-api.ts';

export interface FirstRunSetupProps {
  /** Called when the admin has seen the credentials and moves on to log in. */
  onDone(): void;
}

const MIN_PASSWORD = 8;

/** The mandatory first-run setup: create the admin, then show the password and token once. */
export function FirstRunSetup(props: FirstRunSetupProps) {
  const [username, setUsername] = createSignal('admin');
  const [password, setPassword] = createSignal(generatePassword());
  const [confirm, setConfirm] = createSignal('');
  const [isGenerated, setIsGenerated] = createSignal(true);
  const [error, setError] = createSignal<string>();
  const [busy, setBusy] = createSignal(false);
  const [result, setResult] = createSignal<QuickSetupResponse & { password: string }>();

  function problem(): string | undefined {
    if (username().trim() === '') return 'Choose a user name.';
    if (password().length < MIN_PASSWORD)
      return `The password needs at least ${MIN_PASSWORD} characters.`;
    if (!isGenerated() && confirm() !== password()) return 'The two passwords differ.';
    return undefined;
  }

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    const invalid = problem();
    if (invalid) return setError(invalid);

    setBusy(true);
    setError(undefined);
    try {
      const response = await quickSetup({ username: username().trim(), password: password() });
      setResult({ ...response, password: password() });
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'Setup failed.');
    } finally {
      setBusy(false);
    }
  }

  function useOwnPassword() {
    setIsGenerated(false);
    setPassword('');
  }

  return (
    <main class="mx-auto max-w-lg px-4 py-10">
      <h1 class="text-2xl font-semibold tracking-tight">Secure your Pulse</h1>
      <p class="mt-2 text-sm text-gray-600 dark:text-slate-400">
        Pulse shows everything running in your Proxmox clusters. Create the administrator before
        anything else; nothing is served until you do.
      </p>
      <Show
        when={result()}
        fallback={
          <form
            class={`${CARD_CLASS} mt-6 space-y-4`}
            onSubmit={submit}
            aria-label="First-run setup"
          >
            <label class={LABEL_CLASS}>
              User name
              <input
                class={INPUT_CLASS}
                name="username"
                autocomplete="username"
                value={username()}
                onInput={(event) => setUsername(event.currentTarget.value)}
              />
            </label>
            <label class={LABEL_CLASS}>
              Password
              <input
                class={`${INPUT_CLASS} font-mono`}
                name="password"
                type={isGenerated() ? 'text' : 'password'}
                autocomplete="new-password"
                value={password()}
                onInput={(event) => setPassword(event.currentTarget.value)}
              />
            </label>
            <div class="flex flex-wrap gap-2">
              <button
                type="button"
                class={SECONDARY_BUTTON_CLASS}
                onClick={() => {
                  setIsGenerated(true);
                  setPassword(generatePassword());
                }}
              >
                Generate a strong password
              </button>
              <Show when={isGenerated()}>
                <button type="button" class={SECONDARY_BUTTON_CLASS} onClick={useOwnPassword}>
                  Use my own
                </button>
              </Show>
            </div>
            <Show when={!isGenerated()}>
              <label class={LABEL_CLASS}>
                Confirm password
                <input
                  class={INPUT_CLASS}
                  name="confirm"
                  type="password"
                  autocomplete="new-password"
                  value={confirm()}
                  onInput={(event) => setConfirm(event.currentTarget.value)}
                />
              </label>
            </Show>
            <Show when={error()}>
              <p class={ERROR_CLASS} role="alert">
                {error()}
              </p>
            </Show>
            <button type="submit" class={PRIMARY_BUTTON_CLASS} disabled={busy()}>
              Create administrator
            </button>
          </form>
        }
      >
        {(done) => (
          <section class={`${CARD_CLASS} mt-6 space-y-4`} aria-label="Your credentials">
            <p class="text-sm font-medium">
              Save these now. Pulse stores only hashes: the password and the API token cannot be
              shown again.
            </p>
            <SecretReveal
              fileName="pulse-credentials.txt"
              lines={[
                { label: 'User name', value: done().username },
                { label: 'Password', value: done().password },
                ...(done().apiToken ? [{ label: 'API token', value: done().apiToken ?? '' }] : []),
              ]}
            />
            <button type="button" class={PRIMARY_BUTTON_CLASS} onClick={() => props.onDone()}>
              Continue to login
            </button>
          </section>
        )}
      </Show>
    </main>
  );
}
