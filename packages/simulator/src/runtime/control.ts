import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { FAULT_KINDS, type FaultKind, SCOPED_FAULT_KINDS } from '../http/faults.ts';
import type { Simulator } from './simulator.ts';
import { stateView } from './state-view.ts';

class ControlError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed))
      return parsed as Record<string, unknown>;
  } catch {}
  throw new ControlError(400, 'body must be a JSON object');
}

function authorized(sim: Simulator, req: IncomingMessage): boolean {
  const given = Buffer.from(req.headers.authorization ?? '');
  const expected = Buffer.from(`Bearer ${sim.controlToken}`);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function optionalNumber(body: Record<string, unknown>, key: string): number | undefined {
  const value = body[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value))
    throw new ControlError(400, `${key} must be a number`);
  return value;
}

function optionalString(body: Record<string, unknown>, key: string): string | undefined {
  const value = body[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new ControlError(400, `${key} must be a string`);
  return value;
}

/** Checks `datastore` and `namespace`: both must exist on the targeted PBS. */
function faultScope(
  sim: Simulator,
  target: string,
  kind: FaultKind,
  body: Record<string, unknown>,
) {
  const datastore = optionalString(body, 'datastore');
  const namespace = optionalString(body, 'namespace');
  if (datastore === undefined) {
    if (namespace !== undefined) throw new ControlError(400, 'namespace needs a datastore');
    return {};
  }
  const pbs = sim.world.findPbs(target);
  if (!pbs) throw new ControlError(400, 'datastore faults must target a PBS endpoint');
  if (!SCOPED_FAULT_KINDS.includes(kind))
    throw new ControlError(
      400,
      `a datastore or namespace fault must be one of ${SCOPED_FAULT_KINDS.join(', ')}`,
    );
  const store = pbs.spec.datastores.find((d) => d.name === datastore);
  if (!store) throw new ControlError(400, `${target} has no datastore ${datastore}`);
  if (namespace !== undefined && namespace !== '' && !store.namespaces.includes(namespace))
    throw new ControlError(400, `datastore ${datastore} has no namespace ${namespace}`);
  return namespace === undefined ? { datastore } : { datastore, namespace };
}

async function addFault(sim: Simulator, body: Record<string, unknown>) {
  const { target, kind } = body;
  if (typeof target !== 'string' || !sim.isKnownTarget(target))
    throw new ControlError(400, `unknown target ${JSON.stringify(target)}`);
  if (!FAULT_KINDS.includes(kind as FaultKind))
    throw new ControlError(400, `kind must be one of ${FAULT_KINDS.join(', ')}`);
  const fault = await sim.addFault({
    target,
    kind: kind as FaultKind,
    value: optionalNumber(body, 'value'),
    rate: optionalNumber(body, 'rate'),
    ...faultScope(sim, target, kind as FaultKind, body),
  });
  return { id: fault.id };
}

function steerGuest(sim: Simulator, vmid: number, body: Record<string, unknown>) {
  const found = sim.world.findGuest(vmid);
  if (!found) throw new ControlError(404, `guest ${vmid} not found`);
  const { pve, guest } = found;
  if (body.status !== undefined) {
    if (body.status !== 'running' && body.status !== 'stopped')
      throw new ControlError(400, 'status must be running or stopped');
    sim.world.setStatus(pve, guest, body.status);
  }
  const cpu = optionalNumber(body, 'cpu');
  if (cpu !== undefined) guest.cpuOverride = Math.min(1, Math.max(0, cpu));
  const mem = optionalNumber(body, 'mem');
  if (mem !== undefined) guest.memOverride = Math.max(0, Math.floor(mem));
  if (typeof body.node === 'string') {
    if (!pve.nodes.has(body.node))
      throw new ControlError(400, `node ${body.node} is not in ${pve.spec.name}`);
    sim.world.migrate(pve, guest, body.node);
  }
  return { vmid, node: guest.node, status: guest.status };
}

async function route(sim: Simulator, req: IncomingMessage, parts: string[]): Promise<unknown> {
  const key = `${req.method} ${parts[0] ?? ''}`;
  if (key === 'GET state') return stateView(sim);
  if (key === 'GET faults') return sim.faults.list();
  if (key === 'POST faults') return addFault(sim, await readJson(req));
  if (key === 'DELETE faults' && parts[1]) {
    if (!(await sim.removeFault(parts[1])))
      throw new ControlError(404, `fault ${parts[1]} not found`);
    return { removed: 1 };
  }
  if (key === 'DELETE faults') return { removed: await sim.clearFaults() };
  if (key === 'POST guests' && parts[1] && /^\d+$/.test(parts[1]))
    return steerGuest(sim, Number(parts[1]), await readJson(req));
  if (key === 'POST clock') {
    const advance = optionalNumber(await readJson(req), 'advance') ?? 0;
    if (advance < 0)
      throw new ControlError(
        400,
        'advance must not be negative: simulated time only moves forward',
      );
    sim.world.clock.advance(advance);
    return { time: sim.world.now() };
  }
  if (key === 'GET stats') return sim.stats.snapshot();
  if (key === 'POST stats' && parts[1] === 'reset') {
    sim.stats.reset();
    return { reset: true };
  }
  throw new ControlError(404, `no control route ${req.method} /_sim/${parts.join('/')}`);
}

/** The `/_sim/` control API, on every listener, behind the control token. */
export async function handleControl(
  sim: Simulator,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
) {
  if (!authorized(sim, req))
    return reply(res, 401, {
      error: 'control token required (Authorization: Bearer <controlToken>)',
    });
  try {
    reply(
      res,
      200,
      await route(sim, req, url.pathname.slice('/_sim/'.length).split('/').filter(Boolean)),
    );
  } catch (err) {
    const status = err instanceof ControlError ? err.status : 500;
    reply(res, status, { error: (err as Error).message });
  }
}
