import { type Accessor, createSignal, onCleanup } from 'solid-js';

/** A signal that follows a CSS media query; call inside a component. */
export function createMediaQuery(query: string): Accessor<boolean> {
  const list = window.matchMedia(query);
  const [matches, setMatches] = createSignal(list.matches);
  const update = (event: MediaQueryListEvent) => setMatches(event.matches);
  list.addEventListener('change', update);
  onCleanup(() => list.removeEventListener('change', update));
  return matches;
}

/** Below Tailwind's `sm` breakpoint the guest list shows cards instead of a table. */
export const PHONE_QUERY = '(max-width: 639.98px)';
