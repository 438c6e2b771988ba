import type { NodeConfigRequest, PulseState } from '@pulse/contract';
import {
  type ControlClient,
  type SimulatedEndpoint,
  type SimulatorHandle,
  simControl,
  startSimulator,
} from '@pulse/simulator';
import { type PulseServer, startPulseServer } from './pulse-server.ts';

const DAY_SECONDS = 86_400;

export interface MonitoredLabOptions {
  /**
   * Make every backup run of this simulated node in the last 24 hours fail, so Pulse lists
   * failed vzdump tasks (the lab's own failures fall on every third day only).
   */
  failBackupsOfNode?: string;
  /** Extra server environment. Auth is disabled and polling runs every 2 s. */
  env?: Record<string, string>;
}

export interface MonitoredLab {
  pulse: PulseServer;
  simulator: SimulatorHandle;
  endpoints: SimulatedEndpoint[];
  endpoint(name: string): SimulatedEndpoint;
  /** Control client of an endpoint (the first one when unnamed: they share one world). */
  control(name?: string): ControlClient;
  /** GETs a Pulse API path (`/api/...`) and returns the parsed JSON. */
  api<T = unknown>(path: string): Promise<T>;
  /** `GET /api/state` of Pulse. */
  state(): Promise<PulseState>;
  /** Resolves the state once the first poll of every lab endpoint has landed in it. */
  waitForFirstPoll(timeoutMs?: number): Promise<PulseState>;
  /** Polls `/api/state` until `accept` holds; throws with the last state's summary if not. */
  waitForState(accept: (state: PulseState) => boolean, timeoutMs?: number): Promise<PulseState>;
  stop(): Promise<void>;
}

/**
 * The simulator `lab` and a real Pulse server (spawned, auth disabled) monitoring every lab
 * endpoint with token auth and pinned certificates. Resolves once the nodes are configured;
 * `waitForFirstPoll()` then waits for their data.
 */
export async function startMonitoredLab(options: MonitoredLabOptions = {}): Promise<MonitoredLab> {
  const simulator = await startLabSimulator(options);
  let pulse: PulseServer;
  try {
    pulse = await startPulseServer({
      env: { DISABLE_AUTH: 'true', POLLING_INTERVAL: '2', ...options.env },
    });
  } catch (err) {
    await simulator.stop();
    throw err;
  }
  const lab = labHandle(simulator, pulse);

  try {
    for (const endpoint of simulator.endpoints) await addNode(pulse.url, endpoint);
  } catch (err) {
    await lab.stop();
    throw err;
  }
  return lab;
}

/**
 * A backup-failing fault only affects runs that start after it is added, so the simulator
 * starts one day behind, takes the fault, and is wound forward to the present: the node's
 * last nightly run then failed, wherever in the day the test happens to run.
 */
async function startLabSimulator(options: MonitoredLabOptions): Promise<SimulatorHandle> {
  const node = options.failBackupsOfNode;
  if (node === undefined) return startSimulator({ scenario: 'lab' });

  const lagMs = DAY_SECONDS * 1000;
  const simulator = await startSimulator({ scenario: 'lab', now: () => Date.now() - lagMs });
  const control = simControl(firstEndpoint(simulator));
  await control.addFault({ target: node, kind: 'backup-failing' });
  await control.advanceClock(DAY_SECONDS);
  return simulator;
}

function firstEndpoint(simulator: SimulatorHandle): SimulatedEndpoint {
  const first = simulator.endpoints[0];
  if (!first) throw new Error('the simulator serves no endpoint');
  return first;
}

function labHandle(simulator: SimulatorHandle, pulse: PulseServer): MonitoredLab {
  const endpoint = (name: string) => {
    const found = simulator.endpoints.find((e) => e.name === name);
    if (!found) throw new Error(`no simulated endpoint ${name}`);
    return found;
  };
  const api = async <T>(path: string) => {
    const response = await fetch(`${pulse.url}${path}`);
    if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
  const state = () => api<PulseState>('/api/state');

  const lab: MonitoredLab = {
    pulse,
    simulator,
    endpoints: simulator.endpoints,
    endpoint,
    control: (name) => simControl(name ? endpoint(name) : firstEndpoint(simulator)),
    api,
    state,
    waitForFirstPoll: (timeoutMs) =>
      lab.waitForState((current) => isFullyPolled(current, simulator.endpoints), timeoutMs),
    async waitForState(accept, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      let last: PulseState | undefined;
      while (Date.now() < deadline) {
        last = await state();
        if (accept(last)) return last;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      throw new Error(`state did not settle in ${timeoutMs} ms: ${summary(last)}`);
    },
    async stop() {
      await pulse.stop();
      await simulator.stop();
    },
  };
  return lab;
}

/** Adds a simulated endpoint to the Pulse at `url` as a node, through the config API. */
export async function addNode(url: string, endpoint: SimulatedEndpoint): Promise<void> {
  const body: NodeConfigRequest = {
    type: endpoint.type,
    name: endpoint.name,
    host: endpoint.url,
    tokenName: endpoint.tokenId,
    tokenValue: endpoint.tokenSecret,
    fingerprint: endpoint.fingerprint,
    verifySSL: true,
  };
  const response = await fetch(`${url}/api/config/nodes`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) {
    throw new Error(`adding ${endpoint.name}: ${response.status} ${await response.text()}`);
  }
}

function isFullyPolled(state: PulseState, endpoints: SimulatedEndpoint[]): boolean {
  return endpoints.every((endpoint) => {
    const key = endpoint.type === 'pbs' ? `pbs-${endpoint.name}` : endpoint.name;
    const health = state.connections.find((connection) => connection.id === key);
    return health !== undefined && health.lastSuccess !== null;
  });
}

function summary(state: PulseState | undefined): string {
  if (!state) return 'no answer';
  const connections = state.connections.map((c) => `${c.id}=${c.status}`).join(', ');
  const counts = `${state.nodes.length} nodes, ${state.storage.length} storages`;
  return `connections [${connections}], ${counts}`;
}
