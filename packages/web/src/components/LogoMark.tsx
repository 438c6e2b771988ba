/** The Pulse mark: a heartbeat trace on a rounded tile. Same drawing as public/favicon.svg. */
export function LogoMark(props: { class?: string }) {
  return (
    <svg viewBox="0 0 32 32" aria-hidden="true" class={props.class ?? 'size-7'}>
      <rect width="32" height="32" rx="8" class="fill-sky-700 dark:fill-sky-500" />
      <path
        d="M5 17h5l3-7 4 14 3-10 2 3h5"
        fill="none"
        stroke-width="2.5"
        stroke-linecap="round"
        stroke-linejoin="round"
        class="stroke-white dark:stroke-slate-950"
      />
    </svg>
  );
}
