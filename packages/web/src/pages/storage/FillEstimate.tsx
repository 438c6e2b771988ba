import { Match, Switch } from 'solid-js';
import { MUTED } from '../../components/styles.ts';
import { type FillForecast, formatHistorySpan, formatTimeToFull } from '../../lib/fill-forecast.ts';
import { formatBytes, formatDateTime } from '../../lib/format.ts';

export interface FillEstimateProps {
  forecast: FillForecast | undefined;
  /** PBS's own estimate, shown while Pulse has too little history of its own. */
  pbsFullDate?: string;
  now: number;
}

const DAY_MS = 86_400_000;

/** "Full in 3 weeks", "Not filling" or why there is no estimate yet; details in the title. */
export function FillEstimate(props: FillEstimateProps) {
  const urgency = (days: number) => {
    if (days < 30) return 'font-semibold text-red-700 dark:text-red-400';
    return days < 90 ? 'text-amber-800 dark:text-amber-300' : '';
  };
  const pbsDays = () =>
    props.pbsFullDate ? (Date.parse(props.pbsFullDate) - props.now) / DAY_MS : undefined;

  return (
    <Switch fallback={<span class={`text-xs ${MUTED}`}>–</span>}>
      <Match when={props.forecast?.kind === 'full'}>
        <span class="font-semibold text-red-700 dark:text-red-400">Full</span>
      </Match>
      <Match when={props.forecast?.kind === 'filling' && props.forecast}>
        {(forecast) => {
          const filling = forecast() as Extract<FillForecast, { kind: 'filling' }>;
          return (
            <span
              class={urgency(filling.daysUntilFull)}
              title={
                `About ${Math.round(filling.daysUntilFull)} days ` +
                `(${formatDateTime(filling.fullAt)}) at ${formatBytes(filling.bytesPerDay)}/day, ` +
                `from ${formatHistorySpan(filling.historyMs)} of history`
              }
            >
              Full {formatTimeToFull(filling.daysUntilFull)}
            </span>
          );
        }}
      </Match>
      <Match when={props.forecast?.kind === 'not-filling' && props.forecast}>
        {(forecast) => {
          const flat = forecast() as Extract<FillForecast, { kind: 'not-filling' }>;
          return (
            <span
              class={MUTED}
              title={
                `${formatBytes(Math.abs(flat.bytesPerDay))}/day ` +
                `${flat.bytesPerDay < 0 ? 'freed' : 'added'} ` +
                `over ${formatHistorySpan(flat.historyMs)}`
              }
            >
              Not filling
            </span>
          );
        }}
      </Match>
      <Match when={pbsDays() !== undefined && (pbsDays() ?? 0) > 0}>
        <span title="Estimated by the Backup Server; Pulse needs more history for its own">
          Full {formatTimeToFull(pbsDays() ?? 0)}
          <span class={`block text-xs ${MUTED}`}>estimate by PBS</span>
        </span>
      </Match>
      <Match when={props.forecast?.kind === 'unknown'}>
        <span class={`text-xs ${MUTED}`} title="An estimate needs at least 30 minutes of history">
          Collecting history
        </span>
      </Match>
    </Switch>
  );
}
