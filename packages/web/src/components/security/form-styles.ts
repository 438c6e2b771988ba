/** Class strings shared by the security forms, so they look alike. */
export const INPUT_CLASS =
  'mt-1 block w-full rounded-md border border-gray-300 bg-white px-3 py-2 text-sm shadow-sm ' +
  'outline-none focus:border-sky-600 focus:ring-2 focus:ring-sky-600/30 dark:border-slate-700 ' +
  'dark:bg-slate-950';

export const LABEL_CLASS = 'block text-sm font-medium text-gray-700 dark:text-slate-300';

export const PRIMARY_BUTTON_CLASS =
  'inline-flex items-center justify-center rounded-md bg-sky-700 px-4 py-2 text-sm ' +
  'font-semibold text-white hover:bg-sky-800 focus-visible:outline-none focus-visible:ring-2 ' +
  'focus-visible:ring-sky-600 focus-visible:ring-offset-2 disabled:opacity-60 ' +
  'dark:focus-visible:ring-offset-slate-900';

export const SECONDARY_BUTTON_CLASS =
  'inline-flex items-center justify-center rounded-md border border-gray-300 bg-white px-3 ' +
  'py-2 text-sm font-medium text-gray-800 hover:bg-gray-50 focus-visible:outline-none ' +
  'focus-visible:ring-2 focus-visible:ring-sky-600 disabled:opacity-60 dark:border-slate-700 ' +
  'dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800';

export const CARD_CLASS =
  'rounded-lg border border-gray-200 bg-white p-5 shadow-sm dark:border-slate-800 ' +
  'dark:bg-slate-900';

export const ERROR_CLASS =
  'rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800 ' +
  'dark:border-red-900 dark:bg-red-950 dark:text-red-200';
