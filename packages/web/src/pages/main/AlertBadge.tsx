import type { AlertSummary } from '@pulse/contract';
import { Show } from 'solid-js';

/** Count of active alerts on a resource, red when any is critical; lists them on hover. */
export function AlertBadge(props: { alerts: readonly AlertSummary[] | undefined }) {
  const alerts = () => props.alerts ?? [];
  const isCritical = () => alerts().some((alert) => alert.level === 'critical');
  const summary = () =>
    alerts()
      .map((alert) => `${alert.level}: ${alert.message}`)
      .join('\n');

  return (
    <Show when={alerts().length > 0}>
      <span
        data-testid="alert-badge"
        title={summary()}
        class="inline-flex h-5 shrink-0 items-center gap-0.5 rounded px-1 text-xs font-semibold
          tabular-nums"
        classList={{
          'bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-300': isCritical(),
          'bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200': !isCritical(),
        }}
      >
        <svg viewBox="0 0 16 16" class="size-3" fill="currentColor" aria-hidden="true">
          <path d="M8 1.5 15 14H1L8 1.5Zm-.75 4.5v4h1.5V6h-1.5Zm0 5.25v1.5h1.5v-1.5h-1.5Z" />
        </svg>
        {alerts().length}
        <span class="sr-only">{alerts().length === 1 ? 'active alert' : 'active alerts'}</span>
      </span>
    </Show>
  );
}

/** The border colour that marks a row or card with active alerts. */
export function alertEdge(alerts: readonly AlertSummary[] | undefined): string {
  if (!alerts || alerts.length === 0) return 'border-l-transparent';
  return alerts.some((alert) => alert.level === 'critical')
    ? 'border-l-red-600 dark:border-l-red-500'
    : 'border-l-amber-500 dark:border-l-amber-400';
}
