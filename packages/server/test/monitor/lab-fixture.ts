import {
  type ControlClient,
  type SimulatedEndpoint,
  type SimulatorHandle,
  simControl,
  startSimulator,
} from '@pulse/simulator';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';

/**
 * The simulator's clock, frozen (at the real time, so "the last 24 hours" agree) for ground
 * truth and polls to read the same instant; tests move it with `/_sim/clock`.
 */
const FROZEN_AT = Date.now();

export interface Lab {
  sim: SimulatorHandle;
  endpoint(name: string): SimulatedEndpoint;
  control(name: string): ControlClient;
  stop(): Promise<void>;
}

export async function startLab(scenario = 'lab'): Promise<Lab> {
  const sim = await startSimulator({ scenario, now: () => FROZEN_AT });
  const endpoint = (name: string) => {
    const found = sim.endpoints.find((e) => e.name === name);
    if (!found) throw new Error(`no simulated endpoint ${name}`);
    return found;
  };
  return {
    sim,
    endpoint,
    control: (name) => simControl(endpoint(name)),
    stop: () => sim.stop(),
  };
}

export interface NodeOptions {
  name?: string;
  host?: string;
  fingerprint?: string;
  auth?: 'token' | 'password';
}

/** The body that configures a simulated endpoint as a Pulse node: token auth, pinned. */
export function nodeBody(endpoint: SimulatedEndpoint, options: NodeOptions = {}) {
  const auth =
    options.auth === 'password'
      ? { user: endpoint.user, password: endpoint.password }
      : { tokenName: endpoint.tokenId, tokenValue: endpoint.tokenSecret };
  return {
    type: endpoint.type,
    name: options.name ?? endpoint.name,
    host: options.host ?? endpoint.url,
    fingerprint: options.fingerprint ?? endpoint.fingerprint,
    verifySSL: true,
    ...auth,
  };
}

/** A Pulse app (not listening, so only the test drives polls) with no auth. */
export async function startPulse(env: NodeJS.ProcessEnv = {}): Promise<TestApp> {
  return startTestApp(
    { DISABLE_AUTH: 'true', LOG_LEVEL: 'info', CONNECTION_TIMEOUT: '2', ...env },
    { listen: false },
  );
}

export async function addNode(pulse: TestApp, body: ReturnType<typeof nodeBody>): Promise<string> {
  const res = await pulse.app.http.inject({
    method: 'POST',
    url: '/api/config/nodes',
    payload: body,
  });
  if (res.statusCode !== 201) throw new Error(`adding ${body.name} failed: ${res.body}`);
  return (res.json() as { id: string }).id;
}
