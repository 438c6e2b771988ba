import { between, unit } from './random.ts';
import type { GuestSpec } from './types.ts';
import type { GuestState, PveState, World } from './world.ts';

/** Nightly backups kept on every target. */
export const BACKUP_DAYS = 7;

/** One nightly backup run of one guest: a vzdump task, and an archive when it succeeded. */
export interface BackupRun {
  pve: PveState;
  guest: GuestState;
  storage: string;
  start: number;
  end: number;
  ok: boolean;
  size: number;
}

function runStart(seed: number, spec: GuestSpec, day: number): number {
  // Jobs start at 01:00 UTC; guests follow one another by vmid.
  return (
    day * 86_400 + 3_600 + (spec.vmid % 97) * 53 + between(seed, 0, 20, 'start', spec.vmid, day)
  );
}

function runSize(seed: number, spec: GuestSpec, day: number): number {
  const base = spec.maxdisk * (spec.type === 'qemu' ? 0.35 : spec.diskBase * 0.7);
  return Math.floor(base * (0.9 + 0.2 * unit(seed, 'size', spec.vmid, day)));
}

/**
 * The nightly backups of a guest over the kept days, up to `now`, oldest first. A run fails
 * when the guest's `backupFailEvery` divides the day number, or while a backup fault applies.
 */
export function backupRuns(world: World, pve: PveState, guest: GuestState, now: number) {
  const spec = guest.spec;
  if (!spec.backupStorage) return [];
  const today = Math.floor(now / 86_400);
  const runs: BackupRun[] = [];
  for (let day = today - BACKUP_DAYS; day <= today; day++) {
    const start = runStart(world.seed, spec, day);
    const size = runSize(world.seed, spec, day);
    const end = start + 20 + Math.floor(size / 180_000_000);
    if (start > now) continue;
    const scheduledFail = spec.backupFailEvery > 0 && day % spec.backupFailEvery === 0;
    const ok = !scheduledFail && !world.backupFailsByFault(pve.spec.name, guest.node, start);
    runs.push({ pve, guest, storage: spec.backupStorage, start, end, ok, size });
  }
  return runs;
}

/** ISO time of a backup as PBS and PVE volids spell it: `2024-06-01T01:02:03Z`. */
export function isoTime(t: number): string {
  return new Date(t * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** vzdump archive time as in file names: `2024_06_01-01_02_03`. */
export function vzdumpTime(t: number): string {
  return isoTime(t).replace(/-/g, '_').replace('T', '-').replace(/:/g, '_').replace('Z', '');
}

/** The verify job runs at 06:00; backups made before then on that day are verified by it. */
export function verificationOf(seed: number, run: BackupRun, now: number) {
  const verifyAt = Math.floor(run.start / 86_400) * 86_400 + 6 * 3_600;
  if (now < verifyAt + 600) return undefined;
  const state = unit(seed, 'verify', run.guest.spec.vmid, run.start) < 0.06 ? 'failed' : 'ok';
  return { state: state as 'ok' | 'failed', at: verifyAt + (run.guest.spec.vmid % 50) * 7 };
}

export function isProtected(seed: number, run: BackupRun): boolean {
  return unit(seed, 'protect', run.guest.spec.vmid, run.start) < 0.08;
}

/** Backups of guests that land on a PBS storage, for one PBS endpoint, datastore and namespace. */
export function pbsRuns(world: World, endpoint: string, datastore: string, namespace: string) {
  const now = world.now();
  const out: BackupRun[] = [];
  for (const pve of world.pve) {
    const targets = pve.spec.storages.filter(
      (s) =>
        s.pbs?.endpoint === endpoint &&
        s.pbs.datastore === datastore &&
        s.pbs.namespace === namespace,
    );
    if (targets.length === 0) continue;
    const names = new Set(targets.map((s) => s.storage));
    for (const guest of pve.guests.values()) {
      if (!guest.spec.backupStorage || !names.has(guest.spec.backupStorage)) continue;
      out.push(...backupRuns(world, pve, guest, now).filter((r) => r.ok && r.end <= now));
    }
  }
  return out;
}
