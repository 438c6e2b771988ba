import type { Route } from '../http/router.ts';
import { nodeFigures } from '../model/figures.ts';
import type { StorageSpec } from '../model/types.ts';
import type { NodeState } from '../model/world.ts';
import { bit, guestsOn, may, type PveContext, requirePriv } from './context.ts';
import { resourceEntry, unknownResourceEntry } from './guest-entries.ts';
import { lockOf } from './locks.ts';
import { storagesOf, storageUsage } from './storage-model.ts';
import { pveRelease } from './versions.ts';

type Entry = Record<string, unknown>;

function version(ctx: PveContext): Entry {
  const { version, release, repoid } = pveRelease(ctx.pve.spec.major);
  return { version, release, repoid };
}

function onlineCount(ctx: PveContext): number {
  return [...ctx.pve.nodes.keys()].filter((n) => !ctx.isDown(n)).length;
}

function clusterStatus(ctx: PveContext): Entry[] {
  requirePriv(ctx, '/', ['Sys.Audit']);
  const { pve } = ctx;
  const entries: Entry[] = [];
  if (pve.spec.cluster) {
    const quorate = onlineCount(ctx) * 2 > pve.nodes.size;
    entries.push({
      type: 'cluster',
      id: 'cluster',
      name: pve.spec.cluster,
      nodes: pve.nodes.size,
      quorate: bit(quorate),
      version: pve.nodes.size + 2,
    });
  }
  let nodeid = 0;
  for (const [name, node] of pve.nodes) {
    nodeid += 1;
    const entry: Entry = {
      type: 'node',
      id: `node/${name}`,
      name,
      nodeid,
      ip: ctx.nodeAddress(name),
      online: bit(!ctx.isDown(name)),
      local: bit(name === ctx.local),
      level: node.spec.level,
    };
    if (!pve.spec.cluster) delete entry.nodeid;
    entries.push(entry);
  }
  return entries;
}

function nodeResource(ctx: PveContext, name: string, node: NodeState): Entry {
  const id = `node/${name}`;
  if (ctx.isDown(name))
    return {
      id,
      type: 'node',
      node: name,
      status: 'offline',
      maxcpu: node.spec.cpus,
      maxmem: node.spec.memTotal,
      level: node.spec.level,
    };
  const f = nodeFigures(ctx.world, guestsOn(ctx, name), node, ctx.world.now());
  return {
    id,
    type: 'node',
    node: name,
    status: 'online',
    cpu: f.cpu,
    maxcpu: node.spec.cpus,
    mem: f.mem,
    maxmem: f.maxmem,
    disk: f.rootUsed,
    maxdisk: f.rootTotal,
    uptime: f.uptime,
    level: node.spec.level,
    'cgroup-mode': 2,
  };
}

function guestResources(ctx: PveContext): Entry[] {
  const { world, pve } = ctx;
  const out: Entry[] = [];
  for (const guest of pve.guests.values()) {
    if (!may(ctx, `/vms/${guest.spec.vmid}`, ['VM.Audit'])) continue;
    if (ctx.isDown(guest.node)) out.push(unknownResourceEntry(guest));
    else out.push(resourceEntry(world, pve, guest, lockOf(world, pve, guest)));
  }
  return out;
}

function storageResources(ctx: PveContext): Entry[] {
  const out: Entry[] = [];
  for (const name of ctx.pve.nodes.keys()) {
    for (const storage of storagesOf(ctx.pve, name)) {
      if (!may(ctx, `/storage/${storage.storage}`, ['Datastore.Audit', 'Datastore.AllocateSpace']))
        continue;
      const id = `storage/${name}/${storage.storage}`;
      const base = {
        id,
        type: 'storage',
        storage: storage.storage,
        node: name,
        plugintype: storage.type,
        content: storage.content.join(','),
        shared: bit(storage.shared),
      };
      if (ctx.isDown(name)) out.push({ ...base, status: 'unknown' });
      else
        out.push({
          ...base,
          status: 'available',
          disk: storageUsage(ctx.world, storage, name),
          maxdisk: storage.total,
        });
    }
  }
  return out;
}

function sdnResources(ctx: PveContext): Entry[] {
  const out: Entry[] = [];
  for (const name of ctx.pve.nodes.keys()) {
    out.push({
      id: `sdn/${name}/localnetwork`,
      type: 'sdn',
      sdn: 'localnetwork',
      node: name,
      status: ctx.isDown(name) ? 'unknown' : 'ok',
    });
    if (ctx.pve.spec.major >= 9) {
      out.push({
        id: `network/${name}/vmbr0`,
        type: 'network',
        network: 'vmbr0',
        'network-type': 'fabric',
        node: name,
        status: 'ok',
        protocol: 'static',
        'zone-type': 'simple',
      });
    }
  }
  return out;
}

function resources(ctx: PveContext, type: string | undefined): Entry[] {
  const out: Entry[] = [];
  if (!type)
    out.push(...ctx.pve.spec.pools.map((pool) => ({ id: `/pool/${pool}`, type: 'pool', pool })));
  if (!type || type === 'node') {
    for (const [name, node] of ctx.pve.nodes) {
      if (may(ctx, `/nodes/${name}`, ['Sys.Audit'])) out.push(nodeResource(ctx, name, node));
    }
  }
  if (!type || type === 'vm') out.push(...guestResources(ctx));
  if (!type || type === 'storage') out.push(...storageResources(ctx));
  if (!type || type === 'sdn') out.push(...sdnResources(ctx));
  return out;
}

function nodeList(ctx: PveContext): Entry[] {
  return [...ctx.pve.nodes].map(([name, node]) => {
    const base = { id: `node/${name}`, type: 'node', node: name };
    if (ctx.isDown(name)) return { ...base, status: 'offline' };
    const f = nodeFigures(ctx.world, guestsOn(ctx, name), node, ctx.world.now());
    return {
      ...base,
      status: 'online',
      cpu: f.cpu,
      maxcpu: node.spec.cpus,
      mem: f.mem,
      maxmem: f.maxmem,
      disk: f.rootUsed,
      maxdisk: f.rootTotal,
      uptime: f.uptime,
      level: node.spec.level,
      ssl_fingerprint: ctx.nodeFingerprint(name),
    };
  });
}

function haStatus(ctx: PveContext): Entry[] {
  requirePriv(ctx, '/', ['Sys.Audit']);
  const { pve } = ctx;
  const managed = [...pve.guests.values()].filter((g) => g.spec.ha);
  if (!pve.spec.cluster && managed.length === 0) return [];
  const now = ctx.world.now();
  const master = [...pve.nodes.keys()].find((n) => !ctx.isDown(n)) ?? ctx.local;
  const quorate = onlineCount(ctx) * 2 > pve.nodes.size;
  const out: Entry[] = [
    {
      id: 'quorum',
      type: 'quorum',
      node: ctx.local,
      status: quorate ? 'OK' : 'No quorum on node',
      quorate: bit(quorate),
    },
    {
      id: 'master',
      type: 'master',
      node: master,
      status: `${master} (active, ${new Date(now * 1000).toUTCString()})`,
      timestamp: now - 4,
    },
  ];
  for (const name of pve.nodes.keys()) {
    const state = ctx.isDown(name)
      ? 'old timestamp - dead?'
      : managed.some((g) => g.node === name)
        ? 'active'
        : 'idle';
    out.push({
      id: `lrm:${name}`,
      type: 'lrm',
      node: name,
      status: `${name} (${state}, ${new Date(now * 1000).toUTCString()})`,
      timestamp: now - 6,
    });
  }
  for (const guest of managed) {
    const sid = `${guest.spec.type === 'qemu' ? 'vm' : 'ct'}:${guest.spec.vmid}`;
    const state = guest.status === 'running' ? 'started' : 'stopped';
    out.push({
      id: `service:${sid}`,
      type: 'service',
      sid,
      node: guest.node,
      state,
      request_state: guest.spec.ha,
      crm_state: state,
      max_relocate: 1,
      max_restart: 1,
      status: `${sid} (${guest.node}, ${state})`,
    });
  }
  return out;
}

function storageConfig(ctx: PveContext): Entry[] {
  return ctx.pve.spec.storages
    .filter((s) =>
      may(ctx, `/storage/${s.storage}`, ['Datastore.Audit', 'Datastore.AllocateSpace']),
    )
    .map((s) => {
      const entry: Entry = {
        storage: s.storage,
        type: s.type,
        content: s.content.join(','),
        digest: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4',
      };
      // Network storages are shared by nature and carry no `shared` key in the config.
      if (s.shared && s.type === 'dir') entry.shared = 1;
      if (s.nodes) entry.nodes = s.nodes.join(',');
      if (s.pbs) Object.assign(entry, pbsStorageConfig(ctx, s.pbs));
      return entry;
    });
}

/**
 * What storage.cfg holds for a PBS storage: the address PVE connects to, the port only when
 * it is not PBS's 8007, and the pinned certificate fingerprint (lower-case, as PBS shows it).
 */
function pbsStorageConfig(ctx: PveContext, pbs: NonNullable<StorageSpec['pbs']>): Entry {
  const address = ctx.pbsAddress(pbs.endpoint);
  const entry: Entry = {
    server: address?.host ?? pbs.endpoint,
    datastore: pbs.datastore,
    username: 'backup@pbs',
  };
  if (address && address.port !== 8007) entry.port = address.port;
  if (pbs.namespace) entry.namespace = pbs.namespace;
  if (address?.fingerprint) entry.fingerprint = address.fingerprint.toLowerCase();
  return entry;
}

export const clusterRoutes: Route<PveContext>[] = [
  { method: 'GET', path: '/version', handle: version },
  { method: 'GET', path: '/cluster/status', handle: clusterStatus },
  {
    method: 'GET',
    path: '/cluster/resources',
    params: { type: ['vm', 'storage', 'node', 'sdn'] },
    handle: (ctx, a) => resources(ctx, a.query.type),
  },
  { method: 'GET', path: '/cluster/ha/status/current', handle: haStatus },
  { method: 'GET', path: '/nodes', handle: nodeList },
  { method: 'GET', path: '/storage', params: { type: 'string' }, handle: storageConfig },
];
