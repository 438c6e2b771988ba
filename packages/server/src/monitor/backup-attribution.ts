import type { Guest, PbsBackup, StorageBackup } from '@pulse/contract';
import type { PbsSlice, PbsTarget, PveSlice } from './slices.ts';

/** Backups with the guest they belong to, and the newest backup time per guest ID. */
export interface Attribution {
  pbsBackups: PbsBackup[];
  storageBackups: StorageBackup[];
  lastBackup: Map<string, string>;
}

type GuestIndex = Map<string, Guest>;

function guestKey(instance: string, type: string, vmid: number | string): string {
  return `${instance}|${type}|${vmid}`;
}

function indexGuests(slices: PveSlice[]): GuestIndex {
  const index: GuestIndex = new Map();
  for (const slice of slices) {
    for (const guest of [...slice.vms, ...slice.containers]) {
      index.set(guestKey(slice.instance, guest.type, guest.vmid), guest);
    }
  }
  return index;
}

/** How a configured PBS is known: what a PVE storage may have recorded of it. */
export interface PbsIdentity {
  /** The name the PBS was given in Pulse. */
  name: string;
  hostname: string;
  port: number;
  /** Lower-case hex without colons. */
  fingerprint?: string;
}

function bareHost(host: string): string {
  return host.replace(/^\[(.*)\]$/, '$1').toLowerCase();
}

/**
 * Whether a PVE storage points at this PBS: by certificate fingerprint when both are
 * known (the same address may front another server), else by address and port, else by
 * the name the PBS was given in Pulse when it matches the storage's `server` (a host name
 * PVE resolves that Pulse may reach by IP).
 */
export function targetMatches(target: PbsTarget, pbs: PbsIdentity): boolean {
  if (target.fingerprint && pbs.fingerprint) return target.fingerprint === pbs.fingerprint;
  const server = bareHost(target.server);
  if (server === bareHost(pbs.hostname)) return target.port === pbs.port;
  return server === pbs.name.toLowerCase();
}

/**
 * Which PVE endpoint writes into each PBS datastore namespace: `pbs|datastore|namespace`
 * → PVE instance. Two clusters backing up to the same PBS use different namespaces, so a
 * backup is tied to a guest by cluster and namespace, never by VMID alone.
 */
function namespaceOwners(pve: PveSlice[], pbs: PbsSlice[]): Map<string, string> {
  const owners = new Map<string, string>();
  for (const slice of pve) {
    for (const target of slice.pbsTargets) {
      for (const server of pbs) {
        if (!targetMatches(target, { ...server, name: server.instance.name })) continue;
        owners.set(
          `${server.instance.name}|${target.datastore}|${target.namespace}`,
          slice.instance,
        );
      }
    }
  }
  return owners;
}

function noteNewest(lastBackup: Map<string, string>, guestId: string, time: string): void {
  const known = lastBackup.get(guestId);
  if (!known || known < time) lastBackup.set(guestId, time);
}

function attributePbs(
  pbs: PbsSlice[],
  owners: Map<string, string>,
  guests: GuestIndex,
  lastBackup: Map<string, string>,
): PbsBackup[] {
  const result: PbsBackup[] = [];
  for (const slice of pbs) {
    for (const backup of slice.backups) {
      const owner = owners.get(`${slice.instance.name}|${backup.datastore}|${backup.namespace}`);
      const type = backup.backupType === 'vm' ? 'qemu' : 'lxc';
      const guest =
        owner && backup.backupType !== 'host'
          ? guests.get(guestKey(owner, type, backup.vmid))
          : undefined;
      if (!guest) {
        result.push(backup);
        continue;
      }
      noteNewest(lastBackup, guest.id, backup.backupTime);
      result.push({ ...backup, guestId: guest.id });
    }
  }
  return result;
}

function attributeStorage(
  pve: PveSlice[],
  guests: GuestIndex,
  lastBackup: Map<string, string>,
): StorageBackup[] {
  const result: StorageBackup[] = [];
  for (const slice of pve) {
    for (const backup of slice.storageBackups) {
      const guest = guests.get(guestKey(slice.instance, backup.type, backup.vmid));
      if (!guest) {
        result.push(backup);
        continue;
      }
      noteNewest(lastBackup, guest.id, backup.time);
      result.push({ ...backup, guestId: guest.id });
    }
  }
  return result;
}

/** Ties every backup to its guest where the configuration allows it to be known. */
export function attributeBackups(pve: PveSlice[], pbs: PbsSlice[]): Attribution {
  const guests = indexGuests(pve);
  const lastBackup = new Map<string, string>();
  const owners = namespaceOwners(pve, pbs);

  const pbsBackups = attributePbs(pbs, owners, guests, lastBackup);
  const storageBackups = attributeStorage(pve, guests, lastBackup);
  return { pbsBackups, storageBackups, lastBackup };
}
