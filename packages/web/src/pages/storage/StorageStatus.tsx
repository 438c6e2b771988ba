import type { StorageGroup } from './storage-rows.ts';

const DOT = {
  online: 'bg-emerald-500',
  offline: 'bg-red-600',
  unknown: 'bg-gray-400 dark:bg-slate-500',
} as const;

/** A dot for a group's node or Backup Server; the word is there for screen readers. */
export function PlaceDot(props: { status: StorageGroup['status'] }) {
  const status = () => props.status ?? 'unknown';
  return (
    <span class={`inline-block size-2 shrink-0 rounded-full ${DOT[status()]}`} title={status()}>
      <span class="sr-only">{status()}</span>
    </span>
  );
}

/** A storage's status word: quiet when available, loud when not. */
export function StorageStatus(props: { status: string }) {
  return (
    <span
      class="inline-flex items-center gap-1.5 text-sm"
      classList={{
        'text-gray-700 dark:text-slate-300': props.status === 'available',
        'font-medium text-red-700 dark:text-red-400': props.status !== 'available',
      }}
    >
      <span
        class="inline-block size-2 shrink-0 rounded-full"
        classList={{
          'bg-emerald-500': props.status === 'available',
          'bg-red-600': props.status !== 'available',
        }}
        aria-hidden="true"
      />
      {props.status}
    </span>
  );
}
