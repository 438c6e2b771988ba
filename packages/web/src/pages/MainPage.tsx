import { Match, Show, Switch } from 'solid-js';
import { AddNodeHint } from '../components/AddNodeHint.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { DashboardIcon } from '../components/Icons.tsx';
import { createMediaQuery, PHONE_QUERY } from '../lib/browser-signals.ts';
import { liveState } from '../stores/live-state.ts';
import { DetailDrawer } from './main/DetailDrawer.tsx';
import { GuestsSection } from './main/GuestsSection.tsx';
import { createMainModel } from './main/main-model.ts';
import { NodeSummary } from './main/NodeSummary.tsx';
import { MainSkeleton } from './main/Skeletons.tsx';
import { StaleNotice } from './main/StaleNotice.tsx';
import { useGuestView } from './main/use-guest-view.ts';

/** Nodes and backup servers at a glance, then every guest grouped by node. */
export function MainPage() {
  return (
    <Switch fallback={<MainView />}>
      <Match when={liveState.isLoading()}>
        <MainSkeleton message="Connecting to Pulse…" />
      </Match>
      <Match when={liveState.hasNoEndpoints()}>
        <EmptyState icon={DashboardIcon} title="Your Proxmox overview">
          <p>
            Every node, VM and container will appear here with live CPU, memory, disk and network
            use, grouped by node.
          </p>
          <AddNodeHint />
        </EmptyState>
      </Match>
      <Match when={liveState.isAwaitingFirstPoll()}>
        <MainSkeleton message="Waiting for the first poll of your nodes…" />
      </Match>
    </Switch>
  );
}

function MainView() {
  const state = useGuestView();
  const model = createMainModel(state);
  const isPhone = createMediaQuery(PHONE_QUERY);
  const toggleNode = (name: string) =>
    state.update({ node: state.view().node === name ? '' : name });

  return (
    <div class="space-y-5">
      <StaleNotice />
      <NodeSummary
        nodes={liveState.nodes()}
        pbs={liveState.pbs()}
        alertsByResource={liveState.alertsByResource()}
        selectedNode={state.view().node}
        isPhone={isPhone()}
        onToggleNode={toggleNode}
        onOpenNode={(node) => state.openDetail(node.id)}
      />
      <GuestsSection model={model} state={state} isPhone={isPhone()} />
      <Show when={model.detailTarget()}>
        {(target) => <DetailDrawer target={target()} onClose={state.closeDetail} />}
      </Show>
    </div>
  );
}
