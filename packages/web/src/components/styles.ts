import type { Level, RateLevel } from '../lib/metric-levels.ts';

/*
 * Class lists shared by every page. Text colours pass WCAG AA on white, gray-50 and
 * slate-900 rows; bar fills only need to stand apart from their track.
 */

/** Secondary text. */
export const MUTED = 'text-gray-600 dark:text-slate-400';

export const BAR_FILL: Record<Level, string> = {
  normal: 'bg-emerald-500 dark:bg-emerald-400',
  warning: 'bg-amber-500 dark:bg-amber-400',
  critical: 'bg-red-600 dark:bg-red-500',
};

export const LEVEL_TEXT: Record<Level, string> = {
  normal: '',
  warning: 'text-amber-800 dark:text-amber-300',
  critical: 'font-semibold text-red-700 dark:text-red-400',
};

export const RATE_TEXT: Record<RateLevel, string> = {
  idle: MUTED,
  ...LEVEL_TEXT,
};

/** A white (dark: slate) box with a hairline border. */
export const PANEL =
  'rounded-lg border border-gray-200 bg-white shadow-xs dark:border-slate-800 dark:bg-slate-900';

export const FOCUS_RING =
  'outline-none focus-visible:ring-2 focus-visible:ring-sky-600 dark:focus-visible:ring-sky-400';

/** A small neutral tag: a storage type, a content type. */
export const TAG =
  'inline-block rounded bg-gray-100 px-1.5 py-px text-xs text-gray-700 ' +
  'dark:bg-slate-800 dark:text-slate-300';

export const INPUT =
  'h-8 rounded-md border border-gray-300 bg-white px-2 text-sm text-gray-900 ' +
  'placeholder:text-gray-500 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100 ' +
  `dark:placeholder:text-slate-500 ${FOCUS_RING}`;
