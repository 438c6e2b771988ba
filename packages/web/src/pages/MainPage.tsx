import { AddNodeHint } from '../components/AddNodeHint.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { DashboardIcon } from '../components/Icons.tsx';

export function MainPage() {
  return (
    <EmptyState icon={DashboardIcon} title="Your Proxmox overview">
      <p>
        Every node, VM and container will appear here with live CPU, memory, disk and network use,
        grouped by node.
      </p>
      <AddNodeHint />
    </EmptyState>
  );
}
