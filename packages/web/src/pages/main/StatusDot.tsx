export type DotTone = 'up' | 'down' | 'paused' | 'off';

const TONES: Record<DotTone, string> = {
  up: 'bg-emerald-500',
  down: 'bg-red-600',
  paused: 'bg-amber-500',
  off: 'bg-gray-400 dark:bg-slate-500',
};

/** A status dot; the word it stands for is always given to screen readers. */
export function StatusDot(props: { tone: DotTone; label: string }) {
  return (
    <span
      class={`inline-block size-2 shrink-0 rounded-full ${TONES[props.tone]}`}
      title={props.label}
    >
      <span class="sr-only">{props.label}</span>
    </span>
  );
}

/** The tone of a guest status as Proxmox words it. */
export function guestTone(status: string): DotTone {
  if (status === 'running') return 'up';
  if (status === 'paused' || status === 'suspended') return 'paused';
  return 'off';
}
