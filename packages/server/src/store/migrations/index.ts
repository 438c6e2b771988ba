import type { Migration } from '../migration.ts';
import { coreMigration } from './0001-core.ts';
import { securityMigration } from './0100-security.ts';
import { nodesMigration } from './0200-nodes.ts';
import { historyMigration } from './0300-history.ts';

/** Every migration, in any order: the runner sorts them by id. Add new ones here. */
export const MIGRATIONS: Migration[] = [
  coreMigration,
  securityMigration,
  nodesMigration,
  historyMigration,
];
