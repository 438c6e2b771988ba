import type { Database } from 'better-sqlite3';

/** Persisted settings: one JSON value per key. */
export class SettingsRepository {
  constructor(private readonly db: Database) {}

  all(): Record<string, unknown> {
    const rows = this.db.prepare('SELECT key, value FROM settings').all() as {
      key: string;
      value: string;
    }[];
    return Object.fromEntries(rows.map((row) => [row.key, JSON.parse(row.value)]));
  }

  set(values: Record<string, unknown>): void {
    const upsert = this.db.prepare(
      `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
       ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
    );
    const now = Date.now();
    this.db.transaction(() => {
      for (const [key, value] of Object.entries(values)) {
        upsert.run(key, JSON.stringify(value), now);
      }
    })();
  }
}
