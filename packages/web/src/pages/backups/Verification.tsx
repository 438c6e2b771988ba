import { Match, Switch } from 'solid-js';
import { MUTED } from '../../components/styles.ts';
import type { Verification as VerificationState } from '../../lib/backups-entries.ts';

/** PBS verification as a word with a mark; a dash where verification does not apply. */
export function Verification(props: { state: VerificationState | undefined }) {
  return (
    <Switch fallback={<span class={MUTED}>–</span>}>
      <Match when={props.state === 'ok'}>
        <span class="whitespace-nowrap text-emerald-700 dark:text-emerald-400">✓ verified</span>
      </Match>
      <Match when={props.state === 'failed'}>
        <span class="whitespace-nowrap font-semibold text-red-700 dark:text-red-400">
          {'✗ failed'}
        </span>
      </Match>
      <Match when={props.state === 'none'}>
        <span class={`whitespace-nowrap ${MUTED}`}>not yet</span>
      </Match>
    </Switch>
  );
}
