import type { Level, RateLevel } from '../../lib/metric-levels.ts';

/*
 * Colours of threshold levels, chosen for WCAG AA text contrast on white and slate-900 rows;
 * bar fills only need to stand apart from their track.
 */

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
  idle: 'text-gray-600 dark:text-slate-400',
  normal: '',
  warning: 'text-amber-800 dark:text-amber-300',
  critical: 'font-semibold text-red-700 dark:text-red-400',
};

/** Muted text that still passes AA on white, gray-50 and slate-900. */
export const MUTED = 'text-gray-600 dark:text-slate-400';
