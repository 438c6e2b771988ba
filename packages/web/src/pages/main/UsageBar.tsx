import { Show } from 'solid-js';
import { BAR_FILL, LEVEL_TEXT, MUTED } from '../../components/styles.ts';
import { formatPercent } from '../../lib/format.ts';
import { type UsageMetric, usageLevel } from '../../lib/metric-levels.ts';

export interface UsageBarProps {
  label: string;
  metric: UsageMetric;
  /** 0–100; undefined when unknown (a stopped guest's CPU, a disk of unknown size). */
  percent: number | undefined;
  /** Absolute figures beside the percentage, e.g. `3.2 / 16 GiB` or `2.3 of 8 cores`. */
  detail?: string;
  /** Hide the label visually (a table column names it); screen readers still get it. */
  compact?: boolean;
  /** Label and percentage over the absolute figures, for narrow side-by-side bars. */
  stacked?: boolean;
}

/**
 * A labelled usage bar: percentage and absolute figures above a thin bar coloured by the
 * metric's thresholds. Widths are fixed and digits tabular, so live updates never move text.
 */
export function UsageBar(props: UsageBarProps) {
  const level = () => usageLevel(props.metric, props.percent ?? 0);
  const percentText = () => (props.percent === undefined ? '–' : formatPercent(props.percent));
  const width = () => `${Math.min(100, Math.max(0, props.percent ?? 0))}%`;

  return (
    <div class="min-w-0" title={props.detail ? `${props.label}: ${props.detail}` : undefined}>
      <Show
        when={props.stacked}
        fallback={
          <div class="flex items-baseline gap-1.5 text-xs leading-5 tabular-nums">
            <span class={props.compact ? 'sr-only' : `w-14 shrink-0 truncate ${MUTED}`}>
              {props.label}
            </span>
            <span class={`w-10 shrink-0 text-right text-[0.8125rem] ${LEVEL_TEXT[level()]}`}>
              {percentText()}
            </span>
            <span class={`min-w-0 truncate ${MUTED}`}>{props.detail}</span>
          </div>
        }
      >
        <div class="flex items-baseline justify-between gap-1 text-xs leading-5 tabular-nums">
          <span class={MUTED}>{props.label}</span>
          <span class={`text-[0.8125rem] ${LEVEL_TEXT[level()]}`}>{percentText()}</span>
        </div>
        <Show when={props.detail !== undefined}>
          <div class={`truncate text-xs leading-4 tabular-nums ${MUTED}`}>
            {props.detail || '\u00a0'}
          </div>
        </Show>
      </Show>
      <div
        class="h-1.5 overflow-hidden rounded-full bg-gray-200 dark:bg-slate-700"
        aria-hidden="true"
      >
        <div
          class={`h-full rounded-full transition-[width] duration-500
            motion-reduce:transition-none ${BAR_FILL[level()]}`}
          style={{ width: width() }}
        />
      </div>
    </div>
  );
}
