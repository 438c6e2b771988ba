import { A } from '@solidjs/router';

/** How to get data in, said the same way on every page that is empty for lack of nodes. */
export function AddNodeHint() {
  return (
    <p>
      No Proxmox nodes yet — add one in{' '}
      <A
        href="/settings"
        class="whitespace-nowrap font-medium text-sky-800 underline decoration-sky-800/40
          underline-offset-2 hover:decoration-sky-800 dark:text-sky-300 dark:decoration-sky-300/40
          dark:hover:decoration-sky-300"
      >
        Settings → Nodes
      </A>
      , or run <code>npm run demo</code> to see a simulated lab.
    </p>
  );
}
