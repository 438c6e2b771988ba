import { A, useLocation } from '@solidjs/router';
import { EmptyState } from '../components/EmptyState.tsx';
import { DashboardIcon } from '../components/Icons.tsx';

export function NotFoundPage() {
  const location = useLocation();
  return (
    <EmptyState
      icon={DashboardIcon}
      title="Page not found"
      actions={
        <A
          href="/"
          class="rounded-md bg-sky-700 px-3 py-1.5 text-sm font-medium text-white outline-none
            hover:bg-sky-800 focus-visible:ring-2 focus-visible:ring-sky-600
            focus-visible:ring-offset-2 dark:bg-sky-500 dark:text-slate-950 dark:hover:bg-sky-400"
        >
          Back to Main
        </A>
      }
    >
      <p>
        There is no page at <code>{location.pathname}</code>.
      </p>
    </EmptyState>
  );
}
