import { AddNodeHint } from '../components/AddNodeHint.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { BackupIcon } from '../components/Icons.tsx';

export function BackupsPage() {
  return (
    <EmptyState icon={BackupIcon} title="Backups">
      <p>
        Snapshots, backups on Proxmox VE storage and backups in Proxmox Backup Server datastores
        will be listed here, newest first, with their size and verification state.
      </p>
      <AddNodeHint />
    </EmptyState>
  );
}
