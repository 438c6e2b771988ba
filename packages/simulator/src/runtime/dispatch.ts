import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { ApiError } from '../http/api-error.ts';
import { authenticate, type Caller, checkCsrf } from '../http/authenticate.ts';
import { type FaultScope, faultMessage } from '../http/faults.ts';
import { type Flavor, readBody, sendData, sendError } from '../http/respond.ts';
import { checkParams, type Match, type Router } from '../http/router.ts';
import { isPve, type PbsState, type PveState } from '../model/world.ts';
import type { PbsContext } from '../pbs/context.ts';
import { pbsRouter } from '../pbs/routes.ts';
import type { PveContext } from '../pve/context.ts';
import { isProxied, pveRouter } from '../pve/routes.ts';
import { handleControl } from './control.ts';
import type { Listener } from './listener.ts';
import type { Simulator } from './simulator.ts';

const API_PREFIX = '/api2/json';

function flavorOf(listener: Listener): Flavor {
  const spec = listener.endpoint.spec;
  return { product: spec.type, messageInBody: spec.type === 'pve' && spec.major >= 8 };
}

const DATASTORE_PATH = /^\/api2\/json\/admin\/datastore\/([^/]+)(?:\/|$)/;

/**
 * The datastore and namespace a PBS request is about: `ns` for groups and snapshots,
 * `parent` for the namespace list.
 */
function pbsScope(listener: Listener, url: URL): FaultScope | undefined {
  if (listener.endpoint.spec.type !== 'pbs') return undefined;
  const store = DATASTORE_PATH.exec(url.pathname)?.[1];
  if (store === undefined) return undefined;
  const namespace = url.searchParams.get('ns') ?? url.searchParams.get('parent') ?? '';
  return { datastore: decodeURIComponent(store), namespace };
}

/** Applies the faults aimed at this listener; true when the request was answered (or held). */
async function applyFaults(
  sim: Simulator,
  listener: Listener,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
) {
  const targets = sim.targets(listener);
  const scope = pbsScope(listener, url);
  if (sim.faults.find('hang', targets)) {
    listener.hung.add(res);
    res.on('close', () => listener.hung.delete(res));
    return true;
  }
  const latency = sim.faults.find('latency', targets, scope);
  if (latency) await sleep(latency.value ?? 1_000);
  const error = sim.faults.find('error', targets, scope);
  if (error && sim.faults.strikes(error)) {
    sendError(req, res, flavorOf(listener), new ApiError(error.value ?? 500, faultMessage(error)));
    return true;
  }
  const malformed = sim.faults.find('malformed', targets, scope);
  if (malformed && sim.faults.strikes(malformed)) {
    res.writeHead(200, { 'content-type': 'application/json;charset=UTF-8' });
    res.end('{"data":[{"id":"node/');
    return true;
  }
  return false;
}

interface Prepared<C> {
  match: Match<C>;
  query: Record<string, string>;
  caller?: Caller;
  body: Record<string, string>;
}

async function prepare<C>(
  sim: Simulator,
  listener: Listener,
  router: Router<C>,
  req: IncomingMessage,
  url: URL,
) {
  const method = req.method ?? 'GET';
  const path = url.pathname.slice(API_PREFIX.length) || '/';
  const match = router.match(method, path.replace(/\/$/, '') || '/');
  if (!match) {
    const pve = listener.endpoint.spec.type === 'pve';
    throw new ApiError(
      pve ? 501 : 404,
      pve ? `Method '${method} ${path}' not implemented` : `Path '${url.pathname}' not found.`,
    );
  }
  const creds = sim.credentials.get(listener.endpoint.spec.name)!;
  const now = sim.world.now();
  const revoked = sim.faults.find('auth-revoked', sim.targets(listener)) !== undefined;
  const caller = match.route.public ? undefined : authenticate(req, creds, now, revoked);
  if (caller) checkCsrf(req, caller, creds, now);
  const query = Object.fromEntries(url.searchParams);
  checkParams(match.route.params ?? {}, query);
  const body = method === 'GET' ? {} : await readBody(req);
  return { match, query, caller, body } satisfies Prepared<C>;
}

function pveContext(
  sim: Simulator,
  listener: Listener,
  pve: PveState,
  req: IncomingMessage,
  p: Prepared<PveContext>,
): PveContext {
  const name = pve.spec.name;
  const member = (node: string) => sim.listenersOf(name).find((l) => l.node === node);
  return {
    world: sim.world,
    pve,
    creds: sim.credentials.get(name)!,
    caller: p.caller,
    local: listener.node ?? pve.spec.nodes[0]!.node,
    isDown: (node) => sim.faults.find('down', [name, node, `${name}/${node}`]) !== undefined,
    isAgentGone: (g) =>
      sim.faults.find('agent-gone', [name, g.node, `${name}/${g.node}`, String(g.spec.vmid)]) !==
      undefined,
    nodeAddress: (node) => member(node)?.host ?? listener.host,
    nodeFingerprint: (node) => member(node)?.cert?.fingerprint ?? listener.cert?.fingerprint ?? '',
    pbsAddress: (endpoint) => {
      // The certificate the PBS was set up with: PVE keeps that pin even if the PBS rotates.
      const pbs = sim.listenersOf(endpoint)[0];
      return pbs && { host: pbs.host, port: pbs.port, fingerprint: pbs.cert?.fingerprint ?? '' };
    },
    body: p.body,
    req,
  };
}

/** What the receiving member does when it must forward to an unreachable node (595/596). */
async function checkForward(sim: Simulator, ctx: PveContext, p: Prepared<PveContext>) {
  const target = p.match.path.node;
  if (
    !isProxied(p.match.route.path) ||
    !target ||
    target === ctx.local ||
    !ctx.pve.nodes.has(target)
  )
    return;
  const name = ctx.pve.spec.name;
  if (ctx.isDown(target))
    throw new ApiError(
      595,
      `Errors during connection establishment, proxy handshake: Connection refused`,
    );
  const hang = sim.faults.find('hang', [target, `${name}/${target}`]);
  if (hang) {
    await sleep(Math.min(hang.value ?? 3_000, 30_000));
    throw new ApiError(596, 'Connection timed out');
  }
}

async function servePve(
  sim: Simulator,
  listener: Listener,
  pve: PveState,
  req: IncomingMessage,
  url: URL,
) {
  const p = await prepare(sim, listener, pveRouter, req, url);
  const ctx = pveContext(sim, listener, pve, req, p);
  await checkForward(sim, ctx, p);
  return { result: await p.match.route.handle(ctx, { path: p.match.path, query: p.query }), p };
}

async function servePbs(
  sim: Simulator,
  listener: Listener,
  pbs: PbsState,
  req: IncomingMessage,
  url: URL,
) {
  const p = await prepare(sim, listener, pbsRouter, req, url);
  const ctx: PbsContext = {
    world: sim.world,
    pbs,
    creds: sim.credentials.get(pbs.spec.name)!,
    caller: p.caller,
    fingerprint: listener.cert?.fingerprint ?? '',
    datastoreError: (store) => {
      const fault = sim.faults.datastoreError(sim.targets(listener), store);
      return fault && faultMessage(fault);
    },
    body: p.body,
    req,
  };
  return { result: await p.match.route.handle(ctx, { path: p.match.path, query: p.query }), p };
}

const INDEX_HTML =
  '<!DOCTYPE html>\n<html><head><title>Proxmox</title></head><body></body></html>\n';

/** Serves one request of a simulated endpoint: control API, faults, then the Proxmox API. */
export async function dispatch(
  sim: Simulator,
  listener: Listener,
  req: IncomingMessage,
  res: ServerResponse,
) {
  const started = performance.now();
  if (!listener.up) {
    // A request on a connection kept alive from before a `down` fault: the host is gone.
    req.socket.destroy();
    return;
  }
  const url = new URL(req.url ?? '/', 'http://simulator');
  if (url.pathname.startsWith('/_sim/')) return handleControl(sim, req, res, url);
  if (await applyFaults(sim, listener, req, res, url)) return;
  if (!url.pathname.startsWith(`${API_PREFIX}/`) && url.pathname !== API_PREFIX) {
    res.writeHead(200, { 'content-type': 'text/html;charset=UTF-8' }).end(INDEX_HTML);
    return;
  }
  const flavor = flavorOf(listener);
  let route = 'unmatched';
  let identity = 'anonymous';
  let bytes: number;
  try {
    const endpoint = listener.endpoint;
    const { result, p } = isPve(endpoint)
      ? await servePve(sim, listener, endpoint, req, url)
      : await servePbs(sim, listener, endpoint, req, url);
    route = `${p.match.route.method} ${p.match.route.path}`;
    identity = p.caller?.identity.id ?? 'anonymous';
    bytes = sendData(req, res, flavor, result);
  } catch (err) {
    const apiError = err instanceof ApiError ? err : new ApiError(500, (err as Error).message);
    bytes = sendError(req, res, flavor, apiError);
  }
  sim.stats.record(
    listener.endpoint.spec.name,
    route,
    identity,
    bytes,
    performance.now() - started,
  );
}
