import type { Migration } from '../migration.ts';

/**
 * Configured Proxmox endpoints. Non-secret settings are JSON; credentials are one
 * AES-256-GCM sealed JSON blob. IDs are stable strings, never positions in a list.
 */
export const nodesMigration: Migration = {
  id: '0200-nodes',
  up(db) {
    db.exec(`
      CREATE TABLE monitored_nodes (
        id TEXT PRIMARY KEY,
        type TEXT NOT NULL CHECK (type IN ('pve', 'pbs')),
        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        host TEXT NOT NULL,
        settings TEXT NOT NULL,
        secrets BLOB NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
    `);
  },
};
