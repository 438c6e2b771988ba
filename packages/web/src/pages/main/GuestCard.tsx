import type { AlertSummary, Guest } from '@pulse/contract';
import { type JSX, Show } from 'solid-js';
import { MUTED } from '../../components/styles.ts';
import { formatUptime } from '../../lib/format.ts';
import { isRunning, knownDiskUsage } from '../../lib/guest-view.ts';
import { AlertBadge, alertEdge } from './AlertBadge.tsx';
import {
  BackupAge,
  cpuDetail,
  cpuPercent,
  diskDetail,
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

export interface GuestCardProps {
  guest: Guest;
  alerts: readonly AlertSummary[] | undefined;
  lines: GuestSparklines | undefined;
  now: number;
  index: number;
  onOpen(guest: Guest): void;
}

/** One guest on a phone: the same figures as a table row, stacked to fit 375 px. */
export function GuestCard(props: GuestCardProps) {
  const guest = () => props.guest;

  return (
    <article
      data-testid="guest-card"
      data-vmid={guest().vmid}
      data-node={guest().node}
      data-status={guest().status}
      aria-label={`${typeLabel(guest())} ${guest().vmid} ${guest().name}`}
      class={`rounded-lg border border-l-4 border-gray-200 bg-white p-3 dark:border-slate-800
        dark:bg-slate-900 ${alertEdge(props.alerts)}`}
      classList={{ 'text-gray-600 dark:text-slate-400': !isRunning(guest()) }}
    >
      <div class="flex items-center gap-2">
        <StatusDot tone={guestTone(guest().status)} label={guest().status} />
        <button
          type="button"
          data-row-index={props.index}
          onClick={() => props.onOpen(guest())}
          class="min-w-0 truncate rounded text-left font-semibold outline-none
            focus-visible:ring-2 focus-visible:ring-sky-600 dark:focus-visible:ring-sky-400"
        >
          {guest().name}
        </button>
        <AlertBadge alerts={props.alerts} />
        <span class={`ml-auto shrink-0 text-xs tabular-nums ${MUTED}`}>
          {typeLabel(guest())} {guest().vmid}
        </span>
        <Sparkline lines={props.lines} />
      </div>
      <div class="mt-2 grid grid-cols-3 gap-x-3">
        <UsageBar
          stacked
          label="CPU"
          metric="cpu"
          percent={cpuPercent(guest())}
          detail={cpuDetail(guest())}
        />
        <UsageBar
          stacked
          label="Mem"
          metric="memory"
          percent={memoryPercent(guest())}
          detail={memoryDetail(guest())}
        />
        <UsageBar
          stacked
          label="Disk"
          metric="disk"
          percent={knownDiskUsage(guest())}
          detail={diskDetail(guest())}
        />
      </div>
      <dl class="mt-2 space-y-0.5 text-xs tabular-nums">
        <Figure label="Net">
          in <RateText guest={guest()} value={guest().networkIn} /> · out{' '}
          <RateText guest={guest()} value={guest().networkOut} />
        </Figure>
        <Figure label="Disk I/O">
          read <RateText guest={guest()} value={guest().diskRead} /> · write{' '}
          <RateText guest={guest()} value={guest().diskWrite} />
        </Figure>
        <Figure label="Up">
          {isRunning(guest()) ? formatUptime(guest().uptime) : 'stopped'}
          <span class={MUTED}> · backup </span>
          <BackupAge guest={guest()} now={props.now} />
        </Figure>
      </dl>
      <Show when={(guest().tags ?? []).length > 0}>
        <div class="mt-2">
          <TagList tags={guest().tags} max={4} />
        </div>
      </Show>
    </article>
  );
}

function Figure(props: { label: string; children: JSX.Element }) {
  return (
    <div class="flex min-w-0 gap-1.5">
      <dt class={`w-14 shrink-0 ${MUTED}`}>{props.label}</dt>
      <dd class="min-w-0 truncate">{props.children}</dd>
    </div>
  );
}
