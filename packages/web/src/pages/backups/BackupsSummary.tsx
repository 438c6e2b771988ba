import { createMemo } from 'solid-js';
import { MUTED } from '../../components/styles.ts';
import type { BackupEntry } from '../../lib/backups-entries.ts';
import type { GuestBackupStatus } from '../../lib/backups-guests.ts';
import { formatBytes, formatCount } from '../../lib/format.ts';
import { Fact } from '../storage/Fact.tsx';

export interface BackupsSummaryProps {
  entries: readonly BackupEntry[];
  statuses: readonly GuestBackupStatus[];
  failedCount: number;
  now: number;
}

const DAY_MS = 86_400_000;

/** What to read first: how much exists, what ran today, what failed, who is uncovered. */
export function BackupsSummary(props: BackupsSummaryProps) {
  const facts = createMemo(() => {
    const counts = { pbs: 0, pve: 0, snapshot: 0 };
    let recent = 0;
    let recentSize = 0;
    for (const entry of props.entries) {
      counts[entry.kind] += 1;
      if (props.now - entry.time < DAY_MS && entry.kind !== 'snapshot') {
        recent += 1;
        recentSize += entry.size ?? 0;
      }
    }
    const uncovered = props.statuses.filter((status) => status.state !== 'ok').length;
    return { counts, recent, recentSize, uncovered };
  });

  return (
    <dl class="grid grid-cols-2 gap-2 lg:grid-cols-4">
      <Fact label="Backups and snapshots">
        <span class="tabular-nums" data-testid="backups-total">
          {formatCount(props.entries.length)}
        </span>
        <span class={`block whitespace-normal text-xs font-normal tabular-nums ${MUTED}`}>
          {`${facts().counts.pbs} PBS · ${facts().counts.pve} PVE · `}
          {`${facts().counts.snapshot} snapshots`}
        </span>
      </Fact>
      <Fact label="Backups in the last 24 h">
        <span class="tabular-nums">{formatCount(facts().recent)}</span>
        <span class={`block truncate text-xs font-normal tabular-nums ${MUTED}`}>
          {formatBytes(facts().recentSize)}
        </span>
      </Fact>
      <Fact label="Failed tasks (24 h)">
        <span
          class="tabular-nums"
          classList={{ 'text-red-700 dark:text-red-400': props.failedCount > 0 }}
        >
          {props.failedCount}
        </span>
      </Fact>
      <Fact label="Guests overdue">
        <span
          class="tabular-nums"
          classList={{ 'text-amber-800 dark:text-amber-300': facts().uncovered > 0 }}
        >
          {facts().uncovered}
        </span>
        <span class={`text-sm font-normal ${MUTED}`}> of {props.statuses.length}</span>
        <span class={`block truncate text-xs font-normal ${MUTED}`}>or never backed up</span>
      </Fact>
    </dl>
  );
}
