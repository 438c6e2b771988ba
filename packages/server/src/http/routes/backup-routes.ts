import {
  BackupsResponse,
  PbsBackupsResponse,
  PveBackupsResponse,
  SnapshotsResponse,
} from '@pulse/contract';
import type { Monitor } from '../../monitor/monitor.ts';
import { type RouteDefinition, route } from '../route.ts';

export interface BackupRouteDeps {
  monitor: Monitor;
}

export function backupRoutes(deps: BackupRouteDeps): RouteDefinition[] {
  const all = () => {
    const state = deps.monitor.getState();
    return { ...state.pveBackups, pbsBackups: state.pbsBackups };
  };
  return [
    route({
      method: 'GET',
      url: '/api/backups',
      access: 'read',
      summary: 'Backup tasks, backup files, snapshots and PBS backups',
      response: BackupsResponse,
      handler: all,
    }),
    route({
      method: 'GET',
      url: '/api/backups/unified',
      access: 'read',
      summary: 'Same as /api/backups',
      response: BackupsResponse,
      handler: all,
    }),
    route({
      method: 'GET',
      url: '/api/backups/pve',
      access: 'read',
      summary: 'Backup files listed by PVE storages',
      response: PveBackupsResponse,
      handler: () => ({ backups: deps.monitor.getState().pveBackups.storageBackups }),
    }),
    route({
      method: 'GET',
      url: '/api/backups/pbs',
      access: 'read',
      summary: 'Proxmox Backup Servers with their datastores',
      response: PbsBackupsResponse,
      handler: () => ({ instances: deps.monitor.getState().pbs }),
    }),
    route({
      method: 'GET',
      url: '/api/snapshots',
      access: 'read',
      summary: 'Snapshots of every VM and container',
      response: SnapshotsResponse,
      handler: () => ({ snapshots: deps.monitor.getState().pveBackups.guestSnapshots }),
    }),
  ];
}
