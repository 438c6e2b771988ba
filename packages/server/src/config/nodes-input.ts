import type { NodeConfigRequest, NodeResponse } from '@pulse/contract';
import { badRequest } from '../errors.ts';
import type { MonitorFlags, NodeConfig } from './nodes-model.ts';

const DEFAULT_PORT = { pve: 8006, pbs: 8007 } as const;

/**
 * `https://` is added when no scheme is given and the product's port when none is, so
 * `10.0.0.5` becomes `https://10.0.0.5:8006` for PVE and `https://10.0.0.5:8007` for PBS.
 */
export function normalizeHost(raw: string, type: 'pve' | 'pbs'): string {
  const withScheme = /^[a-z]+:\/\//i.test(raw) ? raw : `https://${raw}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw badRequest(`host ${raw} is not a valid address`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw badRequest('host must use https:// (or http://)');
  }
  if (url.username || url.password) throw badRequest('host must not contain credentials');
  // URL drops a port equal to the scheme's default (`:443`); keep one the user typed.
  const typed = /^[a-z]+:\/\/[^/]*:(\d+)(?=\/|$)/i.exec(withScheme)?.[1];
  const port = url.port || typed || String(DEFAULT_PORT[type]);
  return `${url.protocol}//${url.hostname}:${port}`;
}

/** Accepts `AB:CD:…` as Proxmox shows it, or plain hex; stores lower-case hex. */
export function normalizeFingerprint(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const hex = raw.replace(/[:\s]/g, '').toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(hex))
    throw badRequest('fingerprint must be a SHA-256 fingerprint (64 hex digits)');
  return hex;
}

function flags(request: NodeConfigRequest, previous?: MonitorFlags): MonitorFlags {
  const pick = (value: boolean | undefined, old: boolean | undefined) => value ?? old ?? true;
  return {
    vms: pick(request.monitorVMs, previous?.vms),
    containers: pick(request.monitorContainers, previous?.containers),
    storage: pick(request.monitorStorage, previous?.storage),
    // PBS backups are always read: they are what a PBS is watched for.
    backups: request.type === 'pbs' ? true : pick(request.monitorBackups, previous?.backups),
    datastores: pick(request.monitorDatastores, previous?.datastores),
    syncJobs: pick(request.monitorSyncJobs, previous?.syncJobs),
    verifyJobs: pick(request.monitorVerifyJobs, previous?.verifyJobs),
    pruneJobs: pick(request.monitorPruneJobs, previous?.pruneJobs),
    garbageJobs: pick(request.monitorGarbageJobs, previous?.garbageJobs),
  };
}

function withRealm(user: string | undefined, type: 'pve' | 'pbs'): string | undefined {
  if (!user) return undefined;
  return user.includes('@') ? user : `${user}@${type === 'pbs' ? 'pbs' : 'pam'}`;
}

/** Exactly one way to log in: a token (ID and secret) or a user with a password. */
function credentials(request: NodeConfigRequest, previous?: NodeConfig) {
  const givesNone = !request.tokenName && !request.tokenValue && !request.user && !request.password;
  if (givesNone && previous && (previous.tokenValue || previous.password)) {
    const { user, password, tokenName, tokenValue } = previous;
    return { user, password, tokenName, tokenValue };
  }
  const tokenName = request.tokenName || (request.tokenValue ? previous?.tokenName : undefined);
  const tokenValue =
    request.tokenValue ||
    (request.tokenName === previous?.tokenName ? previous?.tokenValue : undefined);
  if (tokenName && tokenValue) {
    return { user: withRealm(request.user, request.type), tokenName, tokenValue };
  }
  const user = withRealm(request.user || previous?.user, request.type);
  const password = request.password || (user === previous?.user ? previous?.password : undefined);
  if (user && password) return { user, password };
  throw badRequest('give either tokenName and tokenValue, or user and password');
}

/** Builds the stored config from a request; for an update, empty secrets keep the old ones. */
export function nodeFromRequest(
  id: string,
  request: NodeConfigRequest,
  previous?: NodeConfig,
): NodeConfig {
  const host = normalizeHost(request.host, request.type);
  const name = request.name || new URL(host).hostname;
  const sameHost = previous?.host === host && previous.type === request.type;
  return {
    id,
    type: request.type,
    name,
    host,
    ...credentials(request, previous),
    fingerprint: normalizeFingerprint(request.fingerprint),
    verifySSL: request.verifySSL,
    monitor: flags(request, previous?.monitor),
    ...(sameHost && previous?.cluster ? { cluster: previous.cluster } : {}),
  };
}

/** What `GET /api/config/nodes` shows: everything but the secrets. */
export function nodeResponse(node: NodeConfig, status: NodeResponse['status']): NodeResponse {
  const isPve = node.type === 'pve';
  const m = node.monitor;
  return {
    id: node.id,
    type: node.type,
    name: node.name,
    host: node.host,
    ...(node.user ? { user: node.user } : {}),
    hasPassword: !!node.password,
    ...(node.tokenName ? { tokenName: node.tokenName } : {}),
    hasToken: !!node.tokenValue,
    ...(node.fingerprint ? { fingerprint: node.fingerprint } : {}),
    verifySSL: node.verifySSL,
    ...(isPve
      ? {
          monitorVMs: m.vms,
          monitorContainers: m.containers,
          monitorStorage: m.storage,
          monitorBackups: m.backups,
        }
      : {
          monitorDatastores: m.datastores,
          monitorSyncJobs: m.syncJobs,
          monitorVerifyJobs: m.verifyJobs,
          monitorPruneJobs: m.pruneJobs,
          monitorGarbageJobs: m.garbageJobs,
        }),
    status,
    ...(isPve ? { isCluster: !!node.cluster && node.cluster.endpoints.length > 1 } : {}),
    ...(node.cluster
      ? { clusterName: node.cluster.name, clusterEndpoints: node.cluster.endpoints }
      : {}),
  };
}
