import { randomBytes } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { CredentialCrypto } from './credential-crypto.ts';
import type { NodeConfig } from './nodes-model.ts';

interface Row {
  id: string;
  type: 'pve' | 'pbs';
  name: string;
  host: string;
  settings: string;
  secrets: Buffer;
}

interface Secrets {
  password?: string;
  tokenValue?: string;
}

type StoredSettings = Omit<NodeConfig, 'id' | 'type' | 'name' | 'host' | 'password' | 'tokenValue'>;

/** Configured Proxmox endpoints in SQLite, credentials sealed with the data folder's key. */
export class NodesRepository {
  constructor(
    private readonly db: Database,
    private readonly crypto: CredentialCrypto,
  ) {}

  static newId(type: 'pve' | 'pbs'): string {
    return `${type}-${randomBytes(4).toString('hex')}`;
  }

  list(): NodeConfig[] {
    const rows = this.db
      .prepare(
        `SELECT id, type, name, host, settings, secrets FROM monitored_nodes
         ORDER BY created_at, id`,
      )
      .all() as Row[];
    return rows.map((row) => this.fromRow(row));
  }

  get(id: string): NodeConfig | undefined {
    const row = this.db
      .prepare('SELECT id, type, name, host, settings, secrets FROM monitored_nodes WHERE id = ?')
      .get(id) as Row | undefined;
    return row ? this.fromRow(row) : undefined;
  }

  findByName(name: string): NodeConfig | undefined {
    const row = this.db
      .prepare('SELECT id, type, name, host, settings, secrets FROM monitored_nodes WHERE name = ?')
      .get(name) as Row | undefined;
    return row ? this.fromRow(row) : undefined;
  }

  /** Inserts or replaces one node. */
  save(node: NodeConfig): void {
    const { id, type, name, host, password, tokenValue, ...settings } = node;
    const secrets: Secrets = { password, tokenValue };
    const now = Date.now();
    this.db
      .prepare(
        `INSERT INTO monitored_nodes
           (id, type, name, host, settings, secrets, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET type = excluded.type, name = excluded.name,
           host = excluded.host, settings = excluded.settings, secrets = excluded.secrets,
           updated_at = excluded.updated_at`,
      )
      .run(
        id,
        type,
        name,
        host,
        JSON.stringify(settings),
        this.crypto.seal(JSON.stringify(secrets)),
        now,
        now,
      );
  }

  delete(id: string): boolean {
    return this.db.prepare('DELETE FROM monitored_nodes WHERE id = ?').run(id).changes > 0;
  }

  private fromRow(row: Row): NodeConfig {
    const settings = JSON.parse(row.settings) as StoredSettings;
    const secrets = JSON.parse(this.crypto.open(row.secrets)) as Secrets;
    return { id: row.id, type: row.type, name: row.name, host: row.host, ...settings, ...secrets };
  }
}
