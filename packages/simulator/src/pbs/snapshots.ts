import { isProtected, pbsRuns, verificationOf } from '../model/backups.ts';
import { between } from '../model/random.ts';
import type { BackupGroupSpec, DatastoreSpec } from '../model/types.ts';
import { pbsUpid } from '../model/upid.ts';
import type { PbsState, World } from '../model/world.ts';

export type BackupType = 'vm' | 'ct' | 'host';

export interface PbsFile {
  filename: string;
  'crypt-mode': 'none';
  size: number;
}

/** One backup snapshot as PBS stores it. */
export interface PbsSnapshot {
  type: BackupType;
  id: string;
  time: number;
  size: number;
  files: PbsFile[];
  owner: string;
  comment?: string;
  protected: boolean;
  verification?: { state: 'ok' | 'failed'; upid: string };
}

function filesFor(type: BackupType, size: number): PbsFile[] {
  const file = (filename: string, bytes: number): PbsFile => ({
    filename,
    'crypt-mode': 'none',
    size: bytes,
  });
  if (type === 'vm')
    return [
      file('qemu-server.conf.blob', 612),
      file('drive-scsi0.img.fidx', size),
      file('index.json.blob', 541),
      file('client.log.blob', 2_874),
    ];
  if (type === 'ct')
    return [
      file('pct.conf.blob', 327),
      file('root.pxar.didx', size),
      file('catalog.pcat1.didx', 1_064_212),
      file('index.json.blob', 476),
      file('client.log.blob', 1_932),
    ];
  return [
    file('root.pxar.didx', size),
    file('catalog.pcat1.didx', 81_920),
    file('index.json.blob', 402),
  ];
}

function verification(world: World, pbs: PbsState, store: string, at: number) {
  return pbsUpid(
    world.seed,
    pbs.spec.hostname,
    at,
    'verificationjob',
    `${store}:v-daily`,
    'root@pam',
  );
}

function fromGuests(world: World, pbs: PbsState, store: DatastoreSpec, ns: string): PbsSnapshot[] {
  const now = world.now();
  return pbsRuns(world, pbs.spec.name, store.name, ns).map((run) => {
    const type = run.guest.spec.type === 'qemu' ? 'vm' : 'ct';
    const verified = verificationOf(world.seed, run, now);
    return {
      type,
      id: String(run.guest.spec.vmid),
      time: run.start,
      size: run.size,
      files: filesFor(type, run.size),
      owner: `backup@pbs!${run.pve.spec.name}`,
      comment: run.guest.spec.name,
      protected: isProtected(world.seed, run),
      verification: verified && {
        state: verified.state,
        upid: verification(world, pbs, store.name, verified.at),
      },
    } satisfies PbsSnapshot;
  });
}

function fromGroup(
  world: World,
  pbs: PbsState,
  store: string,
  group: BackupGroupSpec,
): PbsSnapshot[] {
  const now = world.now();
  const today = Math.floor(now / 86_400);
  const out: PbsSnapshot[] = [];
  for (let k = group.count - 1; k >= 0; k--) {
    const time =
      (today - k * (group.type === 'host' ? 1 : 7)) * 86_400 +
      9_000 +
      between(world.seed, 0, 600, group.id, k);
    if (time > now) continue;
    const at = Math.floor(time / 86_400) * 86_400 + 6 * 3_600;
    const verified =
      now > at + 600
        ? { state: 'ok' as const, upid: verification(world, pbs, store, at) }
        : undefined;
    out.push({
      type: group.type,
      id: group.id,
      time,
      size: group.size,
      files: filesFor(group.type, group.size),
      owner: 'root@pam',
      protected: false,
      verification: verified,
    });
  }
  return out;
}

/** Every snapshot of a namespace (root is ''), oldest first within each group. */
export function snapshotsOf(
  world: World,
  pbs: PbsState,
  store: DatastoreSpec,
  ns: string,
): PbsSnapshot[] {
  const groups = store.extraGroups.filter((g) => g.namespace === ns);
  return [
    ...fromGuests(world, pbs, store, ns),
    ...groups.flatMap((g) => fromGroup(world, pbs, store.name, g)),
  ];
}

/** Snapshots of every namespace of a datastore. */
export function allSnapshots(world: World, pbs: PbsState, store: DatastoreSpec): PbsSnapshot[] {
  return ['', ...store.namespaces].flatMap((ns) => snapshotsOf(world, pbs, store, ns));
}
