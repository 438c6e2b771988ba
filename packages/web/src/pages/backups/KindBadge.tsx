import type { BackupKind } from '../../lib/backups-entries.ts';

/** How each kind of backup is named and coloured, the same in badges, chart and legend. */
export const KIND_LABEL: Record<BackupKind, string> = {
  pbs: 'PBS',
  pve: 'PVE',
  snapshot: 'Snapshot',
};

/** Badge colours; the text passes WCAG AA on its own background in both themes. */
export const KIND_BADGE: Record<BackupKind, string> = {
  pbs: 'bg-violet-100 text-violet-800 dark:bg-violet-950 dark:text-violet-200',
  pve: 'bg-orange-100 text-orange-800 dark:bg-orange-950 dark:text-orange-200',
  snapshot: 'bg-yellow-100 text-yellow-900 dark:bg-yellow-950 dark:text-yellow-200',
};

/** Chart fills, bottom to top in this order. */
export const KIND_FILL: Record<BackupKind, string> = {
  pbs: 'bg-violet-500 dark:bg-violet-400',
  pve: 'bg-orange-500 dark:bg-orange-400',
  snapshot: 'bg-yellow-400 dark:bg-yellow-300',
};

export const KIND_ORDER: readonly BackupKind[] = ['pbs', 'pve', 'snapshot'];

export function KindBadge(props: { kind: BackupKind }) {
  return (
    <span class={`inline-block rounded px-1.5 py-px text-xs font-medium ${KIND_BADGE[props.kind]}`}>
      {KIND_LABEL[props.kind]}
    </span>
  );
}
