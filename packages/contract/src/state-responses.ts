import { z } from 'zod';
import { Storage } from './state.ts';
import { GuestSnapshot, PveBackups, StorageBackup } from './state-backups.ts';
import { PbsBackup, PbsInstance } from './state-pbs.ts';

/* Bodies of the read routes built from the live state. */

/** `GET /api/storage/:id`. */
export const StorageResponse = z.object({ data: Storage, timestamp: z.number() });
export type StorageResponse = z.infer<typeof StorageResponse>;

/** `GET /api/storage/`: every storage (the original answered 400 here). */
export const StorageListResponse = z.object({ data: z.array(Storage), timestamp: z.number() });
export type StorageListResponse = z.infer<typeof StorageListResponse>;

/** `GET /api/backups` and `/api/backups/unified`. */
export const BackupsResponse = PveBackups.extend({ pbsBackups: z.array(PbsBackup) });
export type BackupsResponse = z.infer<typeof BackupsResponse>;

/** `GET /api/backups/pve`. */
export const PveBackupsResponse = z.object({ backups: z.array(StorageBackup) });
export type PveBackupsResponse = z.infer<typeof PveBackupsResponse>;

/** `GET /api/backups/pbs`. */
export const PbsBackupsResponse = z.object({ instances: z.array(PbsInstance) });
export type PbsBackupsResponse = z.infer<typeof PbsBackupsResponse>;

/** `GET /api/snapshots`. */
export const SnapshotsResponse = z.object({ snapshots: z.array(GuestSnapshot) });
export type SnapshotsResponse = z.infer<typeof SnapshotsResponse>;
