import { type RouteSectionProps, useLocation } from '@solidjs/router';
import { createEffect, createResource, on } from 'solid-js';
import { getVersion } from './api/version.ts';
import { Footer } from './components/Footer.tsx';
import { Header } from './components/Header.tsx';
import { TAB_PANEL_ID } from './components/TabBar.tsx';
import { tabForPath } from './routes.tsx';
import { connection } from './stores/connection.ts';
import { applyTheme } from './stores/theme.ts';

/** The shell around every page: header with tabs, the page as the tab panel, footer. */
export function App(props: RouteSectionProps) {
  const location = useLocation();
  const activeTab = () => tabForPath(location.pathname);
  const [version, { refetch }] = createResource(() => getVersion());

  createEffect(applyTheme);
  createEffect(() => {
    const tab = activeTab();
    document.title = tab && tab.path !== '/' ? `${tab.label} · Pulse` : 'Pulse';
  });
  // A reconnect may mean the server restarted, possibly as a newer version.
  createEffect(
    on(connection.attempts, (attempts, previous) => {
      if (attempts === 0 && previous !== undefined && previous > 0) void refetch();
    }),
  );

  return (
    <div class="flex min-h-dvh flex-col">
      <a
        href={`#${TAB_PANEL_ID}`}
        class="sr-only rounded-md bg-white px-3 py-2 text-sm font-medium text-sky-800
          focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-10 focus:ring-2
          focus:ring-sky-600"
      >
        Skip to content
      </a>
      <Header version={version.state === 'ready' ? version() : undefined} />
      <main class="mx-auto w-full max-w-screen-2xl flex-1 px-3 py-4 sm:px-6">
        <div
          id={TAB_PANEL_ID}
          role="tabpanel"
          aria-labelledby={activeTab()?.id}
          tabIndex={-1}
          class="outline-none"
        >
          {props.children}
        </div>
      </main>
      <Footer version={version} />
    </div>
  );
}
