import type { Guest, GuestDiskStatus } from '@pulse/contract';
import { num, optStr, str } from '../../proxmox/parse.ts';
import type { IoRates } from '../rate-tracker.ts';
import type { VmDetail } from './guest-detail.ts';
import { memory } from './pve-nodes.ts';

export interface GuestInput {
  instance: string;
  /** A `/cluster/resources` entry of type `qemu` or `lxc`. */
  resource: Record<string, unknown>;
  rates: IoRates;
  detail?: VmDetail;
  now: string;
}

const STOPPED_DISK: GuestDiskStatus = {
  source: 'proxmox',
  reason: 'not-running',
  message: 'the VM is not running, so its guest agent cannot be asked',
};

/** Tags are one string; PVE accepts `;`, `,` and spaces between them. */
export function splitTags(value: unknown): string[] {
  return str(value)
    .split(/[;,\s]+/)
    .filter(Boolean);
}

/** QEMU's own state tells a paused or suspended VM from a running one. */
function guestStatus(resource: Record<string, unknown>, detail?: VmDetail): string {
  const status = str(resource.status, 'unknown');
  const qmp = detail?.qmpstatus;
  if (status === 'running' && qmp && qmp !== 'running') return qmp;
  return status;
}

function vmMemory(resource: Record<string, unknown>, running: boolean, detail?: VmDetail) {
  const maxmem = num(resource.maxmem);
  if (!running) return memory(maxmem, 0);
  const balloon = detail?.balloon ?? 0;
  // With ballooning active the VM only has its current balloon size to work with.
  const total = balloon > 0 && balloon < maxmem ? balloon : maxmem;
  return memory(total, Math.min(num(resource.mem), total));
}

function vmDisk(resource: Record<string, unknown>, running: boolean, detail?: VmDetail) {
  if (running && detail?.disk) return memory(detail.disk.total, detail.disk.used);
  return memory(num(resource.maxdisk), num(resource.disk));
}

function diskStatus(type: string, running: boolean, detail?: VmDetail): GuestDiskStatus {
  if (type === 'lxc') return { source: 'proxmox' };
  if (!running) return STOPPED_DISK;
  return detail?.diskStatus ?? { source: 'proxmox', reason: 'pending', message: 'not read yet' };
}

/** A VM or container from its bulk figures, refined by VM detail where it was read. */
export function buildGuest(input: GuestInput): Guest {
  const { resource, detail, rates } = input;
  const type = str(resource.type) === 'lxc' ? 'lxc' : 'qemu';
  const vmid = num(resource.vmid);
  const node = str(resource.node);
  const running = str(resource.status) === 'running';
  const vmDetail = type === 'qemu' && running ? detail : undefined;
  const tags = splitTags(resource.tags);
  const lock = optStr(resource.lock);
  const haState = optStr(resource.hastate);
  const pool = optStr(resource.pool);

  return {
    id: `${input.instance}-${node}-${vmid}`,
    vmid,
    name: str(resource.name, `${type === 'qemu' ? 'VM' : 'CT'} ${vmid}`),
    node,
    instance: input.instance,
    status: guestStatus(resource, vmDetail),
    type,
    cpu: running ? num(resource.cpu) : 0,
    cpus: num(resource.maxcpu),
    memory:
      type === 'qemu'
        ? vmMemory(resource, running, vmDetail)
        : memory(num(resource.maxmem), running ? num(resource.mem) : 0),
    disk:
      type === 'qemu'
        ? vmDisk(resource, running, vmDetail)
        : memory(num(resource.maxdisk), num(resource.disk)),
    networkIn: running ? rates.netin : 0,
    networkOut: running ? rates.netout : 0,
    diskRead: running ? rates.diskread : 0,
    diskWrite: running ? rates.diskwrite : 0,
    uptime: running ? num(resource.uptime) : 0,
    template: false,
    lastBackup: null,
    ...(tags.length > 0 ? { tags } : {}),
    ...(lock ? { lock } : {}),
    lastSeen: input.now,
    ...(haState ? { haState } : {}),
    ...(pool ? { pool } : {}),
    diskStatus: diskStatus(type, running, vmDetail),
  };
}
