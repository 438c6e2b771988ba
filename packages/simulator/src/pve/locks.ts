import { backupRuns } from '../model/backups.ts';
import type { GuestState, PveState, World } from '../model/world.ts';

/** A guest's `lock`: `backup` while its nightly backup runs, else its configured lock. */
export function lockOf(world: World, pve: PveState, guest: GuestState): string | undefined {
  if (!guest.spec.backupStorage) return guest.spec.lock;
  const now = world.now();
  const running = backupRuns(world, pve, guest, now).some((r) => r.start <= now && now < r.end);
  return running ? 'backup' : guest.spec.lock;
}
