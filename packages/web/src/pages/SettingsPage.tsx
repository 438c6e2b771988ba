import { A } from '@solidjs/router';
import { EmptyState } from '../components/EmptyState.tsx';
import { SettingsIcon } from '../components/Icons.tsx';

export function SettingsPage() {
  return (
    <EmptyState
      icon={SettingsIcon}
      title="Settings"
      actions={
        <A
          href="/settings/security"
          class="rounded-md bg-sky-700 px-3 py-1.5 text-sm font-medium text-white outline-none
            hover:bg-sky-800 focus-visible:ring-2 focus-visible:ring-sky-600
            focus-visible:ring-offset-2 dark:bg-sky-500 dark:text-slate-950 dark:hover:bg-sky-400"
        >
          Security
        </A>
      }
    >
      <p>
        Proxmox VE and Backup Server nodes, alert thresholds, notifications and security will be
        configured here.
      </p>
      <p>
        This page is not ready yet. Until it is, Pulse takes its settings from environment
        variables, and <code>npm run demo</code> shows it monitoring a simulated lab.
      </p>
    </EmptyState>
  );
}
