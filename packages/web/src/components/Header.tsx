import type { VersionResponse } from '@pulse/contract';
import { A } from '@solidjs/router';
import { Show } from 'solid-js';
import { ConnectionBadge } from './ConnectionBadge.tsx';
import { LogoMark } from './LogoMark.tsx';
import { UserMenu } from './security/UserMenu.tsx';
import { TabBar } from './TabBar.tsx';
import { ThemeToggle } from './ThemeToggle.tsx';

export interface HeaderProps {
  version: VersionResponse | undefined;
}

export function Header(props: HeaderProps) {
  return (
    // Same background as the page: the reserved scrollbar gutter (styles.css) shows the page
    // colour, and a contrasting header would end 15 px short of the window edge.
    <header class="border-b border-gray-200 dark:border-slate-800">
      <div class="mx-auto flex h-12 max-w-screen-2xl items-center gap-3 px-3 sm:px-6">
        <A
          href="/"
          class="flex items-center gap-2 rounded-md outline-none focus-visible:ring-2
            focus-visible:ring-sky-600 dark:focus-visible:ring-sky-400"
        >
          <LogoMark />
          <span class="text-lg font-semibold tracking-tight">Pulse</span>
        </A>
        <Show when={props.version?.channel === 'rc'}>
          <span
            class="rounded bg-amber-100 px-1.5 py-0.5 text-xs font-semibold text-amber-900
            dark:bg-amber-900 dark:text-amber-100"
          >
            RC
          </span>
        </Show>
        <div class="ml-auto flex items-center gap-2">
          <ConnectionBadge />
          <ThemeToggle />
          <UserMenu />
        </div>
      </div>
      <nav aria-label="Main" class="mx-auto max-w-screen-2xl px-1 sm:px-4">
        <TabBar />
      </nav>
    </header>
  );
}
