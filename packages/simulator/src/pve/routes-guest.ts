import { createHash } from 'node:crypto';
import { ApiError } from '../http/api-error.ts';
import type { Route } from '../http/router.ts';
import type { GuestType } from '../model/types.ts';
import { pveUpid } from '../model/upid.ts';
import type { GuestState } from '../model/world.ts';
import { type AgentCommand, agentCommand } from './agent.ts';
import {
  bit,
  guestOf,
  guestsOn,
  identityOf,
  may,
  nodeOf,
  type PveContext,
  requirePriv,
} from './context.ts';
import { listEntry, lxcStatus, qemuStatus } from './guest-entries.ts';
import { lockOf } from './locks.ts';
import { guestRrd, RRD_PARAMS } from './rrd.ts';

type Entry = Record<string, unknown>;

function guestList(ctx: PveContext, node: string, type: GuestType): Entry[] {
  nodeOf(ctx, node);
  const { world, pve } = ctx;
  return guestsOn(ctx, node)
    .filter((g) => g.spec.type === type && may(ctx, `/vms/${g.spec.vmid}`, ['VM.Audit']))
    .map((g) => listEntry(world, pve, g, lockOf(world, pve, g)));
}

function status(ctx: PveContext, guest: GuestState): Entry {
  requirePriv(ctx, `/vms/${guest.spec.vmid}`, ['VM.Audit']);
  const lock = lockOf(ctx.world, ctx.pve, guest);
  if (guest.spec.type === 'lxc') return lxcStatus(ctx.world, ctx.pve, guest, lock);
  return qemuStatus(ctx.world, ctx.pve, guest, lock);
}

/** Snapshots, then the `current` pseudo-snapshot that marks where the guest is now. */
function snapshots(ctx: PveContext, guest: GuestState): Entry[] {
  requirePriv(ctx, `/vms/${guest.spec.vmid}`, ['VM.Audit']);
  const { spec } = guest;
  const qemu = spec.type === 'qemu';
  const out: Entry[] = spec.snapshots.map((snap, i) => {
    const entry: Entry = {
      name: snap.name,
      description: snap.description,
      snaptime: ctx.world.anchor - snap.ageDays * 86_400 + 3_600 * 14 + spec.vmid,
    };
    if (qemu) entry.vmstate = bit(snap.vmstate);
    if (i > 0) entry.parent = spec.snapshots[i - 1]!.name;
    return entry;
  });
  const digest = createHash('sha1')
    .update(`${spec.vmid}:${spec.name}:${guest.status}`)
    .digest('hex');
  const current: Entry = {
    name: 'current',
    description: 'You are here!',
    digest,
    running: bit(guest.status === 'running'),
  };
  const last = spec.snapshots.at(-1);
  if (last) current.parent = last.name;
  return [...out, current];
}

/** `POST .../status/start|stop`: changes the guest at once and answers the task's UPID. */
function power(ctx: PveContext, guest: GuestState, action: 'start' | 'stop'): string {
  requirePriv(ctx, `/vms/${guest.spec.vmid}`, ['VM.PowerMgmt']);
  if (guest.spec.template) throw new ApiError(500, `VM ${guest.spec.vmid} is a template`);
  const { world, pve } = ctx;
  world.setStatus(pve, guest, action === 'start' ? 'running' : 'stopped');
  const prefix = guest.spec.type === 'qemu' ? 'qm' : 'vz';
  const user = identityOf(ctx).id.split('!')[0]!;
  return pveUpid(
    world.seed,
    guest.node,
    world.now(),
    `${prefix}${action}`,
    String(guest.spec.vmid),
    user,
  );
}

function guestRoutes(type: GuestType): Route<PveContext>[] {
  const base = `/nodes/{node}/${type}/{vmid}`;
  const guest = (ctx: PveContext, path: Record<string, string>) => {
    nodeOf(ctx, path.node!);
    return guestOf(ctx, path.node!, path.vmid!, type);
  };
  return [
    {
      method: 'GET',
      path: `/nodes/{node}/${type}`,
      params: type === 'qemu' ? { full: 'boolean' } : {},
      handle: (ctx, a) => guestList(ctx, a.path.node!, type),
    },
    {
      method: 'GET',
      path: `${base}/status/current`,
      handle: (ctx, a) => status(ctx, guest(ctx, a.path)),
    },
    {
      method: 'GET',
      path: `${base}/snapshot`,
      handle: (ctx, a) => snapshots(ctx, guest(ctx, a.path)),
    },
    {
      method: 'GET',
      path: `${base}/rrddata`,
      params: RRD_PARAMS,
      handle: (ctx, a) => guestRrd(ctx, guest(ctx, a.path), a.query),
    },
    {
      method: 'POST',
      path: `${base}/status/start`,
      handle: (ctx, a) => power(ctx, guest(ctx, a.path), 'start'),
    },
    {
      method: 'POST',
      path: `${base}/status/stop`,
      handle: (ctx, a) => power(ctx, guest(ctx, a.path), 'stop'),
    },
  ];
}

function agentRoute(command: AgentCommand): Route<PveContext> {
  return {
    method: 'GET',
    path: `/nodes/{node}/qemu/{vmid}/agent/${command}`,
    handle: (ctx, a) => {
      nodeOf(ctx, a.path.node!);
      return agentCommand(ctx, guestOf(ctx, a.path.node!, a.path.vmid!, 'qemu'), command);
    },
  };
}

export const guestRoutesAll: Route<PveContext>[] = [
  ...guestRoutes('qemu'),
  ...guestRoutes('lxc'),
  agentRoute('get-fsinfo'),
  agentRoute('network-get-interfaces'),
  agentRoute('get-osinfo'),
];
