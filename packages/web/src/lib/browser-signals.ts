/* Signals that follow the browser: viewport media queries and the passing of time. */

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

/** Below Tailwind's `md` breakpoint wide tables give way to cards. */
export const NARROW_QUERY = '(max-width: 767.98px)';

/** Now in Unix milliseconds, ticking every `intervalMs`, so ages stay current. */
export function createNow(intervalMs = 30_000): Accessor<number> {
  const [now, setNow] = createSignal(Date.now());
  const timer = setInterval(() => setNow(Date.now()), intervalMs);
  onCleanup(() => clearInterval(timer));
  return now;
}
