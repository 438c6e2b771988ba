import type { Guest } from '@pulse/contract';
import { For, Show } from 'solid-js';
import { LEVEL_TEXT, MUTED, RATE_TEXT } from '../../components/styles.ts';
import {
  formatAge,
  formatBytes,
  formatRate,
  formatUsage,
  MISSING,
  toMillis,
} from '../../lib/format.ts';
import { isRunning, knownDiskUsage } from '../../lib/guest-view.ts';
import { backupAgeLevel, rateLevel } from '../../lib/metric-levels.ts';

/*
 * The figures of a guest as both the table row and the phone card show them, so the two
 * views can never disagree.
 */

export function cpuPercent(guest: Guest): number | undefined {
  return isRunning(guest) ? guest.cpu * 100 : undefined;
}

export function cpuDetail(guest: Guest): string {
  return `${guest.cpus} ${guest.cpus === 1 ? 'core' : 'cores'}`;
}

export function memoryPercent(guest: Guest): number | undefined {
  return isRunning(guest) && guest.memory.total > 0 ? guest.memory.usage : undefined;
}

export function memoryDetail(guest: Guest): string {
  return isRunning(guest)
    ? formatUsage(guest.memory.used, guest.memory.total)
    : formatBytes(guest.memory.total);
}

export function diskDetail(guest: Guest): string {
  if (guest.disk.total <= 0) return '';
  return knownDiskUsage(guest) === undefined
    ? `size ${formatBytes(guest.disk.total)}`
    : formatUsage(guest.disk.used, guest.disk.total);
}

export function diskTitle(guest: Guest): string | undefined {
  return guest.diskStatus.message ? `Disk: ${guest.diskStatus.message}` : undefined;
}

export function typeLabel(guest: Guest): string {
  return guest.type === 'qemu' ? 'VM' : 'CT';
}

/** An I/O rate coloured by level; a dash for a guest that is not running. */
export function RateText(props: { guest: Guest; value: number }) {
  return (
    <Show when={isRunning(props.guest)} fallback={<span class={MUTED}>{MISSING}</span>}>
      <span class={RATE_TEXT[rateLevel(props.value)]}>{formatRate(props.value)}</span>
    </Show>
  );
}

/** Age of the newest backup, coloured by how overdue it is; "never" when there is none. */
export function BackupAge(props: { guest: Guest; now: number }) {
  const age = () => {
    const at = toMillis(props.guest.lastBackup);
    return at === undefined ? undefined : Math.max(0, (props.now - at) / 1000);
  };
  return (
    <span
      class={LEVEL_TEXT[backupAgeLevel(age())]}
      title={props.guest.lastBackup ? `Newest backup ${props.guest.lastBackup}` : 'No backup found'}
    >
      {props.guest.lastBackup ? formatAge(props.guest.lastBackup, props.now) : 'never'}
    </span>
  );
}

/** Tags as small chips; the first few, then how many more. */
export function TagList(props: { tags: readonly string[] | undefined; max?: number }) {
  const max = () => props.max ?? 2;
  const tags = () => props.tags ?? [];
  return (
    <span class="flex min-w-0 items-center gap-1 overflow-hidden" title={tags().join(', ')}>
      <For each={tags().slice(0, max())}>
        {(tag) => (
          <span
            class="truncate rounded bg-gray-100 px-1.5 text-xs leading-5 text-gray-700
            dark:bg-slate-800 dark:text-slate-300"
          >
            {tag}
          </span>
        )}
      </For>
      <Show when={tags().length > max()}>
        <span class={`shrink-0 text-xs ${MUTED}`}>+{tags().length - max()}</span>
      </Show>
    </span>
  );
}
