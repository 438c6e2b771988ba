import { createMemo, For, Show } from 'solid-js';
import { FOCUS_RING, MUTED, PANEL } from '../../components/styles.ts';
import type { BackupEntry } from '../../lib/backups-entries.ts';
import {
  backupFrequency,
  FREQUENCY_RANGES,
  type FrequencyBucket,
  type FrequencyRange,
} from '../../lib/backups-frequency.ts';
import { KIND_FILL, KIND_LABEL, KIND_ORDER } from './KindBadge.tsx';

export interface FrequencyChartProps {
  /** Entries matching every filter but the dates: the chart is where dates are picked. */
  entries: readonly BackupEntry[];
  range: FrequencyRange;
  /** The selected date filter, `YYYY-MM-DD` or empty. */
  from: string;
  to: string;
  now: number;
  onRange(range: FrequencyRange): void;
  /** Picks a bucket's days as the date filter; picking the selected one again clears it. */
  onPick(bucket: FrequencyBucket | undefined): void;
}

/** Backups per day (per week over a year), stacked by kind; a bar filters the list. */
export function FrequencyChart(props: FrequencyChartProps) {
  const chart = createMemo(() => backupFrequency(props.entries, props.range, props.now));
  const isPicked = (bucket: FrequencyBucket) =>
    props.from === bucket.firstDay && props.to === bucket.lastDay;
  const labelEvery = () => Math.ceil(chart().buckets.length / 7);
  // Dozens of tab stops would trap keyboard users; the date inputs serve them instead.
  const isFocusable = () => chart().buckets.length <= 31;

  return (
    <section aria-labelledby="frequency-title" class={`${PANEL} p-3`}>
      <div class="flex flex-wrap items-center gap-2">
        <h2 id="frequency-title" class="text-sm font-semibold">
          Backup frequency
        </h2>
        <ul class={`flex gap-3 text-xs ${MUTED}`}>
          <For each={KIND_ORDER}>
            {(kind) => (
              <li class="flex items-center gap-1">
                <span class={`inline-block size-2.5 rounded-sm ${KIND_FILL[kind]}`} />
                {KIND_LABEL[kind]}
              </li>
            )}
          </For>
        </ul>
        <div
          class="ml-auto inline-flex rounded-md border border-gray-300 p-0.5
          dark:border-slate-700"
        >
          <For each={FREQUENCY_RANGES}>
            {(range) => (
              <button
                type="button"
                aria-pressed={props.range === range}
                onClick={() => props.onRange(range)}
                class={`rounded px-2 py-0.5 text-xs ${FOCUS_RING}`}
                classList={{
                  'bg-sky-700 text-white': props.range === range,
                  'text-gray-700 hover:bg-gray-100 dark:text-slate-300 dark:hover:bg-slate-800':
                    props.range !== range,
                }}
              >
                {range}
              </button>
            )}
          </For>
        </div>
      </div>
      <div class="mt-3 flex gap-2">
        <div class={`flex w-6 flex-col justify-between text-right text-xs tabular-nums ${MUTED}`}>
          <span>{chart().max}</span>
          <span>0</span>
        </div>
        <fieldset
          class="flex h-28 min-w-0 flex-1 items-end gap-px border-b border-l
          border-gray-300 dark:border-slate-700"
        >
          <legend class="sr-only">
            Backups per {chart().bucketDays === 1 ? 'day' : 'week'}; pick one to list only its
            backups
          </legend>
          <For each={chart().buckets}>
            {(bucket) => (
              <Bar
                bucket={bucket}
                max={chart().max}
                isPicked={isPicked(bucket)}
                isFocusable={isFocusable()}
                onPick={() => props.onPick(isPicked(bucket) ? undefined : bucket)}
              />
            )}
          </For>
        </fieldset>
      </div>
      <div class={`ml-8 mt-1 flex text-xs ${MUTED}`}>
        <For each={chart().buckets}>
          {(bucket, index) => (
            <span class="min-w-0 flex-1 overflow-visible whitespace-nowrap">
              <Show when={index() % labelEvery() === 0}>{bucket.label.split(' – ')[0]}</Show>
            </span>
          )}
        </For>
      </div>
    </section>
  );
}

interface BarProps {
  bucket: FrequencyBucket;
  max: number;
  isPicked: boolean;
  isFocusable: boolean;
  onPick(): void;
}

function Bar(props: BarProps) {
  const description = () => {
    const parts = KIND_ORDER.filter((kind) => props.bucket.counts[kind] > 0).map(
      (kind) => `${props.bucket.counts[kind]} ${KIND_LABEL[kind]}`,
    );
    const total = `${props.bucket.total} backup${props.bucket.total === 1 ? '' : 's'}`;
    return `${props.bucket.label}: ${total}${parts.length > 0 ? ` (${parts.join(', ')})` : ''}`;
  };
  return (
    <button
      type="button"
      tabIndex={props.isFocusable ? 0 : -1}
      aria-pressed={props.isPicked}
      aria-label={description()}
      title={description()}
      onClick={() => props.onPick()}
      class={`group flex h-full min-w-0 flex-1 flex-col-reverse rounded-t-sm ${FOCUS_RING}`}
      classList={{
        'bg-sky-100 dark:bg-sky-950': props.isPicked,
        'hover:bg-gray-100 dark:hover:bg-slate-800': !props.isPicked,
      }}
    >
      <For each={KIND_ORDER}>
        {(kind) => (
          <span
            class={`block w-full shrink-0 ${KIND_FILL[kind]}`}
            style={{ height: `${(props.bucket.counts[kind] / props.max) * 100}%` }}
          />
        )}
      </For>
    </button>
  );
}
