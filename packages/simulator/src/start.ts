import { defaultCertDir } from './http/certs.ts';
import { dispatch } from './runtime/dispatch.ts';
import { Simulator } from './runtime/simulator.ts';
import { loadScenario } from './scenario/load.ts';

/** One simulated Proxmox endpoint and how to reach it, as printed by the CLI. */
export interface SimulatedEndpoint {
  type: 'pve' | 'pbs';
  /** Endpoint name, e.g. `homelab` (a cluster), `pve-solo`, `pbs-main`. */
  name: string;
  /** What a user would type into Pulse, e.g. `https://127.0.1.1:43123`. */
  url: string;
  /** SHA-256 of the certificate as Proxmox shows it (`AB:CD:...`); empty over plain HTTP. */
  fingerprint: string;
  user: string;
  password: string;
  /** Full token id: `pulse@pve!monitor` or `pulse@pbs!monitor`. */
  tokenId: string;
  tokenSecret: string;
  /** Bearer token of the `/_sim/` control API. */
  controlToken: string;
  /** PVE major version (7, 8, 9) or PBS major version (3, 4). */
  version: number;
  cluster?: string;
  /** Every cluster member's own URL and certificate fingerprint. */
  members?: { node: string; url: string; fingerprint: string }[];
  /** Other API tokens of the endpoint, with narrower privileges, for permission tests. */
  extraTokens: { tokenId: string; tokenSecret: string }[];
}

export interface SimulatorHandle {
  endpoints: SimulatedEndpoint[];
  stop(): Promise<void>;
}

export interface SimulatorOptions {
  /** `lab`, `scale-N`, or a path to a JSON scenario file. */
  scenario: string;
  /** @default '127.0.0.1' */
  host?: string;
  /** @default 0 (ephemeral) */
  port?: number;
  /** Plain HTTP instead of HTTPS. */
  http?: boolean;
  /** Where certificates and credentials are cached. @default `<os tmpdir>/pulse-simulator` */
  certDir?: string;
  seed?: number;
  /** Clock source in milliseconds, for tests. @default Date.now */
  now?: () => number;
}

function describe(sim: Simulator, name: string): SimulatedEndpoint {
  const listeners = sim.listenersOf(name);
  const first = listeners[0]!;
  const spec = first.endpoint.spec;
  const creds = sim.credentials.get(name)!;
  const tokenId = spec.type === 'pve' ? 'pulse@pve!monitor' : 'pulse@pbs!monitor';
  const extraTokens = spec.identities
    .filter((i) => i.id.includes('!') && i.id !== tokenId)
    .map((i) => ({ tokenId: i.id, tokenSecret: creds.tokenSecret(i.id)! }));
  const endpoint: SimulatedEndpoint = {
    type: spec.type,
    name,
    url: sim.url(first),
    fingerprint: first.cert?.fingerprint ?? '',
    user: 'root@pam',
    password: creds.password,
    tokenId,
    tokenSecret: creds.tokenSecret(tokenId)!,
    controlToken: sim.controlToken,
    version: spec.major,
    extraTokens,
  };
  if (spec.type === 'pve' && spec.cluster) {
    endpoint.cluster = spec.cluster;
    endpoint.members = listeners.map((l) => ({
      node: l.node!,
      url: sim.url(l),
      fingerprint: l.cert?.fingerprint ?? '',
    }));
  }
  return endpoint;
}

/** Starts every endpoint of a scenario on its own listener(s). */
export async function startSimulator(options: SimulatorOptions): Promise<SimulatorHandle> {
  const spec = loadScenario(options.scenario, options.seed);
  const sim = new Simulator(spec, {
    host: options.host ?? '127.0.0.1',
    port: options.port ?? 0,
    https: !options.http,
    certDir: options.certDir ?? defaultCertDir(),
    now: options.now,
  });
  try {
    await sim.start((listener, req, res) => {
      dispatch(sim, listener, req, res).catch((err: unknown) => {
        if (!res.headersSent) res.writeHead(500).end(String(err));
      });
    });
  } catch (err) {
    await sim.stop();
    throw err;
  }
  return { endpoints: spec.endpoints.map((e) => describe(sim, e.name)), stop: () => sim.stop() };
}
