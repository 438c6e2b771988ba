import type { AlertSummary, Guest } from '@pulse/contract';
import type { JSX } from 'solid-js';
import { MUTED } from '../../components/styles.ts';
import { formatUptime, MISSING } from '../../lib/format.ts';
import { isRunning, knownDiskUsage } from '../../lib/guest-view.ts';
import { AlertBadge, alertEdge } from './AlertBadge.tsx';
import { GRID_TEMPLATE } from './columns.ts';
import {
  BackupAge,
  cpuDetail,
  cpuPercent,
  diskDetail,
  diskTitle,
  memoryDetail,
  memoryPercent,
  RateText,
  TagList,
  typeLabel,
} from './guest-cells.tsx';
import { Sparkline } from './Sparkline.tsx';
import { guestTone, StatusDot } from './StatusDot.tsx';
import { UsageBar } from './UsageBar.tsx';
import type { GuestSparklines } from './use-sparklines.ts';

export interface GuestRowProps {
  guest: Guest;
  alerts: readonly AlertSummary[] | undefined;
  lines: GuestSparklines | undefined;
  now: number;
  /** Position in the list, for keyboard navigation between rows. */
  index: number;
  onOpen(guest: Guest): void;
  /** Position from the virtualizer. */
  style: JSX.CSSProperties;
}

interface NameCellProps {
  guest: Guest;
  alerts: readonly AlertSummary[] | undefined;
  index: number;
  onOpen(): void;
}

/** Status, the name as the button that opens the guest's charts, and its alerts. */
function NameCell(props: NameCellProps) {
  return (
    <td class="flex min-w-0 items-center gap-2">
      <StatusDot tone={guestTone(props.guest.status)} label={props.guest.status} />
      <button
        type="button"
        data-row-index={props.index}
        onClick={() => props.onOpen()}
        class="min-w-0 truncate rounded text-left font-medium outline-none hover:underline
          focus-visible:ring-2 focus-visible:ring-sky-600 dark:focus-visible:ring-sky-400"
        title={`${props.guest.name}: open charts`}
      >
        {props.guest.name}
      </button>
      <AlertBadge alerts={props.alerts} />
    </td>
  );
}

/** One guest in the desktop table: every column of COLUMNS, in a fixed-width grid. */
export function GuestRow(props: GuestRowProps) {
  const guest = () => props.guest;
  const isStopped = () => !isRunning(guest());

  return (
    <tr
      data-testid="guest-row"
      data-vmid={guest().vmid}
      data-node={guest().node}
      data-status={guest().status}
      class={`absolute top-0 left-0 grid w-full items-center gap-x-1.5 border-b border-l-4
        border-b-gray-100 px-2 text-sm hover:bg-sky-50/60 dark:border-b-slate-800
        dark:hover:bg-slate-800/60 ${alertEdge(props.alerts)}`}
      classList={{ 'text-gray-600 dark:text-slate-400': isStopped() }}
      style={{ ...props.style, 'grid-template-columns': GRID_TEMPLATE }}
    >
      <NameCell
        guest={guest()}
        alerts={props.alerts}
        index={props.index}
        onOpen={() => props.onOpen(guest())}
      />
      <td class={`text-xs font-medium ${MUTED}`}>{typeLabel(guest())}</td>
      <td class="text-right tabular-nums">{guest().vmid}</td>
      <td class="text-right tabular-nums">
        {isRunning(guest()) ? formatUptime(guest().uptime) : MISSING}
      </td>
      <td>
        <UsageBar
          label="CPU"
          compact
          metric="cpu"
          percent={cpuPercent(guest())}
          detail={cpuDetail(guest())}
        />
      </td>
      <td>
        <UsageBar
          label="Memory"
          compact
          metric="memory"
          percent={memoryPercent(guest())}
          detail={memoryDetail(guest())}
        />
      </td>
      <td title={diskTitle(guest())}>
        <UsageBar
          label="Disk"
          compact
          metric="disk"
          percent={knownDiskUsage(guest())}
          detail={diskDetail(guest())}
        />
      </td>
      <td>
        <Sparkline lines={props.lines} />
      </td>
      <td class="text-right text-xs tabular-nums">
        <RateText guest={guest()} value={guest().diskRead} />
      </td>
      <td class="text-right text-xs tabular-nums">
        <RateText guest={guest()} value={guest().diskWrite} />
      </td>
      <td class="text-right text-xs tabular-nums">
        <RateText guest={guest()} value={guest().networkIn} />
      </td>
      <td class="text-right text-xs tabular-nums">
        <RateText guest={guest()} value={guest().networkOut} />
      </td>
      <td class="min-w-0">
        <TagList tags={guest().tags} max={1} />
      </td>
      <td class="text-right text-xs tabular-nums">
        <BackupAge guest={guest()} now={props.now} />
      </td>
    </tr>
  );
}
