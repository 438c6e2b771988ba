import { BAR_FILL, LEVEL_TEXT, MUTED } from '../../components/styles.ts';
import { formatPercent, formatUsage } from '../../lib/format.ts';
import { usageLevel } from '../../lib/metric-levels.ts';

export interface UsageMeterProps {
  label: string;
  used: number;
  total: number;
  /** Percent 0–100. */
  usage: number;
  /** Greyed out: the storage is not available, its figures are stale or zero. */
  isDimmed?: boolean;
}

/**
 * Percentage, used / total, and a bar coloured at the disk alert thresholds. Fixed widths
 * and tabular digits keep the text still while figures change.
 */
export function UsageMeter(props: UsageMeterProps) {
  const level = () => (props.isDimmed ? 'normal' : usageLevel('disk', props.usage));
  const width = () => `${Math.min(100, Math.max(0, props.usage))}%`;

  return (
    <div class="min-w-0">
      <div class="flex items-baseline gap-2 text-sm leading-5 tabular-nums">
        <span class={`w-11 shrink-0 text-right ${LEVEL_TEXT[level()]}`}>
          {props.total > 0 ? formatPercent(props.usage) : '–'}
        </span>
        <span class={`min-w-0 truncate text-xs ${MUTED}`}>
          {props.total > 0 ? formatUsage(props.used, props.total) : 'no capacity reported'}
        </span>
      </div>
      {/* biome-ignore lint/a11y/useSemanticElements: a native <meter> cannot take these styles
          in every browser */}
      <div
        class="mt-0.5 h-1.5 overflow-hidden rounded-full bg-gray-200 dark:bg-slate-700"
        role="meter"
        aria-label={props.label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(props.usage)}
        aria-valuetext={`${formatPercent(props.usage)}, ${formatUsage(props.used, props.total)}`}
      >
        <div
          class={`h-full rounded-full transition-[width] duration-500
            motion-reduce:transition-none
            ${props.isDimmed ? 'bg-gray-400 dark:bg-slate-500' : BAR_FILL[level()]}`}
          style={{ width: width() }}
        />
      </div>
    </div>
  );
}
