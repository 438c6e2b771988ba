import {
  type BackupRun,
  backupRuns,
  isoTime,
  isProtected,
  verificationOf,
  vzdumpTime,
} from '../model/backups.ts';
import type { StorageSpec } from '../model/types.ts';
import { pbsUpid } from '../model/upid.ts';
import type { GuestState } from '../model/world.ts';
import type { PveContext } from './context.ts';

type Entry = Record<string, unknown>;

function pbsHostname(ctx: PveContext, storage: StorageSpec): string {
  const pbs = ctx.world.findPbs(storage.pbs?.endpoint ?? '');
  return pbs?.spec.hostname ?? 'pbs';
}

function backupEntry(ctx: PveContext, storage: StorageSpec, run: BackupRun): Entry {
  const { spec } = run.guest;
  const qemu = spec.type === 'qemu';
  const base: Entry = {
    content: 'backup',
    ctime: run.start,
    size: run.size,
    subtype: spec.type,
    vmid: spec.vmid,
    notes: spec.name,
  };
  if (isProtected(ctx.world.seed, run)) base.protected = 1;
  if (storage.type !== 'pbs') {
    const ext = qemu ? 'vma.zst' : 'tar.zst';
    const file = `vzdump-${qemu ? 'qemu' : 'lxc'}-${spec.vmid}-${vzdumpTime(run.start)}.${ext}`;
    const volid = `${storage.storage}:backup/${file}`;
    return { volid, format: ext, ...base };
  }
  const snapshot = `${qemu ? 'vm' : 'ct'}/${spec.vmid}/${isoTime(run.start)}`;
  const volid = `${storage.storage}:backup/${snapshot}`;
  const entry: Entry = { volid, format: qemu ? 'pbs-vm' : 'pbs-ct', ...base };
  const verification = verificationOf(ctx.world.seed, run, ctx.world.now());
  if (verification) {
    const upid = pbsUpid(
      ctx.world.seed,
      pbsHostname(ctx, storage),
      verification.at,
      'verificationjob',
      `${storage.pbs?.datastore}:v-daily`,
      'root@pam',
    );
    entry.verification = { state: verification.state, upid };
  }
  return entry;
}

/** Guests whose backups show on this storage as seen from `node`. */
function backedUpGuests(ctx: PveContext, node: string, storage: StorageSpec): GuestState[] {
  return [...ctx.pve.guests.values()].filter(
    (g) => g.spec.backupStorage === storage.storage && (storage.shared || g.node === node),
  );
}

function backups(ctx: PveContext, node: string, storage: StorageSpec): Entry[] {
  const now = ctx.world.now();
  return backedUpGuests(ctx, node, storage).flatMap((guest) =>
    backupRuns(ctx.world, ctx.pve, guest, now)
      .filter((run) => run.ok && run.end <= now)
      .map((run) => backupEntry(ctx, storage, run)),
  );
}

function diskEntries(ctx: PveContext, node: string, storage: StorageSpec): Entry[] {
  const zfs = storage.type === 'zfspool';
  return ctx.world.guestsOn(ctx.pve, node).map((guest) => {
    const { spec } = guest;
    const lxc = spec.type === 'lxc';
    const prefix = spec.template ? 'base' : lxc && zfs ? 'subvol' : 'vm';
    const entry: Entry = {
      volid: `${storage.storage}:${prefix}-${spec.vmid}-disk-0`,
      content: lxc ? 'rootdir' : 'images',
      format: lxc && zfs ? 'subvol' : 'raw',
      size: spec.maxdisk,
      vmid: spec.vmid,
      ctime: ctx.world.anchor - 86_400 * 200 + spec.vmid * 613,
    };
    if (!zfs) entry.used = Math.floor(spec.maxdisk * spec.diskBase);
    return entry;
  });
}

const STATIC_FILES: Entry[] = [
  { name: 'iso/debian-12.7.0-amd64-netinst.iso', content: 'iso', format: 'iso', size: 661_651_456 },
  { name: 'iso/virtio-win-0.1.262.iso', content: 'iso', format: 'iso', size: 740_663_296 },
  {
    name: 'vztmpl/debian-12-standard_12.7-1_amd64.tar.zst',
    content: 'vztmpl',
    format: 'tzst',
    size: 126_484_240,
  },
  {
    name: 'vztmpl/ubuntu-24.04-standard_24.04-2_amd64.tar.zst',
    content: 'vztmpl',
    format: 'tzst',
    size: 141_475_983,
  },
];

function staticFiles(ctx: PveContext, storage: StorageSpec): Entry[] {
  return STATIC_FILES.filter((f) => storage.content.includes(f.content as string)).map((f) => ({
    volid: `${storage.storage}:${f.name}`,
    content: f.content,
    format: f.format,
    size: f.size,
    ctime: ctx.world.anchor - 86_400 * 120,
  }));
}

/** `/nodes/{node}/storage/{storage}/content`, optionally filtered by content type and vmid. */
export function storageContent(
  ctx: PveContext,
  node: string,
  storage: StorageSpec,
  query: Record<string, string>,
) {
  const wanted = query.content;
  const entries: Entry[] = [];
  if (storage.content.includes('backup') && (!wanted || wanted === 'backup'))
    entries.push(...backups(ctx, node, storage));
  const disks =
    storage.content.includes('images') &&
    !storage.shared &&
    (!wanted || wanted === 'images' || wanted === 'rootdir');
  if (disks)
    entries.push(...diskEntries(ctx, node, storage).filter((e) => !wanted || e.content === wanted));
  entries.push(...staticFiles(ctx, storage).filter((e) => !wanted || e.content === wanted));
  const vmid = query.vmid === undefined ? undefined : Number(query.vmid);
  return entries.filter((e) => vmid === undefined || e.vmid === vmid);
}
