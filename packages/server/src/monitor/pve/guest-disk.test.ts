import { describe, expect, it } from 'vitest';
import { aggregateFilesystems } from './guest-disk.ts';

const GIB = 1024 ** 3;
const fs = (mountpoint: string, type: string, total: number, used: number, dev = 'sda1') => ({
  name: dev,
  mountpoint,
  type,
  'total-bytes': total,
  'used-bytes': used,
  disk: [{ 'bus-type': 'scsi', bus: 0, target: 0, unit: 0, dev: `/dev/${dev}` }],
});

describe('aggregateFilesystems', () => {
  it('skips pseudo, boot and network file systems', () => {
    const totals = aggregateFilesystems([
      fs('/', 'ext4', 30 * GIB, 10 * GIB),
      fs('/boot/efi', 'vfat', GIB / 8, GIB / 100, 'sda15'),
      fs('/run', 'tmpfs', GIB, 0, 'tmpfs'),
      fs('/mnt/nas', 'nfs4', 4000 * GIB, 3000 * GIB, 'nas'),
    ]);
    expect(totals).toEqual({ total: 30 * GIB, used: 10 * GIB });
  });

  it('counts a device once when it is mounted twice (bind mounts, subvolumes)', () => {
    const totals = aggregateFilesystems([
      fs('/', 'btrfs', 50 * GIB, 20 * GIB, 'vda2'),
      fs('/home', 'btrfs', 50 * GIB, 20 * GIB, 'vda2'),
      fs('/data', 'xfs', 100 * GIB, 1 * GIB, 'vdb1'),
    ]);
    expect(totals).toEqual({ total: 150 * GIB, used: 21 * GIB });
  });

  it('gives nothing when no real file system remains', () => {
    expect(aggregateFilesystems([fs('/proc', 'proc', 0, 0)])).toBeUndefined();
    expect(aggregateFilesystems({ error: { class: 'Unsupported' } })).toBeUndefined();
  });
});
