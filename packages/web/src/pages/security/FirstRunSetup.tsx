import type { QuickSetupResponse } from '@pulse/contract';
import { createSignal, Show } from 'solid-js';
import { ApiError } from '../../api/client.ts';
import { FormAlert } from '../../components/security/FormAlert.tsx';
import {
  CARD_CLASS,
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

interface SetupFields {
  username: string;
  password: string;
  confirm: string;
  isGenerated: boolean;
}

/** What keeps the form from being sent, in words for the user; undefined when nothing. */
function setupProblem(fields: SetupFields): string | undefined {
  if (fields.username.trim() === '') return 'Choose a user name.';
  if (fields.password.length < MIN_PASSWORD)
    return `The password needs at least ${MIN_PASSWORD} characters.`;
  if (!fields.isGenerated && fields.confirm !== fields.password) return 'The two passwords differ.';
  return undefined;
}

/** The mandatory first-run setup: create the admin, then show the password and token once. */
export function FirstRunSetup(props: FirstRunSetupProps) {
  const [username, setUsername] = createSignal('admin');
  const [password, setPassword] = createSignal(generatePassword());
  const [confirm, setConfirm] = createSignal('');
  const [isGenerated, setIsGenerated] = createSignal(true);
  const [error, setError] = createSignal<string>();
  const [busy, setBusy] = createSignal(false);
  const [result, setResult] = createSignal<QuickSetupResponse & { password: string }>();

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    const invalid = setupProblem({
      username: username(),
      password: password(),
      confirm: confirm(),
      isGenerated: isGenerated(),
    });
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
            <AdminFields
              username={username()}
              onUsername={setUsername}
              password={password()}
              confirm={confirm()}
              isGenerated={isGenerated()}
              onPassword={setPassword}
              onConfirm={setConfirm}
              onGenerate={() => {
                setIsGenerated(true);
                setPassword(generatePassword());
              }}
              onUseOwn={useOwnPassword}
            />
            <FormAlert message={error()} />
            <button type="submit" class={PRIMARY_BUTTON_CLASS} disabled={busy()}>
              Create administrator
            </button>
          </form>
        }
      >
        {(done) => <SetupCredentials credentials={done()} onDone={() => props.onDone()} />}
      </Show>
    </main>
  );
}

interface AdminFieldsProps {
  username: string;
  onUsername(value: string): void;
  password: string;
  confirm: string;
  /** A generated password is shown in clear and needs no confirmation. */
  isGenerated: boolean;
  onPassword(value: string): void;
  onConfirm(value: string): void;
  onGenerate(): void;
  onUseOwn(): void;
}

/**
 * The admin's user name and password, the buttons that generate a password or switch to
 * your own, and its confirmation.
 */
function AdminFields(props: AdminFieldsProps) {
  return (
    <>
      <label class={LABEL_CLASS}>
        User name
        <input
          class={INPUT_CLASS}
          name="username"
          autocomplete="username"
          value={props.username}
          onInput={(event) => props.onUsername(event.currentTarget.value)}
        />
      </label>
      <label class={LABEL_CLASS}>
        Password
        <input
          class={`${INPUT_CLASS} font-mono`}
          name="password"
          type={props.isGenerated ? 'text' : 'password'}
          autocomplete="new-password"
          value={props.password}
          onInput={(event) => props.onPassword(event.currentTarget.value)}
        />
      </label>
      <div class="flex flex-wrap gap-2">
        <button type="button" class={SECONDARY_BUTTON_CLASS} onClick={() => props.onGenerate()}>
          Generate a strong password
        </button>
        <Show when={props.isGenerated}>
          <button type="button" class={SECONDARY_BUTTON_CLASS} onClick={() => props.onUseOwn()}>
            Use my own
          </button>
        </Show>
      </div>
      <Show when={!props.isGenerated}>
        <label class={LABEL_CLASS}>
          Confirm password
          <input
            class={INPUT_CLASS}
            name="confirm"
            type="password"
            autocomplete="new-password"
            value={props.confirm}
            onInput={(event) => props.onConfirm(event.currentTarget.value)}
          />
        </label>
      </Show>
    </>
  );
}

/** The credentials just created, shown once with a way to save them. */
function SetupCredentials(props: {
  credentials: QuickSetupResponse & { password: string };
  onDone(): void;
}) {
  return (
    <section class={`${CARD_CLASS} mt-6 space-y-4`} aria-label="Your credentials">
      <p class="text-sm font-medium">
        Save these now. Pulse stores only hashes: the password and the API token cannot be shown
        again.
      </p>
      <SecretReveal
        fileName="pulse-credentials.txt"
        lines={[
          { label: 'User name', value: props.credentials.username },
          { label: 'Password', value: props.credentials.password },
          ...(props.credentials.apiToken
            ? [{ label: 'API token', value: props.credentials.apiToken ?? '' }]
            : []),
        ]}
      />
      <button type="button" class={PRIMARY_BUTTON_CLASS} onClick={() => props.onDone()}>
        Continue to login
      </button>
    </section>
  );
}
