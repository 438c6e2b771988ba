import type { ChartPoint } from '@pulse/contract';

/** At most this many points per sparkline: a 56 px wide line shows no more. */
export const SPARKLINE_POINTS = 28;

/**
 * Reduces a series to `max` points by averaging equal slices of it, which keeps the shape of
 * a busy hour without aliasing spikes away entirely.
 */
export function downsample(points: readonly ChartPoint[], max = SPARKLINE_POINTS): number[] {
  if (points.length <= max) return points.map((point) => point.value);
  const result: number[] = [];
  for (let slice = 0; slice < max; slice += 1) {
    const start = Math.floor((slice * points.length) / max);
    const end = Math.floor(((slice + 1) * points.length) / max);
    let sum = 0;
    for (let i = start; i < end; i += 1) sum += points[i]?.value ?? 0;
    result.push(sum / Math.max(1, end - start));
  }
  return result;
}

/**
 * The SVG path of percentages 0–100 in a `width` × `height` box, oldest left. One point is
 * drawn as a flat line so a guest with no history yet still shows its current level.
 */
export function sparklinePath(values: readonly number[], width: number, height: number): string {
  if (values.length === 0) return '';
  const series = values.length === 1 ? [values[0] ?? 0, values[0] ?? 0] : values;
  const step = width / (series.length - 1);
  const y = (value: number) => {
    const clamped = Math.min(100, Math.max(0, value));
    return (height - 1 - (clamped / 100) * (height - 2)).toFixed(1);
  };
  return series
    .map((value, i) => `${i === 0 ? 'M' : 'L'}${(i * step).toFixed(1)} ${y(value)}`)
    .join('');
}
