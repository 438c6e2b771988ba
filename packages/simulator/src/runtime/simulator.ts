import { randomBytes } from 'node:crypto';
import { type CertPair, loadCert, scenarioDir, scenarioKey } from '../http/certs.ts';
import { Credentials } from '../http/credentials.ts';
import { type Fault, FaultRegistry } from '../http/faults.ts';
import { Stats } from '../http/stats.ts';
import type { ScenarioSpec } from '../model/types.ts';
import { type EndpointState, isPve, World } from '../model/world.ts';
import { planAddresses } from './addresses.ts';
import { bindGroup } from './bind.ts';
import {
  bringUp,
  createListener,
  type Listener,
  type RequestHandler,
  takeDown,
  urlOf,
  useCert,
} from './listener.ts';

export interface RuntimeOptions {
  host: string;
  port: number;
  https: boolean;
  certDir: string;
  now?: () => number;
}

/** The running simulator: the world, its listeners, faults and statistics. */
export class Simulator {
  readonly world: World;
  readonly faults = new FaultRegistry();
  readonly stats = new Stats();
  readonly controlToken = randomBytes(18).toString('base64url');
  readonly listeners: Listener[] = [];
  readonly credentials = new Map<string, Credentials>();
  private readonly rotated = new Map<Listener, CertPair>();
  private readonly dir: string;

  constructor(
    readonly spec: ScenarioSpec,
    readonly options: RuntimeOptions,
  ) {
    this.world = new World(spec, options.now);
    this.dir = scenarioDir(options.certDir, spec.name);
  }

  async start(handler: RequestHandler): Promise<void> {
    const key = await scenarioKey(this.dir);
    for (const endpoint of this.spec.endpoints)
      this.credentials.set(endpoint.name, new Credentials(key, endpoint));
    const plans = planAddresses(this.spec.endpoints, this.options.host, this.options.port);
    const states: EndpointState[] = [...this.world.pve, ...this.world.pbs];
    for (const [i, endpoint] of this.spec.endpoints.entries()) {
      const state = states.find((s) => s.spec.name === endpoint.name)!;
      const plan = plans[i]!;
      const nodes = isPve(state)
        ? state.spec.cluster
          ? state.spec.nodes.map((n) => n.node)
          : [state.spec.nodes[0]!.node]
        : [undefined];
      const group = await Promise.all(
        nodes.map((node, m) => this.makeListener(state, node, plan.hosts[m]!, handler)),
      );
      if (plan.separatePorts) {
        for (const listener of group)
          listener.port = await bindGroup(
            [listener.server],
            [listener.host],
            plan.port === 0 ? 0 : plan.port + group.indexOf(listener),
          );
      } else {
        const port = await bindGroup(
          group.map((l) => l.server),
          plan.hosts,
          plan.port,
        );
        for (const listener of group) listener.port = port;
      }
      this.listeners.push(...group);
    }
  }

  private async makeListener(
    state: EndpointState,
    node: string | undefined,
    host: string,
    handler: RequestHandler,
  ) {
    const name = node && state.spec.name !== node ? `${state.spec.name}-${node}` : state.spec.name;
    const cert = this.options.https
      ? await loadCert(this.dir, name, host, node ?? state.spec.name)
      : undefined;
    const listener = createListener(state, node, cert, handler);
    listener.host = host;
    return listener;
  }

  url(listener: Listener): string {
    return urlOf(listener, this.options.https);
  }

  listenersOf(endpoint: string): Listener[] {
    return this.listeners.filter((l) => l.endpoint.spec.name === endpoint);
  }

  /** Names a fault may target: endpoints, nodes, and `endpoint/node`. */
  targets(listener: Listener): string[] {
    const names = [listener.endpoint.spec.name];
    if (listener.node) names.push(listener.node, `${listener.endpoint.spec.name}/${listener.node}`);
    return names;
  }

  private matching(target: string): Listener[] {
    return this.listeners.filter((l) => this.targets(l).includes(target));
  }

  isKnownTarget(target: string): boolean {
    if (this.matching(target).length > 0) return true;
    if (this.world.pve.some((p) => p.nodes.has(target))) return true;
    return /^\d+$/.test(target) && this.world.findGuest(Number(target)) !== undefined;
  }

  async addFault(input: Omit<Fault, 'id'>): Promise<Fault> {
    const fault = this.faults.add(input);
    if (fault.kind === 'backup-failing') {
      this.world.backupFailures.push({
        target: fault.target,
        from: this.world.now(),
        to: Number.POSITIVE_INFINITY,
      });
    }
    for (const listener of this.matching(fault.target)) {
      if (fault.kind === 'down') await takeDown(listener);
      if (fault.kind === 'cert-rotated' && listener.cert)
        useCert(listener, await this.rotatedCert(listener));
    }
    return fault;
  }

  private async rotatedCert(listener: Listener): Promise<CertPair> {
    let cert = this.rotated.get(listener);
    if (!cert) {
      const suffix = `rotated-${randomBytes(3).toString('hex')}`;
      const name = `${listener.endpoint.spec.name}-${listener.node ?? 'pbs'}-${suffix}`;
      cert = await loadCert(
        this.dir,
        name,
        listener.host,
        listener.node ?? listener.endpoint.spec.name,
      );
      this.rotated.set(listener, cert);
    }
    return cert;
  }

  async removeFault(id: string): Promise<Fault | undefined> {
    const fault = this.faults.remove(id);
    if (fault) await this.undo(fault);
    return fault;
  }

  async clearFaults(): Promise<number> {
    const all = this.faults.clear();
    for (const fault of all) await this.undo(fault);
    return all.length;
  }

  private async undo(fault: Fault): Promise<void> {
    const now = this.world.now();
    for (const window of this.world.backupFailures) {
      if (fault.kind === 'backup-failing' && window.target === fault.target && window.to > now)
        window.to = now;
    }
    for (const listener of this.matching(fault.target)) {
      const targets = this.targets(listener);
      if (fault.kind === 'down' && !this.faults.find('down', targets)) await bringUp(listener);
      if (fault.kind === 'hang' && !this.faults.find('hang', targets)) {
        for (const res of listener.hung) res.destroy();
        listener.hung.clear();
      }
      if (
        fault.kind === 'cert-rotated' &&
        listener.cert &&
        !this.faults.find('cert-rotated', targets)
      )
        useCert(listener, listener.cert);
    }
  }

  async stop(): Promise<void> {
    await Promise.all(
      this.listeners.map(async (listener) => {
        for (const res of listener.hung) res.destroy();
        await takeDown(listener);
      }),
    );
  }
}
