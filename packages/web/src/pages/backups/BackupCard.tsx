import { Show } from 'solid-js';
import { MUTED, PANEL } from '../../components/styles.ts';
import { timeOfDay } from '../../lib/backups-days.ts';
import type { BackupEntry } from '../../lib/backups-entries.ts';
import { formatBytes } from '../../lib/format.ts';
import { entryDetails, guestTypeLabel } from './entry-text.ts';
import { KindBadge } from './KindBadge.tsx';
import { Verification } from './Verification.tsx';

/** One backup on a phone: guest and kind first, then where, how big and whether verified. */
export function BackupCard(props: { entry: BackupEntry }) {
  const entry = () => props.entry;
  return (
    <li
      data-testid="backup-row"
      data-kind={entry().kind}
      data-vmid={entry().vmid}
      class={`${PANEL} px-3 py-2 text-sm`}
    >
      <div class="flex min-w-0 items-baseline gap-2">
        <span class="w-11 shrink-0 tabular-nums">{timeOfDay(entry().time)}</span>
        <span class="min-w-0 truncate font-medium">{entry().guestName || '–'}</span>
        <span class={`shrink-0 text-xs tabular-nums ${MUTED}`}>{guestTypeLabel(entry())}</span>
        <span class="ml-auto shrink-0">
          <KindBadge kind={entry().kind} />
        </span>
      </div>
      <div class={`mt-1 flex min-w-0 items-baseline gap-2 pl-13 text-xs ${MUTED}`}>
        <span class="min-w-0 truncate">
          {entry().guestNode ? `${entry().guestNode} · ` : ''}
          {entry().location}
        </span>
        <Show when={entry().size !== undefined}>
          <span class="shrink-0 tabular-nums">{formatBytes(entry().size)}</span>
        </Show>
        <span class="ml-auto shrink-0">
          <Verification state={entry().verification} />
        </span>
      </div>
      <Show when={entryDetails(entry()) || entry().protected}>
        <p class={`mt-0.5 truncate pl-13 text-xs ${MUTED}`}>
          <Show when={entry().protected}>protected · </Show>
          {entryDetails(entry())}
        </p>
      </Show>
    </li>
  );
}
