import type { Database } from 'better-sqlite3';

/**
 * One schema change. Ids sort in the order they run (`0001-core`, `0100-security`, ...);
 * a migration never changes once released: later changes get a new id.
 */
export interface Migration {
  id: string;
  up(db: Database): void;
}
