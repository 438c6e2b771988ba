import { AddNodeHint } from '../components/AddNodeHint.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { AlertIcon } from '../components/Icons.tsx';

export function AlertsPage() {
  return (
    <EmptyState icon={AlertIcon} title="No alerts">
      <p>
        Pulse raises an alert when a node, guest or storage crosses a threshold or goes offline, and
        lists it here until it clears.
      </p>
      <AddNodeHint />
    </EmptyState>
  );
}
