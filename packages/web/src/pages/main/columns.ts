import type { SortKey } from '../../lib/guest-view.ts';

export interface Column {
  id: string;
  label: string;
  /** Full name for screen readers and tooltips when the label is abbreviated. */
  title?: string;
  sort?: SortKey;
  /** Numbers align right so digits line up. */
  numeric?: boolean;
}

/** The guest table's columns, in order; GRID_TEMPLATE gives their widths. */
export const COLUMNS: readonly Column[] = [
  { id: 'name', label: 'Name', sort: 'name' },
  { id: 'type', label: 'Type', sort: 'type' },
  { id: 'vmid', label: 'VMID', sort: 'vmid', numeric: true },
  { id: 'uptime', label: 'Uptime', sort: 'uptime', numeric: true },
  { id: 'cpu', label: 'CPU', sort: 'cpu' },
  { id: 'memory', label: 'Memory', sort: 'memory' },
  { id: 'disk', label: 'Disk', sort: 'disk' },
  { id: 'trend', label: '1h', title: 'CPU and memory over the last hour' },
  { id: 'diskread', label: 'Read', title: 'Disk read', sort: 'diskread', numeric: true },
  { id: 'diskwrite', label: 'Write', title: 'Disk write', sort: 'diskwrite', numeric: true },
  { id: 'netin', label: 'Net in', title: 'Network in', sort: 'netin', numeric: true },
  { id: 'netout', label: 'Net out', title: 'Network out', sort: 'netout', numeric: true },
  { id: 'tags', label: 'Tags' },
  {
    id: 'backup',
    label: 'Backup',
    title: 'Age of the newest backup',
    sort: 'backup',
    numeric: true,
  },
];

/**
 * Fixed widths for short columns and shares with minimums for the rest: a number changing
 * never moves a column. The sum of minimums fits a 1280 px window with a scrollbar.
 */
export const GRID_TEMPLATE = [
  'minmax(8rem,1.4fr)',
  '2.5rem',
  '3rem',
  '4rem',
  'minmax(6rem,1fr)',
  'minmax(8.5rem,1.2fr)',
  'minmax(8.5rem,1.2fr)',
  '3.5rem',
  '4rem',
  '4rem',
  '4rem',
  '4rem',
  'minmax(4rem,0.8fr)',
  '3.5rem',
].join(' ');

/** The smallest width at which the table needs no horizontal scrolling. */
export const TABLE_MIN_WIDTH = '74rem';

export const ROW_HEIGHT = 44;
export const NODE_ROW_HEIGHT = 36;
