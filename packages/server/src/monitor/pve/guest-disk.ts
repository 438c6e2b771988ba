import { list, num, record, str } from '../../proxmox/parse.ts';

export interface DiskTotals {
  total: number;
  used: number;
}

/** File-system types that hold no guest data of their own or live on another machine. */
const SKIPPED_TYPES = new Set([
  'tmpfs',
  'devtmpfs',
  'proc',
  'sysfs',
  'cgroup',
  'cgroup2',
  'overlay',
  'squashfs',
  'iso9660',
  'udf',
  'autofs',
  'nfs',
  'nfs4',
  'cifs',
  'smb3',
  'smbfs',
  '9p',
  'virtiofs',
  'fuse.sshfs',
  'fuse.rclone',
  'ceph',
  'glusterfs',
]);

const PSEUDO_MOUNTS = ['/dev', '/proc', '/sys', '/run', '/snap', '/var/lib/docker/overlay2'];

function isPseudo(mountpoint: string, type: string): boolean {
  if (SKIPPED_TYPES.has(type.toLowerCase())) return true;
  if (type.toLowerCase().startsWith('fuse.')) return true;
  if (mountpoint === '/boot/efi') return true;
  return PSEUDO_MOUNTS.some(
    (prefix) => mountpoint === prefix || mountpoint.startsWith(`${prefix}/`),
  );
}

/**
 * The device behind a file system. Bind mounts, btrfs subvolumes and the same disk seen
 * twice share it, and must be counted once.
 */
function deviceKey(fs: Record<string, unknown>, total: number): string {
  const disk = record(list(fs.disk)[0]);
  const dev = str(disk.dev) || str(disk.serial);
  const address = [disk['bus-type'], disk.bus, disk.target, disk.unit].map((v) => str(v)).join(':');
  const device = dev || (address !== ':::' ? address : str(fs.name));
  return `${device}|${total}`;
}

/**
 * Sums a VM's disk usage from the guest agent's `get-fsinfo` result: pseudo, network and
 * boot file systems are skipped and each device is counted once (the original counted
 * bind mounts and network shares too). Returns undefined when nothing real remains.
 */
export function aggregateFilesystems(result: unknown): DiskTotals | undefined {
  const seen = new Set<string>();
  let total = 0;
  let used = 0;
  for (const fs of list(result)) {
    const size = num(fs['total-bytes']);
    if (size <= 0 || isPseudo(str(fs.mountpoint), str(fs.type))) continue;
    const key = deviceKey(fs, size);
    if (seen.has(key)) continue;
    seen.add(key);
    total += size;
    used += num(fs['used-bytes']);
  }
  return total > 0 ? { total, used } : undefined;
}
