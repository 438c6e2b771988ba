import type { JSX } from 'solid-js';
import { MUTED, PANEL } from '../../components/styles.ts';

/** One figure of a page summary, as a term and its value in the summary's `<dl>`. */
export function Fact(props: { label: string; children: JSX.Element }) {
  return (
    <div class={`${PANEL} min-w-0 px-3 py-2`}>
      <dt class={`truncate text-xs ${MUTED}`}>{props.label}</dt>
      <dd class="mt-0.5 truncate text-xl font-semibold">{props.children}</dd>
    </div>
  );
}
