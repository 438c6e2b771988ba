import type { Guest, GuestSnapshot, PbsBackup, PveBackups, StorageBackup } from '@pulse/contract';

/*
 * One list of everything that can bring a guest back: PBS backups, vzdump archives on PVE
 * storage and snapshots. A PBS storage of PVE lists the same backups the PBS itself lists;
 * those are shown once, as the PBS's, when Pulse monitors that PBS too.
 */

/** Where a backup lives: a Proxmox Backup Server, a PVE storage (vzdump file), a snapshot. */
export type BackupKind = 'pbs' | 'pve' | 'snapshot';

/** `host` is a PBS backup of a whole machine, not of a guest. */
export type BackupGuestType = 'vm' | 'ct' | 'host';

/** PBS verification: `ok`, `failed`, or `none` before the first verify job ran. */
export type Verification = 'ok' | 'failed' | 'none';

export interface BackupEntry {
  id: string;
  kind: BackupKind;
  /** Unix milliseconds. */
  time: number;
  /** The VMID as text; the host name for `host` backups. */
  vmid: string;
  guestType: BackupGuestType;
  /** ID of the monitored guest it belongs to, when known. */
  guestId?: string;
  /** The guest's name, else the backup's notes, else empty. */
  guestName: string;
  /** PVE node of the guest, when known. */
  guestNode?: string;
  /** The PBS instance, or the PVE node or storage that holds it. */
  source: string;
  /** Storage name, or `datastore/namespace` on a PBS. */
  location: string;
  /** Bytes; undefined for snapshots, whose size Proxmox does not report. */
  size?: number;
  /** Only PBS backups are verified; undefined for the others. */
  verification?: Verification;
  protected: boolean;
  /** Notes, comment or snapshot description. */
  notes?: string;
  /** Snapshot name or archive file name. */
  detail?: string;
}

export interface BackupSources {
  guests: readonly Guest[];
  pbsBackups: readonly PbsBackup[];
  pveBackups: PveBackups;
}

/** Every backup and snapshot as one list, newest first. */
export function buildBackupEntries(sources: BackupSources): BackupEntry[] {
  const guests = new GuestIndex(sources.guests);
  const { storageBackups, guestSnapshots } = sources.pveBackups;

  const pbsKeys = new Set(sources.pbsBackups.map(pbsKey));
  // A PBS storage knows which guest a backup came from; the PBS itself only its VMID.
  const guestIdByKey = new Map<string, string>();
  const fromStorage: BackupEntry[] = [];
  for (const backup of storageBackups) {
    const key = storageKey(backup);
    if (backup.isPBS && key && pbsKeys.has(key)) {
      if (backup.guestId) guestIdByKey.set(key, backup.guestId);
      continue;
    }
    fromStorage.push(storageEntry(backup, guests));
  }

  const fromPbs = sources.pbsBackups.map((backup) =>
    pbsEntry(backup, guests, guestIdByKey.get(pbsKey(backup))),
  );
  const snapshots = guestSnapshots.map((snapshot) => snapshotEntry(snapshot, guests));
  return [...fromPbs, ...fromStorage, ...snapshots].sort(
    (a, b) => b.time - a.time || a.id.localeCompare(b.id),
  );
}

function pbsKey(backup: PbsBackup): string {
  return `${backup.backupType}/${backup.vmid}/${Math.floor(Date.parse(backup.backupTime) / 1000)}`;
}

function storageKey(backup: StorageBackup): string | undefined {
  if (backup.type === 'unknown') return undefined;
  return `${backup.type === 'qemu' ? 'vm' : 'ct'}/${backup.vmid}/${backup.ctime}`;
}

function pbsEntry(backup: PbsBackup, guests: GuestIndex, guestId?: string): BackupEntry {
  const guest =
    backup.backupType === 'host'
      ? undefined
      : guests.resolve(guestId ?? backup.guestId, Number(backup.vmid));
  const namespace = backup.namespace ? `/${backup.namespace}` : '';
  return {
    id: backup.id,
    kind: 'pbs',
    time: Date.parse(backup.backupTime),
    vmid: backup.vmid,
    guestType: backup.backupType,
    // A host backup's ID is the host's name: the best name it has.
    ...guestFields(guest, backup.backupType === 'host' ? backup.vmid : backup.comment),
    source: backup.instance,
    location: `${backup.datastore}${namespace}`,
    size: backup.size,
    verification: verificationOf(backup.verified, backup.verification),
    protected: backup.protected,
    ...(backup.comment ? { notes: backup.comment } : {}),
  };
}

function storageEntry(backup: StorageBackup, guests: GuestIndex): BackupEntry {
  const guest = guests.resolve(backup.guestId, backup.vmid, backup.instance);
  return {
    id: backup.id,
    kind: backup.isPBS ? 'pbs' : 'pve',
    time: backup.ctime * 1000,
    vmid: String(backup.vmid),
    guestType: backup.type === 'lxc' ? 'ct' : 'vm',
    ...guestFields(guest, backup.notes),
    source: backup.node,
    location: backup.storage,
    size: backup.size,
    ...(backup.isPBS ? { verification: verificationOf(backup.verified, backup.verification) } : {}),
    protected: backup.protected,
    ...(backup.notes ? { notes: backup.notes } : {}),
    detail: backup.volid.slice(backup.volid.lastIndexOf('/') + 1),
  };
}

function snapshotEntry(snapshot: GuestSnapshot, guests: GuestIndex): BackupEntry {
  const guestId = `${snapshot.instance}-${snapshot.node}-${snapshot.vmid}`;
  const guest = guests.resolve(guestId, snapshot.vmid, snapshot.instance);
  const notes = snapshot.description?.trim();
  return {
    id: snapshot.id,
    kind: 'snapshot',
    time: Date.parse(snapshot.time),
    vmid: String(snapshot.vmid),
    guestType: snapshot.type === 'lxc' ? 'ct' : 'vm',
    ...guestFields(guest, undefined),
    guestNode: snapshot.node,
    source: snapshot.node,
    location: snapshot.node,
    protected: false,
    ...(notes ? { notes } : {}),
    detail: snapshot.name,
  };
}

function guestFields(guest: Guest | undefined, notes: string | undefined) {
  if (!guest) return { guestName: notes?.trim() ?? '' };
  return { guestId: guest.id, guestName: guest.name, guestNode: guest.node };
}

function verificationOf(verified: boolean, state: string | undefined): Verification {
  if (state === 'failed') return 'failed';
  return verified || state === 'ok' ? 'ok' : 'none';
}

/** Finds a backup's guest by ID, else by a VMID that only one guest (of the instance) has. */
class GuestIndex {
  private readonly byId = new Map<string, Guest>();
  private readonly byVmid = new Map<number, Guest[]>();

  constructor(guests: readonly Guest[]) {
    for (const guest of guests) {
      this.byId.set(guest.id, guest);
      const same = this.byVmid.get(guest.vmid);
      if (same) same.push(guest);
      else this.byVmid.set(guest.vmid, [guest]);
    }
  }

  resolve(id: string | undefined, vmid: number, instance?: string): Guest | undefined {
    const direct = id === undefined ? undefined : this.byId.get(id);
    if (direct) return direct;

    // VMIDs are unique within a cluster, not across clusters.
    const candidates = (this.byVmid.get(vmid) ?? []).filter(
      (guest) => instance === undefined || guest.instance === instance,
    );
    return candidates.length === 1 ? candidates[0] : undefined;
  }
}
