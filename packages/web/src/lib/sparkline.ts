/** At most this many points per sparkline: a 56 px wide line shows no more. */
export const SPARKLINE_POINTS = 28;

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
