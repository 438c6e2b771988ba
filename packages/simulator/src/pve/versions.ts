import type { PveMajor } from '../model/types.ts';

/** What a PVE release reports about itself, per major version. */
export interface PveRelease {
  version: string;
  release: string;
  repoid: string;
  kernelRelease: string;
  kernelVersion: string;
  qemu: string;
  machine: string;
}

const RELEASES: Record<PveMajor, PveRelease> = {
  // PVE 7 spelled versions `7.4-16` and used 8-hex repoids; PVE 8 moved to `8.4.1`.
  7: {
    version: '7.4-16',
    release: '7.4',
    repoid: '0f39f621',
    kernelRelease: '5.15.108-1-pve',
    kernelVersion: '#1 SMP PVE 5.15.108-2 (2023-07-20T10:06Z)',
    qemu: '7.2.0',
    machine: 'pc-i440fx-7.2+pve0',
  },
  8: {
    version: '8.4.1',
    release: '8.4',
    repoid: '2a2fa54b8503f96c',
    kernelRelease: '6.8.12-9-pve',
    kernelVersion: '#1 SMP PREEMPT_DYNAMIC PMX 6.8.12-9 (2025-03-16T19:18Z)',
    qemu: '9.2.0',
    machine: 'pc-i440fx-9.2+pve1',
  },
  9: {
    version: '9.1.2',
    release: '9.1',
    repoid: '9e3c1a7d52b04f18',
    kernelRelease: '6.17.2-1-pve',
    kernelVersion: '#1 SMP PREEMPT_DYNAMIC PMX 6.17.2-1 (2025-10-21T11:55Z)',
    qemu: '10.1.2',
    machine: 'pc-i440fx-10.1+pve0',
  },
};

export function pveRelease(major: PveMajor): PveRelease {
  return RELEASES[major];
}

/** Every PVE privilege a full administrator holds, per major version. */
export function pvePrivileges(major: PveMajor): string[] {
  const common = [
    'Datastore.Allocate',
    'Datastore.AllocateSpace',
    'Datastore.AllocateTemplate',
    'Datastore.Audit',
    'Group.Allocate',
    'Permissions.Modify',
    'Pool.Allocate',
    'Pool.Audit',
    'Realm.Allocate',
    'Realm.AllocateUser',
    'SDN.Allocate',
    'SDN.Audit',
    'SDN.Use',
    'Sys.Audit',
    'Sys.Console',
    'Sys.Incoming',
    'Sys.Modify',
    'Sys.PowerMgmt',
    'Sys.Syslog',
    'User.Modify',
    'VM.Allocate',
    'VM.Audit',
    'VM.Backup',
    'VM.Clone',
    'VM.Config.CDROM',
    'VM.Config.CPU',
    'VM.Config.Cloudinit',
    'VM.Config.Disk',
    'VM.Config.HWType',
    'VM.Config.Memory',
    'VM.Config.Network',
    'VM.Config.Options',
    'VM.Console',
    'VM.Migrate',
    'VM.PowerMgmt',
    'VM.Snapshot',
    'VM.Snapshot.Rollback',
  ];
  if (major < 9) return [...common, 'VM.Monitor'];
  return [
    ...common,
    'Mapping.Audit',
    'Mapping.Modify',
    'Mapping.Use',
    'VM.GuestAgent.Audit',
    'VM.GuestAgent.FileRead',
    'VM.GuestAgent.FileSystemMgmt',
    'VM.GuestAgent.FileWrite',
    'VM.GuestAgent.Unrestricted',
    'VM.Replicate',
  ];
}

/** Privileges that let a caller use the read-only guest-agent commands. */
export function agentPrivileges(major: PveMajor): string[] {
  return major >= 9 ? ['VM.GuestAgent.Audit', 'VM.GuestAgent.Unrestricted'] : ['VM.Monitor'];
}
