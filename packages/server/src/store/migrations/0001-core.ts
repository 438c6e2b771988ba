import type { Migration } from '../migration.ts';

export const coreMigration: Migration = {
  id: '0001-core',
  up(db) {
    db.exec(`
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL,
        updated_at INTEGER NOT NULL
      );
    `);
  },
};
