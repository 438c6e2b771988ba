import { createUniqueId } from 'solid-js';
import { MUTED } from '../../components/styles.ts';

export interface ThresholdSliderProps {
  label: string;
  /** Minimum percentage a guest must reach to be listed; 0 lists all. */
  value: number;
  onChange(value: number): void;
}

/** "At least x %" for one usage metric; 0 reads "any" and filters nothing. */
export function ThresholdSlider(props: ThresholdSliderProps) {
  const id = createUniqueId();
  return (
    <div class="flex items-center gap-2 text-sm">
      <label for={id} class={`w-9 ${MUTED}`}>
        {props.label}
      </label>
      <input
        id={id}
        type="range"
        min="0"
        max="100"
        step="5"
        value={props.value}
        aria-valuetext={props.value === 0 ? 'any' : `at least ${props.value}%`}
        onInput={(event) => props.onChange(Number(event.currentTarget.value))}
        class="h-1.5 w-24 cursor-pointer accent-sky-700 dark:accent-sky-400"
      />
      <output for={id} class="w-12 text-right tabular-nums">
        {props.value === 0 ? 'any' : `≥${props.value}%`}
      </output>
    </div>
  );
}
