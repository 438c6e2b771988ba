import { ChartIcon } from '../../components/Icons.tsx';

/** The small "history" button in the corner of a card. */
export function ChartButton(props: { label: string; onClick(): void }) {
  return (
    <button
      type="button"
      aria-label={props.label}
      title={props.label}
      onClick={() => props.onClick()}
      class="absolute top-2 right-2 grid size-7 place-items-center rounded-md text-gray-600
        outline-none hover:bg-gray-100 focus-visible:ring-2 focus-visible:ring-sky-600
        dark:text-slate-400 dark:hover:bg-slate-800 dark:focus-visible:ring-sky-400"
    >
      <ChartIcon />
    </button>
  );
}
