import { EmptyState } from '../components/EmptyState.tsx';
import { SettingsIcon } from '../components/Icons.tsx';

export function SettingsPage() {
  return (
    <EmptyState icon={SettingsIcon} title="Settings">
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
