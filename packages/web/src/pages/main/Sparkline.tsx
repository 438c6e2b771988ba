import { Show } from 'solid-js';
import { sparklinePath } from '../../lib/sparkline.ts';
import type { GuestSparklines } from './use-sparklines.ts';

const WIDTH = 52;
const HEIGHT = 26;

/** CPU (sky) and memory (violet) of the last hour in one small box; nothing when unknown. */
export function Sparkline(props: { lines: GuestSparklines | undefined }) {
  return (
    <Show when={props.lines}>
      {(lines) => (
        <svg
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
          width={WIDTH}
          height={HEIGHT}
          role="img"
          aria-label="CPU and memory over the last hour"
          class="overflow-visible"
        >
          <rect width={WIDTH} height={HEIGHT} rx="3" class="fill-gray-100 dark:fill-slate-800" />
          <path
            d={sparklinePath(lines().memory, WIDTH, HEIGHT)}
            fill="none"
            stroke-width="1.25"
            class="stroke-violet-600 dark:stroke-violet-400"
          />
          <path
            d={sparklinePath(lines().cpu, WIDTH, HEIGHT)}
            fill="none"
            stroke-width="1.25"
            class="stroke-sky-600 dark:stroke-sky-400"
          />
        </svg>
      )}
    </Show>
  );
}
