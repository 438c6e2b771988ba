import { AddNodeHint } from '../components/AddNodeHint.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { StorageIcon } from '../components/Icons.tsx';

export function StoragePage() {
  return (
    <EmptyState icon={StorageIcon} title="Storage">
      <p>
        Every storage of your Proxmox VE nodes will be listed here with its type, content, usage and
        free space.
      </p>
      <AddNodeHint />
    </EmptyState>
  );
}
