import { For } from 'solid-js';
import { MUTED } from '../../components/styles.ts';

const EXAMPLES: readonly [string, string][] = [
  ['nextcloud', 'name, node, VMID or tag contains the text'],
  ['node:pve1 cpu>50', 'every term must match'],
  ['tags:web|db', 'either tag; also name:, type:vm|ct, status:, vmid:, pool:'],
  ['memory>=90  disk<10', 'usage in percent; = and != work too'],
  ['netin>5MB  diskwrite>500K', 'I/O per second: diskread, diskwrite, netin, netout (bare = MB/s)'],
  ['uptime<1h  backup>7d', 'durations; a bare number is days'],
  ['cpu>90 OR memory>90', 'OR separates alternatives'],
  ['-status:running', 'a leading - or ! negates a term'],
];

/** The search language, with examples, behind a disclosure next to the search box. */
export function SearchHelp() {
  return (
    <details class="group relative">
      <summary
        class="flex h-9 cursor-pointer list-none items-center rounded-md px-3 text-sm
        font-medium text-sky-800 outline-none hover:bg-sky-50 focus-visible:ring-2
        focus-visible:ring-sky-600 dark:text-sky-300 dark:hover:bg-slate-800"
      >
        Syntax
      </summary>
      <div
        class="absolute right-0 z-20 mt-1 w-[min(34rem,calc(100vw-1.5rem))] rounded-lg border
        border-gray-200 bg-white p-3 text-sm shadow-lg dark:border-slate-700 dark:bg-slate-900"
      >
        <dl class="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1.5">
          <For each={EXAMPLES}>
            {([example, meaning]) => (
              <>
                <dt>
                  <code class="whitespace-nowrap">{example}</code>
                </dt>
                <dd class={MUTED}>{meaning}</dd>
              </>
            )}
          </For>
        </dl>
      </div>
    </details>
  );
}
