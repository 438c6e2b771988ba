import { Show } from 'solid-js';
import { ERROR_CLASS } from './form-styles.ts';

/** The error of a security form, announced as it appears; nothing while there is none. */
export function FormAlert(props: { message: string | undefined }) {
  return (
    <Show when={props.message}>
      <p class={ERROR_CLASS} role="alert">
        {props.message}
      </p>
    </Show>
  );
}
