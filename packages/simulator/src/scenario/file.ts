import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import type {
  BackupGroupSpec,
  DatastoreSpec,
  EndpointSpec,
  NodeSpec,
  PbsEndpointSpec,
  PveEndpointSpec,
  ScenarioSpec,
  StorageSpec,
} from '../model/types.ts';
import { baseStorages, buildGuest, buildNode, GIB, type GuestInput } from './build.ts';
import { pbsIdentities, pveIdentities } from './identities.ts';
import { FieldReader, ScenarioError } from './reader.ts';

const NAME = /^[A-Za-z0-9][A-Za-z0-9-]{0,62}$/;
const STORAGE_ID = /^[A-Za-z][A-Za-z0-9\-_.]*$/;
const NAMESPACE = /^(?:[A-Za-z0-9_][A-Za-z0-9._-]*)(?:\/[A-Za-z0-9_][A-Za-z0-9._-]*){0,7}$/;

function readHostPort(r: FieldReader): { host?: string; port?: number } {
  const host = r.optString('host');
  if (host !== undefined && isIP(host) === 0) {
    throw new ScenarioError(`${r.path}.host: expected an IP address, got "${host}"`);
  }
  return { host, port: r.optNumber('port', 0, 65_535, true) };
}

function readNode(seed: number, r: FieldReader): NodeSpec {
  r.only(['node', 'cpus', 'memoryGiB', 'zfs']);
  const node = r.string('node', NAME);
  const cpus = r.optNumber('cpus', 1, 1024, true);
  const memory = r.optNumber('memoryGiB', 1, 65_536);
  const zfsPools = r.list('zfs').map((pool) => {
    pool.only(['name', 'sizeGiB', 'usedFraction', 'health']);
    return {
      name: pool.string('name', /^[A-Za-z][A-Za-z0-9_.:-]*$/),
      size: Math.floor((pool.optNumber('sizeGiB', 1, 1e7) ?? 1024) * GIB),
      usedFraction: pool.optNumber('usedFraction', 0, 1) ?? 0.3,
      health: pool.optOneOf('health', ['ONLINE', 'DEGRADED', 'FAULTED'] as const) ?? 'ONLINE',
    };
  });
  return buildNode(seed, node, {
    ...(cpus ? { cpus } : {}),
    ...(memory ? { memTotal: Math.floor(memory * GIB) } : {}),
    zfsPools,
  });
}

const GUEST_FIELDS = [
  'vmid',
  'node',
  'name',
  'type',
  'status',
  'template',
  'cores',
  'memoryMiB',
  'balloonMiB',
  'diskGiB',
  'tags',
  'lock',
  'pool',
  'ha',
  'agent',
  'os',
  'snapshots',
  'backupStorage',
  'backupFailEvery',
  'cpu',
  'mem',
  'replicateTo',
  'replicateFailingHours',
] as const;

function readGuest(r: FieldReader, nodes: string[]): GuestInput {
  r.only(GUEST_FIELDS);
  const node = r.optString('node') ?? nodes[0]!;
  if (!nodes.includes(node)) {
    throw new ScenarioError(
      `${r.path}.node: "${node}" is not a node of this endpoint (${nodes.join(', ')})`,
    );
  }
  return {
    vmid: r.number('vmid', 100, 999_999_999, true),
    node,
    name: r.optString('name'),
    type: r.optOneOf('type', ['qemu', 'lxc'] as const),
    status: r.optOneOf('status', ['running', 'stopped'] as const),
    template: r.optBoolean('template'),
    cores: r.optNumber('cores', 1, 512, true),
    memoryMiB: r.optNumber('memoryMiB', 16, 4_194_304, true),
    balloonMiB: r.optNumber('balloonMiB', 0, 4_194_304, true),
    diskGiB: r.optNumber('diskGiB', 1, 1_048_576, true),
    tags: r.strings('tags'),
    lock: r.optString('lock'),
    pool: r.optString('pool'),
    ha: r.optBoolean('ha'),
    agent: r.optOneOf('agent', ['ok', 'none', 'not-running', 'unsupported'] as const),
    os: r.optOneOf('os', ['linux', 'windows'] as const),
    snapshots: r.strings('snapshots'),
    backupStorage: r.optString('backupStorage'),
    backupFailEvery: r.optNumber('backupFailEvery', 0, 365, true),
    cpu: r.optNumber('cpu', 0, 1),
    mem: r.optNumber('mem', 0, 1),
  };
}

function readStorage(r: FieldReader, nodes: string[]): StorageSpec {
  r.only(['storage', 'type', 'content', 'shared', 'nodes', 'totalGiB', 'usedFraction', 'pbs']);
  const type = r.oneOf('type', ['dir', 'lvmthin', 'zfspool', 'nfs', 'cifs', 'pbs'] as const);
  const limited = r.strings('nodes');
  for (const node of limited ?? []) {
    if (!nodes.includes(node)) throw new ScenarioError(`${r.path}.nodes: unknown node "${node}"`);
  }
  return {
    storage: r.string('storage', STORAGE_ID),
    type,
    content: r.strings('content') ?? (type === 'pbs' ? ['backup'] : ['images', 'rootdir']),
    shared: r.optBoolean('shared') ?? ['nfs', 'cifs', 'pbs'].includes(type),
    nodes: limited,
    total: Math.floor((r.optNumber('totalGiB', 1, 1e9) ?? 1024) * GIB),
    usedFraction: r.optNumber('usedFraction', 0, 1) ?? 0.4,
    growthPerDay: GIB,
    enabled: true,
    pbs: type === 'pbs' ? readPbsTarget(r) : undefined,
  };
}

function readPbsTarget(storage: FieldReader): StorageSpec['pbs'] {
  const value = (storage.value as Record<string, unknown>).pbs;
  if (typeof value !== 'object' || value === null) {
    throw new ScenarioError(
      `${storage.path}.pbs: a storage of type pbs needs {"endpoint", "datastore", "namespace"}`,
    );
  }
  const r = new FieldReader(value, `${storage.path}.pbs`).only([
    'endpoint',
    'datastore',
    'namespace',
  ]);
  const namespace = r.optString('namespace', NAMESPACE) ?? '';
  return { endpoint: r.string('endpoint'), datastore: r.string('datastore'), namespace };
}

const PVE_FIELDS = [
  'type',
  'name',
  'version',
  'host',
  'port',
  'cluster',
  'nodes',
  'guests',
  'storages',
];

function defaultGuests(nodes: string[]): GuestInput[] {
  return nodes.flatMap((node, i) => [
    { vmid: 100 + i * 10, node, name: `web-${node}` },
    { vmid: 101 + i * 10, node, type: 'lxc' as const, name: `dns-${node}` },
    { vmid: 102 + i * 10, node, name: `lab-${node}`, status: 'stopped' as const },
  ]);
}

function readPve(seed: number, r: FieldReader): PveEndpointSpec {
  r.only(PVE_FIELDS);
  const name = r.string('name', NAME);
  const major = r.oneOf('version', [7, 8, 9] as const);
  const cluster = r.optString('cluster', NAME);
  const nodeReaders = readNodeList(r);
  const nodes = nodeReaders.length
    ? nodeReaders.map((n) => readNode(seed, n))
    : defaultNodeNames(name, cluster).map((n) => buildNode(seed, n));
  const names = nodes.map((n) => n.node);
  const guests = r.has('guests')
    ? r.list('guests').map((g) => readGuest(g, names))
    : defaultGuests(names);
  const storages = r.has('storages')
    ? r.list('storages').map((s) => readStorage(s, names))
    : baseStorages(false, seed);
  checkUnique(
    guests.map((g) => String(g.vmid)),
    `${r.path}.guests`,
    'vmid',
  );
  return {
    type: 'pve',
    name,
    major,
    cluster,
    ...readHostPort(r),
    nodes,
    storages,
    guests: guests.map((g) => buildGuest(seed, g)),
    pools: [...new Set(guests.flatMap((g) => (g.pool ? [g.pool] : [])))],
    replication: replicationJobs(r, names),
    identities: pveIdentities(major),
  };
}

/**
 * Guests may name a node to replicate to; each becomes job `<vmid>-0`, failing for the last
 * `replicateFailingHours` before the anchor when given.
 */
function replicationJobs(r: FieldReader, nodes: string[]): PveEndpointSpec['replication'] {
  return r.list('guests').flatMap((g) => {
    const target = g.optString('replicateTo');
    if (target === undefined) return [];
    if (!nodes.includes(target))
      throw new ScenarioError(`${g.path}.replicateTo: unknown node "${target}"`);
    const failingHours = g.optNumber('replicateFailingHours', 0, 24 * 365);
    return [
      {
        guest: g.number('vmid', 100, 999_999_999, true),
        jobnum: 0,
        target,
        schedule: '*/15',
        ...(failingHours === undefined ? {} : { failingHours }),
      },
    ];
  });
}

/** Nodes may be given as names or as objects; both become readers of `{node, ...}`. */
function readNodeList(r: FieldReader): FieldReader[] {
  const raw = (r.value as Record<string, unknown>).nodes;
  if (raw === undefined) return [];
  if (!Array.isArray(raw) || raw.length === 0) {
    throw new ScenarioError(`${r.path}.nodes: expected a non-empty array of node names or objects`);
  }
  return raw.map(
    (item, i) =>
      new FieldReader(typeof item === 'string' ? { node: item } : item, `${r.path}.nodes[${i}]`),
  );
}

function defaultNodeNames(name: string, cluster: string | undefined): string[] {
  return cluster ? [1, 2, 3].map((i) => `${name}-${i}`) : [name];
}

function checkUnique(values: string[], path: string, what: string): void {
  const seen = new Set<string>();
  for (const value of values) {
    if (seen.has(value)) throw new ScenarioError(`${path}: ${what} ${value} appears twice`);
    seen.add(value);
  }
}

function readGroup(r: FieldReader): BackupGroupSpec {
  r.only(['type', 'id', 'namespace', 'count', 'sizeGiB']);
  return {
    type: r.oneOf('type', ['vm', 'ct', 'host'] as const),
    id: r.string('id', /^[A-Za-z0-9_][A-Za-z0-9._-]*$/),
    namespace: r.optString('namespace', NAMESPACE) ?? '',
    count: r.optNumber('count', 1, 1000, true) ?? 3,
    size: Math.floor((r.optNumber('sizeGiB', 0.001, 1e6) ?? 4) * GIB),
  };
}

function readDatastore(r: FieldReader): DatastoreSpec {
  r.only(['name', 'comment', 'totalGiB', 'usedFraction', 'namespaces', 'groups']);
  const namespaces = r.strings('namespaces') ?? [];
  for (const ns of namespaces) {
    if (!NAMESPACE.test(ns))
      throw new ScenarioError(`${r.path}.namespaces: invalid namespace "${ns}"`);
  }
  return {
    name: r.string('name', /^[A-Za-z0-9_][A-Za-z0-9._-]{2,31}$/),
    comment: r.optString('comment'),
    total: Math.floor((r.optNumber('totalGiB', 1, 1e9) ?? 2048) * GIB),
    usedFraction: r.optNumber('usedFraction', 0, 1) ?? 0.3,
    growthPerDay: 2 * GIB,
    namespaces,
    extraGroups: r.list('groups').map(readGroup),
  };
}

const DEFAULT_GROUPS: BackupGroupSpec[] = [
  { type: 'vm', id: '100', namespace: '', count: 3, size: 8 * GIB },
  { type: 'ct', id: '101', namespace: '', count: 3, size: GIB },
];

function readPbs(r: FieldReader): PbsEndpointSpec {
  r.only(['type', 'name', 'version', 'host', 'port', 'hostname', 'datastores']);
  const major = r.oneOf('version', [3, 4] as const);
  const datastores = r.list('datastores').map(readDatastore);
  const fallback: DatastoreSpec = {
    name: 'store1',
    total: 2048 * GIB,
    usedFraction: 0.3,
    growthPerDay: GIB,
    namespaces: [],
    extraGroups: DEFAULT_GROUPS,
  };
  return {
    type: 'pbs',
    name: r.string('name', NAME),
    major,
    ...readHostPort(r),
    hostname: r.optString('hostname', NAME) ?? 'pbs',
    datastores: datastores.length ? datastores : [fallback],
    identities: pbsIdentities(major),
  };
}

function readEndpoint(seed: number, r: FieldReader): EndpointSpec {
  const type = r.oneOf('type', ['pve', 'pbs'] as const);
  return type === 'pve' ? readPve(seed, r) : readPbs(r);
}

/** Checks that every PBS storage points at a PBS endpoint and datastore of the scenario. */
function checkLinks(spec: ScenarioSpec, path: string): void {
  for (const endpoint of spec.endpoints) {
    if (endpoint.type !== 'pve') continue;
    for (const storage of endpoint.storages) {
      const link = storage.pbs;
      if (!link) continue;
      const pbs = spec.endpoints.find((e) => e.type === 'pbs' && e.name === link.endpoint);
      const store =
        pbs?.type === 'pbs' ? pbs.datastores.find((d) => d.name === link.datastore) : undefined;
      if (!store) {
        throw new ScenarioError(
          `${path}: storage ${storage.storage} of ${endpoint.name} points at ` +
            `${link.endpoint}/${link.datastore}, which the scenario does not define`,
        );
      }
    }
  }
}

/** Turns parsed scenario JSON into a scenario; `path` prefixes every error message. */
export function parseScenario(json: unknown, path = 'scenario'): ScenarioSpec {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new ScenarioError(`${path}: expected a JSON object with "name", "seed" and "endpoints"`);
  }
  const r = new FieldReader(json, path).only(['name', 'seed', 'endpoints']);
  const seed = r.optNumber('seed', 0, 2 ** 32 - 1, true) ?? 1;
  const endpoints = r.list('endpoints').map((e) => readEndpoint(seed, e));
  if (endpoints.length === 0)
    throw new ScenarioError(`${path}.endpoints: expected at least one endpoint`);
  checkUnique(
    endpoints.map((e) => e.name),
    `${path}.endpoints`,
    'name',
  );
  const spec = { name: r.string('name'), seed, endpoints };
  checkLinks(spec, path);
  return spec;
}

/** Reads and parses a scenario file, with errors that name the file. */
export function readScenarioFile(file: string): ScenarioSpec {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new ScenarioError(
      `cannot read scenario file ${file}: ${(err as NodeJS.ErrnoException).code ?? err}`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new ScenarioError(`${file}: not valid JSON (${(err as Error).message})`);
  }
  return parseScenario(json, file);
}
