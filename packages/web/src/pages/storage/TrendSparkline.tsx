import { createMemo, Show } from 'solid-js';
import { MUTED } from '../../components/styles.ts';
import { formatHistorySpan } from '../../lib/fill-forecast.ts';
import { formatPercent } from '../../lib/format.ts';

const WIDTH = 96;
const HEIGHT = 24;
/** Storage moves slowly: a scale narrower than this would make noise look like a trend. */
const MIN_SPAN_PERCENT = 2;

export interface TrendSparklineProps {
  /** Usage percentages, oldest first. */
  points: readonly { time: number; value: number }[];
  label: string;
}

/** Usage over the history held, scaled to its own range so slow growth is visible. */
export function TrendSparkline(props: TrendSparklineProps) {
  const shape = createMemo(() => {
    const points = props.points;
    const first = points[0];
    const last = points[points.length - 1];
    if (!first || !last || points.length < 2 || last.time === first.time) return undefined;

    const values = points.map((p) => p.value);
    const middle = (Math.min(...values) + Math.max(...values)) / 2;
    const span = Math.max(MIN_SPAN_PERCENT, Math.max(...values) - Math.min(...values));
    const low = middle - span / 2;
    const x = (time: number) => ((time - first.time) / (last.time - first.time)) * WIDTH;
    const y = (value: number) => HEIGHT - 2 - ((value - low) / span) * (HEIGHT - 4);
    const line = points.map((p) => `${x(p.time).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
    const description =
      `${props.label}: ${formatPercent(first.value)} to ${formatPercent(last.value)} ` +
      `over ${formatHistorySpan(last.time - first.time)}`;
    return { line, description };
  });

  return (
    <Show when={shape()} fallback={<span class={`text-xs ${MUTED}`}>–</span>}>
      {(drawn) => (
        <svg
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
          width={WIDTH}
          height={HEIGHT}
          role="img"
          aria-label={drawn().description}
          class="block overflow-visible text-sky-600 dark:text-sky-400"
        >
          <title>{drawn().description}</title>
          <polyline
            points={drawn().line}
            fill="none"
            stroke="currentColor"
            stroke-width="1.5"
            stroke-linejoin="round"
            vector-effect="non-scaling-stroke"
          />
        </svg>
      )}
    </Show>
  );
}
