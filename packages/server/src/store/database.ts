import { closeSync, openSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import type { Migration } from './migration.ts';
import { MIGRATIONS } from './migrations/index.ts';

export type { Database } from 'better-sqlite3';

export const DATABASE_FILE = 'pulse.db';

/** Opens (creating if needed) the Pulse database in `dir` and brings its schema up to date. */
export function openDatabase(dir: string, migrations: Migration[] = MIGRATIONS): Database {
  const file = join(dir, DATABASE_FILE);
  // Created 0600 before SQLite opens it: its -wal and -shm files copy these permissions.
  closeSync(openSync(file, 'a', 0o600));
  const db = new BetterSqlite3(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  runMigrations(db, migrations);
  return db;
}

/** Runs, each in its own transaction, the migrations this database has not seen yet. */
export function runMigrations(db: Database, migrations: Migration[]): string[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    id TEXT PRIMARY KEY,
    applied_at INTEGER NOT NULL
  )`);
  const applied = new Set(
    db
      .prepare('SELECT id FROM schema_migrations')
      .pluck()
      .all()
      .map((id) => String(id)),
  );
  const pending = migrations
    .filter((migration) => !applied.has(migration.id))
    .sort((a, b) => a.id.localeCompare(b.id));

  for (const migration of pending) {
    db.transaction(() => {
      migration.up(db);
      db.prepare('INSERT INTO schema_migrations (id, applied_at) VALUES (?, ?)').run(
        migration.id,
        Date.now(),
      );
    })();
  }
  return pending.map((migration) => migration.id);
}
