import type { AlertSummary } from '@pulse/contract';
import type { FillForecast, UsageSample } from '../../lib/fill-forecast.ts';
import type { GroupMode, StorageGroup } from './storage-rows.ts';

/** What the table and the cards both show. */
export interface StorageViewProps {
  groups: readonly StorageGroup[];
  mode: GroupMode;
  history: ReadonlyMap<string, UsageSample[]> | undefined;
  forecasts: ReadonlyMap<string, FillForecast>;
  alerts: ReadonlyMap<string, AlertSummary[]>;
  now: number;
}

/** `pve1, pve2` for shared storage, the node otherwise. */
export function whereLabel(row: { node: string; nodes: string[]; shared: boolean }): string {
  return row.shared ? `shared: ${row.nodes.join(', ')}` : row.node;
}
