import type { AuditRecord } from '@pulse/contract';
import { For, Show } from 'solid-js';

export interface AuditLogTableProps {
  events: AuditRecord[];
}

function describe(details: AuditRecord['details']): string {
  if (!details) return '';
  return Object.entries(details)
    .map(([key, value]) => `${key}: ${String(value)}`)
    .join(', ');
}

/** The security audit log, newest first. */
export function AuditLogTable(props: AuditLogTableProps) {
  return (
    <Show
      when={props.events.length > 0}
      fallback={<p class="text-sm text-gray-500">No security events yet.</p>}
    >
      <div class="overflow-x-auto">
        <table class="w-full text-left text-sm" aria-label="Security audit log">
          <thead class="text-xs uppercase text-gray-500 dark:text-slate-400">
            <tr>
              <th class="py-2 pr-3">Time</th>
              <th class="py-2 pr-3">Event</th>
              <th class="py-2 pr-3">Outcome</th>
              <th class="py-2 pr-3">User</th>
              <th class="py-2 pr-3">Address</th>
              <th class="py-2 pr-3">Details</th>
            </tr>
          </thead>
          <tbody class="divide-y divide-gray-100 dark:divide-slate-800">
            <For each={props.events}>
              {(event) => (
                <tr>
                  <td class="py-1.5 pr-3 whitespace-nowrap">
                    {new Date(event.at).toLocaleString()}
                  </td>
                  <td class="py-1.5 pr-3">{event.event.replaceAll('_', ' ')}</td>
                  <td
                    class="py-1.5 pr-3"
                    classList={{ 'text-red-700 dark:text-red-400': event.outcome === 'failure' }}
                  >
                    {event.outcome}
                  </td>
                  <td class="py-1.5 pr-3">{event.user ?? '—'}</td>
                  <td class="py-1.5 pr-3 font-mono text-xs" title={event.userAgent}>
                    {event.ip}
                  </td>
                  <td class="py-1.5 pr-3 text-gray-600 dark:text-slate-400">
                    {describe(event.details)}
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
    </Show>
  );
}
