import { createSignal, Show } from 'solid-js';
import { ApiError } from '../../api/client.ts';
import {
  ERROR_CLASS,
  INPUT_CLASS,
  LABEL_CLASS,
  PRIMARY_BUTTON_CLASS,
} from '../../components/security/form-styles.ts';
import { changePassword } from './security-api.ts';

export interface ChangePasswordFormProps {
  /** In recovery mode the current password is not asked for. */
  isRecovery: boolean;
}

/** Changes the admin password; every other browser is signed out by the server. */
export function ChangePasswordForm(props: ChangePasswordFormProps) {
  const [current, setCurrent] = createSignal('');
  const [next, setNext] = createSignal('');
  const [confirm, setConfirm] = createSignal('');
  const [message, setMessage] = createSignal<{ ok: boolean; text: string }>();

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (next() !== confirm()) return setMessage({ ok: false, text: 'The new passwords differ.' });
    try {
      await changePassword(props.isRecovery ? undefined : current(), next());
      setMessage({ ok: true, text: 'Password changed. Other browsers were signed out.' });
      setCurrent('');
      setNext('');
      setConfirm('');
    } catch (err) {
      setMessage({ ok: false, text: err instanceof ApiError ? err.message : 'Change failed.' });
    }
  }

  return (
    <form class="space-y-3" onSubmit={submit} aria-label="Change password">
      <Show when={!props.isRecovery}>
        <label class={LABEL_CLASS}>
          Current password
          <input
            class={INPUT_CLASS}
            type="password"
            autocomplete="current-password"
            value={current()}
            onInput={(event) => setCurrent(event.currentTarget.value)}
          />
        </label>
      </Show>
      <label class={LABEL_CLASS}>
        New password (at least 8 characters)
        <input
          class={INPUT_CLASS}
          type="password"
          autocomplete="new-password"
          value={next()}
          onInput={(event) => setNext(event.currentTarget.value)}
        />
      </label>
      <label class={LABEL_CLASS}>
        Confirm new password
        <input
          class={INPUT_CLASS}
          type="password"
          autocomplete="new-password"
          value={confirm()}
          onInput={(event) => setConfirm(event.currentTarget.value)}
        />
      </label>
      <Show when={message()}>
        {(shown) => (
          <p
            class={shown().ok ? 'text-sm text-green-700 dark:text-green-400' : ERROR_CLASS}
            role="status"
          >
            {shown().text}
          </p>
        )}
      </Show>
      <button type="submit" class={PRIMARY_BUTTON_CLASS}>
        Change password
      </button>
    </form>
  );
}
