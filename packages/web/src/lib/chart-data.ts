import type { ChartPoint } from '@pulse/contract';

/** uPlot's column format: shared x values (Unix seconds), then one y column per series. */
export type AlignedData = [number[], ...(number | null)[][]];

/**
 * Puts several series on one time axis: the union of their timestamps, with null where a
 * series has no point (uPlot draws a gap there instead of inventing a value).
 */
export function alignSeries(series: readonly (readonly ChartPoint[])[]): AlignedData {
  const times = new Set<number>();
  for (const points of series) for (const point of points) times.add(point.timestamp);
  const axis = [...times].sort((a, b) => a - b);
  const position = new Map(axis.map((time, index) => [time, index]));

  const columns = series.map((points) => {
    const column: (number | null)[] = new Array(axis.length).fill(null);
    for (const point of points) {
      const index = position.get(point.timestamp);
      if (index !== undefined) column[index] = point.value;
    }
    return column;
  });
  return [axis.map((ms) => ms / 1000), ...columns];
}
