import type { Migration } from '../migration.ts';

/**
 * Security state: credentials set from the UI (hashes only), browser sessions (stored by the
 * hash of their cookie, so a copy of the database opens no session) and the audit log.
 */
export const securityMigration: Migration = {
  id: '0100-security',
  up(db) {
    db.exec(`
      CREATE TABLE security_credentials (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL,
        updated_at INTEGER NOT NULL
      );

      CREATE TABLE sessions (
        id_hash TEXT PRIMARY KEY,
        user TEXT NOT NULL,
        csrf_hash TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        ip TEXT NOT NULL,
        user_agent TEXT NOT NULL
      );
      CREATE INDEX sessions_user ON sessions (user);
      CREATE INDEX sessions_expires_at ON sessions (expires_at);

      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at INTEGER NOT NULL,
        event TEXT NOT NULL,
        outcome TEXT NOT NULL,
        user TEXT,
        ip TEXT NOT NULL,
        user_agent TEXT NOT NULL,
        path TEXT NOT NULL,
        details TEXT
      );
      CREATE INDEX audit_log_at ON audit_log (at);
    `);
  },
};
