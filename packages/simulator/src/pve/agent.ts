import { createHash } from 'node:crypto';
import { ApiError } from '../http/api-error.ts';
import { guestFigures } from '../model/figures.ts';
import { clamp } from '../model/metrics.ts';
import type { FsSpec } from '../model/types.ts';
import type { GuestState } from '../model/world.ts';
import { type PveContext, requirePriv } from './context.ts';
import { agentPrivileges } from './versions.ts';

type Entry = Record<string, unknown>;

const UNSUPPORTED = {
  error: { class: 'Unsupported', desc: 'this feature or command is not currently supported' },
};

function fsEntry(ctx: PveContext, guest: GuestState, fs: FsSpec, index: number): Entry {
  const growth = (0.001 * (ctx.world.now() - ctx.world.anchor)) / 86_400;
  const used = Math.floor(fs.totalBytes * clamp(fs.usedFraction + growth, 0, 0.98));
  const windows = guest.spec.os === 'windows';
  const disk = {
    'bus-type': windows ? 'scsi' : 'scsi',
    bus: 0,
    target: 0,
    unit: 0,
    dev: windows ? undefined : '/dev/sda',
    serial: `drive-scsi0`,
    'pci-controller': { domain: 0, bus: 1, slot: 1, function: 0 },
  };
  const name = windows ? `\\\\?\\Volume{${guidFor(guest.spec.vmid, index)}}\\` : fs.name;
  return {
    name,
    mountpoint: fs.mountpoint,
    type: fs.type,
    'used-bytes': used,
    'total-bytes': fs.totalBytes,
    disk: fs.type === 'tmpfs' ? [] : [disk],
  };
}

function guidFor(vmid: number, index: number): string {
  const hex = createHash('sha1').update(`${vmid}:${index}`).digest('hex');
  const groups = [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20)];
  return [...groups, hex.slice(20, 32)].join('-');
}

function interfaces(ctx: PveContext, guest: GuestState): Entry[] {
  const f = guestFigures(ctx.world, guest, ctx.world.now());
  const { vmid } = guest.spec;
  const octets = [vmid >> 8, vmid & 0xff, 0x42].map((b) =>
    (b & 0xff).toString(16).padStart(2, '0'),
  );
  const mac = `bc:24:11:${octets.join(':')}`;
  const lan: Entry = {
    name: guest.spec.os === 'windows' ? 'Ethernet' : 'ens18',
    'hardware-address': mac,
    'ip-addresses': [
      {
        'ip-address-type': 'ipv4',
        'ip-address': `192.168.${10 + (Math.floor(vmid / 250) % 200)}.${(vmid % 250) + 2}`,
        prefix: 24,
      },
      {
        'ip-address-type': 'ipv6',
        'ip-address': `fe80::be24:11ff:fe${mac.slice(12, 14)}:${mac.slice(15, 17)}42`,
        prefix: 64,
      },
    ],
    statistics: {
      'rx-bytes': f.netin,
      'rx-packets': Math.floor(f.netin / 900),
      'rx-errs': 0,
      'rx-dropped': Math.floor(f.netin / 9e7),
      'tx-bytes': f.netout,
      'tx-packets': Math.floor(f.netout / 700),
      'tx-errs': 0,
      'tx-dropped': 0,
    },
  };
  const lo: Entry = {
    name: 'lo',
    'hardware-address': '00:00:00:00:00:00',
    'ip-addresses': [
      { 'ip-address-type': 'ipv4', 'ip-address': '127.0.0.1', prefix: 8 },
      { 'ip-address-type': 'ipv6', 'ip-address': '::1', prefix: 128 },
    ],
    statistics: {
      'rx-bytes': 4_096,
      'rx-packets': 48,
      'rx-errs': 0,
      'rx-dropped': 0,
      'tx-bytes': 4_096,
      'tx-packets': 48,
      'tx-errs': 0,
      'tx-dropped': 0,
    },
  };
  return guest.spec.os === 'windows' ? [lan] : [lo, lan];
}

function osInfo(guest: GuestState): Entry {
  if (guest.spec.os === 'windows') {
    return {
      id: 'mswindows',
      name: 'Microsoft Windows',
      'pretty-name': 'Windows Server 2022 Standard',
      version: 'Microsoft Windows Server 2022',
      'version-id': '2022',
      variant: 'server',
      'variant-id': 'server',
      'kernel-release': '20348',
      'kernel-version': '10.0',
      machine: 'x86_64',
    };
  }
  return {
    id: 'debian',
    name: 'Debian GNU/Linux',
    'pretty-name': 'Debian GNU/Linux 12 (bookworm)',
    version: '12 (bookworm)',
    'version-id': '12',
    'kernel-release': '6.1.0-28-amd64',
    'kernel-version': '#1 SMP PREEMPT_DYNAMIC Debian 6.1.119-1 (2024-11-22)',
    machine: 'x86_64',
  };
}

export type AgentCommand = 'get-fsinfo' | 'network-get-interfaces' | 'get-osinfo';

/**
 * Runs a read-only guest-agent command. Failures follow PVE: 500 with the reason when the VM
 * or its agent is not running, and 200 with an `error` object when the agent rejects a command.
 */
export function agentCommand(ctx: PveContext, guest: GuestState, command: AgentCommand) {
  requirePriv(ctx, `/vms/${guest.spec.vmid}`, agentPrivileges(ctx.pve.spec.major));
  const { spec } = guest;
  if (guest.status !== 'running') throw new ApiError(500, `VM ${spec.vmid} is not running`);
  if (spec.agent === 'none') throw new ApiError(500, 'No QEMU guest agent configured');
  if (spec.agent === 'not-running' || ctx.isAgentGone(guest))
    throw new ApiError(500, 'QEMU guest agent is not running');
  if (spec.agent === 'unsupported' && command === 'get-fsinfo') return { result: UNSUPPORTED };
  if (command === 'get-fsinfo')
    return { result: spec.filesystems.map((fs, i) => fsEntry(ctx, guest, fs, i)) };
  if (command === 'network-get-interfaces') return { result: interfaces(ctx, guest) };
  return { result: osInfo(guest) };
}
