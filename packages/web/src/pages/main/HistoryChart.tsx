import type { ChartPoint } from '@pulse/contract';
import { createEffect, onCleanup } from 'solid-js';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { alignSeries } from '../../lib/chart-data.ts';
import { formatPercent, formatRate } from '../../lib/format.ts';
import { resolvedTheme } from '../../stores/theme.ts';

export interface ChartSeries {
  label: string;
  /** Stroke colours for the light and the dark theme. */
  color: { light: string; dark: string };
  points: readonly ChartPoint[];
}

export interface HistoryChartProps {
  title: string;
  unit: 'percent' | 'rate';
  series: readonly ChartSeries[];
  /** The time axis in Unix seconds: the whole range asked for, however little history exists. */
  span: { from: number; to: number };
}

/** The y axis of a rate chart covers at least this many bytes per second. */
const MIN_RATE_SCALE = 1000;

const HEIGHT = 160;

const AXIS = {
  light: { text: '#4b5563', grid: '#e5e7eb' },
  dark: { text: '#94a3b8', grid: '#1e293b' },
};

/** One uPlot chart of a few series on a shared time axis, redrawn when data or theme change. */
export function HistoryChart(props: HistoryChartProps) {
  let container!: HTMLDivElement;
  let plot: uPlot | undefined;

  createEffect(() => {
    const theme = resolvedTheme();
    const data = alignSeries(props.series.map((series) => series.points));
    plot?.destroy();
    plot = new uPlot(options(props, theme, container.clientWidth), data, container);
  });

  const observer = new ResizeObserver(() =>
    plot?.setSize({ width: container.clientWidth, height: HEIGHT }),
  );
  createEffect(() => observer.observe(container));
  onCleanup(() => {
    observer.disconnect();
    plot?.destroy();
  });

  return (
    <figure class="min-w-0">
      <figcaption class="text-sm font-medium">{props.title}</figcaption>
      <div ref={container} class="mt-1 w-full" role="img" aria-label={`${props.title} chart`} />
    </figure>
  );
}

function options(props: HistoryChartProps, theme: 'light' | 'dark', width: number): uPlot.Options {
  const colors = AXIS[theme];
  const format = (value: number | null) => {
    if (value === null) return '–';
    return props.unit === 'percent' ? formatPercent(value) : formatRate(value);
  };
  const axis: uPlot.Axis = {
    stroke: colors.text,
    grid: { stroke: colors.grid, width: 1 },
    ticks: { stroke: colors.grid, width: 1 },
  };

  return {
    width: Math.max(200, width),
    height: HEIGHT,
    legend: { show: true, live: true },
    cursor: { drag: { x: false, y: false } },
    scales: {
      x: { time: true, range: () => [props.span.from, props.span.to] },
      y:
        props.unit === 'percent'
          ? { range: [0, 100] }
          : { range: (_u, _min, max) => [0, Math.max(MIN_RATE_SCALE, max)] },
    },
    axes: [axis, { ...axis, size: 64, values: (_u, ticks) => ticks.map((tick) => format(tick)) }],
    series: [
      {},
      ...props.series.map((series) => ({
        label: series.label,
        stroke: theme === 'dark' ? series.color.dark : series.color.light,
        width: 1.5,
        value: (_u: uPlot, value: number | null) => format(value),
        spanGaps: false,
      })),
    ],
  };
}
