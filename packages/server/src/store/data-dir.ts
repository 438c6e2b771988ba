import { chmodSync, closeSync, mkdirSync, openSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import Database from 'better-sqlite3';
import { ConfigError } from '../errors.ts';

/** Creates the data folder readable only by the Pulse user and returns its absolute path. */
export function prepareDataDir(path: string): string {
  const dir = resolve(path);
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    // mkdir's mode is masked by umask and ignored for an existing folder; enforce it.
    if ((statSync(dir).mode & 0o077) !== 0) chmodSync(dir, 0o700);
  } catch (err) {
    throw new ConfigError(`PULSE_DATA_DIR: cannot use ${dir} (${(err as Error).message})`);
  }
  return dir;
}

/** Held for the life of the process; closing it lets another Pulse use the folder. */
export interface DataDirLock {
  release(): void;
}

/**
 * Takes an exclusive lock on the data folder. SQLite's file lock is released by the operating
 * system when the process dies, so a crash never leaves a stale lock behind.
 */
export function lockDataDir(dir: string): DataDirLock {
  const file = resolve(dir, 'pulse.lock');
  closeSync(openSync(file, 'a', 0o600));
  const db = new Database(file, { timeout: 0 });
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('CREATE TABLE IF NOT EXISTS holder (pid INTEGER, since TEXT)');
    db.exec('BEGIN EXCLUSIVE');
    db.prepare('DELETE FROM holder').run();
    db.prepare('INSERT INTO holder VALUES (?, ?)').run(process.pid, new Date().toISOString());
    db.exec('COMMIT');
  } catch (err) {
    db.close();
    if ((err as { code?: string }).code === 'SQLITE_BUSY') {
      throw new ConfigError(
        `another Pulse is already running with data folder ${dir}; ` +
          'stop it first or set PULSE_DATA_DIR',
      );
    }
    throw err;
  }
  return { release: () => db.close() };
}
