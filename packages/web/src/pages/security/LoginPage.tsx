import { createSignal } from 'solid-js';
import { ApiError } from '../../api/client.ts';
import { FormAlert } from '../../components/security/FormAlert.tsx';
import {
  CARD_CLASS,
  INPUT_CLASS,
  LABEL_CLASS,
  PRIMARY_BUTTON_CLASS,
} from '../../components/security/form-styles.ts';
import { login } from './security-api.ts';

export interface LoginPageProps {
  onDone(): void;
}

function messageFor(err: unknown): string {
  if (!(err instanceof ApiError)) return 'Login failed.';
  if (err.status === 401) return 'Invalid user name or password.';
  if (err.status === 429) return `Locked out: ${err.message}.`;
  return err.message;
}

/** Password login; the session lives in an HttpOnly cookie, nothing is kept by the page. */
export function LoginPage(props: LoginPageProps) {
  const [username, setUsername] = createSignal('');
  const [password, setPassword] = createSignal('');
  const [error, setError] = createSignal<string>();
  const [busy, setBusy] = createSignal(false);

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await login(username(), password());
      props.onDone();
    } catch (err) {
      setPassword('');
      setError(messageFor(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main class="mx-auto max-w-sm px-4 py-16">
      <h1 class="text-2xl font-semibold tracking-tight">Log in to Pulse</h1>
      <form class={`${CARD_CLASS} mt-6 space-y-4`} onSubmit={submit} aria-label="Login">
        <label class={LABEL_CLASS}>
          User name
          <input
            class={INPUT_CLASS}
            name="username"
            autocomplete="username"
            required
            value={username()}
            onInput={(event) => setUsername(event.currentTarget.value)}
          />
        </label>
        <label class={LABEL_CLASS}>
          Password
          <input
            class={INPUT_CLASS}
            name="password"
            type="password"
            autocomplete="current-password"
            required
            value={password()}
            onInput={(event) => setPassword(event.currentTarget.value)}
          />
        </label>
        <FormAlert message={error()} />
        <button type="submit" class={`${PRIMARY_BUTTON_CLASS} w-full`} disabled={busy()}>
          Log in
        </button>
      </form>
    </main>
  );
}
