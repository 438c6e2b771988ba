/** One measured figure, as printed in the benchmark table and written to results. */
export interface BenchResult {
  /** The suite that measured it, e.g. `simulator`. */
  suite: string;
  /** What was measured, e.g. `scale-10000 start`. */
  name: string;
  value: number;
  /** Unit of `value`, e.g. `ms`, `MiB`, `bytes`, `calls`. */
  unit: string;
  /** Free-form context: sample size, percentile, scenario. */
  note?: string;
}

/** Reports progress of long work on stderr, one line per step. */
export type Progress = (message: string) => void;

/** A benchmark suite: `bench/src/suites/<name>.ts` exports one as `suite`. */
export interface BenchSuite {
  name: string;
  run(progress: Progress): Promise<BenchResult[]>;
}
