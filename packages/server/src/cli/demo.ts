import type { PulseApp } from '../app.ts';
import type { NodeConfig } from '../config/nodes-model.ts';
import { NodesRepository } from '../config/nodes-repository.ts';
import { serveCommand } from './serve.ts';

/** What Pulse needs of a simulated endpoint to monitor it (the simulator's type, narrowed). */
export interface LabEndpoint {
  type: 'pve' | 'pbs';
  name: string;
  url: string;
  fingerprint: string;
  tokenId: string;
  tokenSecret: string;
}

const ALL_FLAGS = {
  vms: true,
  containers: true,
  storage: true,
  backups: true,
  datastores: true,
  syncJobs: true,
  verifyJobs: true,
  pruneJobs: true,
  garbageJobs: true,
};

/**
 * Configures every lab endpoint as a node with token auth and a pinned certificate. A
 * node from an earlier demo run keeps its ID and history; only its address and secret
 * are refreshed, since the simulator may listen on other ports this time.
 */
export async function configureLab(app: PulseApp, endpoints: LabEndpoint[]): Promise<void> {
  for (const endpoint of endpoints) {
    const existing = app.nodes.findByName(endpoint.name);
    const node: NodeConfig = {
      id: existing?.id ?? NodesRepository.newId(endpoint.type),
      type: endpoint.type,
      name: endpoint.name,
      host: endpoint.url,
      tokenName: endpoint.tokenId,
      tokenValue: endpoint.tokenSecret,
      fingerprint: endpoint.fingerprint.replace(/:/g, '').toLowerCase() || undefined,
      verifySSL: true,
      monitor: ALL_FLAGS,
    };
    app.nodes.save(node);
  }
  await app.monitor.reloadNodes();
}

/** `pulse demo`: the simulated Proxmox lab and Pulse, already monitoring it. */
export async function demoCommand(): Promise<number> {
  // Loaded only here, so `serve` never pulls the simulator in.
  const { startSimulator } = await import('@pulse/simulator');
  const lab = await startSimulator({ scenario: 'lab', host: '127.0.0.1' });

  return serveCommand({
    afterStart: async (app, url) => {
      await configureLab(app, lab.endpoints);
      const shown = url.replace('0.0.0.0', 'localhost');
      process.stdout.write(
        [
          '',
          `Pulse demo: ${shown}`,
          `  monitoring the simulated lab: ${lab.endpoints.map((e) => e.name).join(', ')}`,
          '  login: the first visit asks you to create the admin account',
          '  (or set PULSE_AUTH_USER / PULSE_AUTH_PASS before starting); Ctrl+C stops both',
          '',
        ].join('\n'),
      );
    },
    afterStop: () => lab.stop(),
  });
}
