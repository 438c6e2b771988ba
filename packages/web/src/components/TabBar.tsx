import { A, useLocation, useNavigate } from '@solidjs/router';
import { For } from 'solid-js';
import { TABS, tabForPath } from '../routes.tsx';

export const TAB_PANEL_ID = 'tab-panel';

/**
 * The page tabs, following the WAI-ARIA tabs pattern with automatic activation: arrow keys,
 * Home and End move focus and open the page at once (pages render instantly). Only the
 * selected tab is in the Tab order.
 */
const UNSELECTED =
  'border-transparent text-gray-600 hover:border-gray-300 hover:text-gray-900 ' +
  'dark:text-slate-400 dark:hover:border-slate-600 dark:hover:text-slate-100';

export function TabBar() {
  const location = useLocation();
  const navigate = useNavigate();
  const links: HTMLAnchorElement[] = [];
  const activePath = () => tabForPath(location.pathname)?.path;

  function onKeyDown(event: KeyboardEvent, index: number) {
    const target = keyTarget(event.key, index, TABS.length);
    const tab = target === undefined ? undefined : TABS[target];
    if (target === undefined || !tab) return;

    event.preventDefault();
    links[target]?.focus();
    navigate(tab.path);
  }

  return (
    <div
      role="tablist"
      aria-label="Pages"
      class="-mb-px flex overflow-x-auto [scrollbar-width:none]"
    >
      <For each={TABS}>
        {(tab, index) => {
          const isSelected = () => activePath() === tab.path;
          return (
            <A
              href={tab.path}
              ref={(el) => {
                links[index()] = el;
              }}
              id={tab.id}
              role="tab"
              aria-selected={isSelected()}
              aria-controls={TAB_PANEL_ID}
              tabIndex={isSelected() ? 0 : -1}
              onKeyDown={(event) => onKeyDown(event, index())}
              class="flex flex-1 shrink-0 items-center justify-center gap-1.5 whitespace-nowrap
                border-b-2 px-2 py-2.5 text-sm font-medium outline-none transition-colors
                focus-visible:bg-sky-50 focus-visible:ring-2 focus-visible:ring-sky-600
                focus-visible:ring-inset sm:flex-none sm:px-3 dark:focus-visible:bg-slate-800
                dark:focus-visible:ring-sky-400"
              classList={{
                'border-sky-700 text-sky-800 dark:border-sky-400 dark:text-sky-300': isSelected(),
                [UNSELECTED]: !isSelected(),
              }}
            >
              <tab.icon class="hidden size-4 sm:block" />
              {tab.label}
            </A>
          );
        }}
      </For>
    </div>
  );
}

function keyTarget(key: string, index: number, count: number): number | undefined {
  switch (key) {
    case 'ArrowRight':
      return (index + 1) % count;
    case 'ArrowLeft':
      return (index - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return undefined;
  }
}
