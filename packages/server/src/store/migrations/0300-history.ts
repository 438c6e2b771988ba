import type { Migration } from '../migration.ts';

/** Raw columns: one value per metric slot (a kind uses the first few). */
const RAW_VALUES = ['v0', 'v1', 'v2', 'v3', 'v4', 'v5', 'v6'];

/** Rolled-up columns: min, average and max per metric slot. */
const TIER_VALUES = RAW_VALUES.flatMap((v) => [`${v}_min`, `${v}_avg`, `${v}_max`]);

function valueTable(table: string, columns: string[]): string {
  return `
    CREATE TABLE ${table} (
      resource INTEGER NOT NULL,
      ts INTEGER NOT NULL,
      ${columns.map((column) => `${column} INTEGER`).join(',\n      ')},
      PRIMARY KEY (resource, ts)
    ) WITHOUT ROWID;
    CREATE INDEX ${table}_ts ON ${table} (ts);`;
}

/**
 * Metrics history. Values are integers in scaled units (percent x100, bytes), timestamps
 * Unix seconds: small rows matter when a fleet writes thousands of them per cycle. Every
 * table is keyed by (resource, ts) for one-resource range reads, with a ts index for
 * roll-ups and pruning by age.
 */
export const historyMigration: Migration = {
  id: '0300-history',
  up(db) {
    db.exec(`
      CREATE TABLE history_resources (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        key TEXT NOT NULL,
        last_seen INTEGER NOT NULL,
        UNIQUE (key, kind)
      );
      CREATE TABLE history_progress (
        tier TEXT PRIMARY KEY,
        rolled_until INTEGER NOT NULL
      );
      ${valueTable('history_raw', RAW_VALUES)}
      ${valueTable('history_1m', ['n', ...TIER_VALUES])}
      ${valueTable('history_5m', ['n', ...TIER_VALUES])}
      ${valueTable('history_1h', ['n', ...TIER_VALUES])}
    `);
  },
};
