import type { Database } from 'better-sqlite3';
import type { Logger } from '../logger.ts';

/** What happened; other parts (export/import, node changes) record their own events too. */
export type AuditEvent =
  | 'login'
  | 'lockout'
  | 'logout'
  | 'password_change'
  | 'token_regenerated'
  | 'security_setup'
  | 'recovery'
  | 'csrf_failure'
  | 'rate_limit'
  | 'settings_change'
  | 'export'
  | 'import'
  | 'node_added'
  | 'node_removed';

export type AuditOutcome = 'success' | 'failure';

/** Who did it and from where; filled in from the request by `auditContext`. */
export interface AuditActor {
  user?: string;
  ip: string;
  userAgent: string;
  path: string;
}

export interface AuditEntry extends AuditActor {
  event: AuditEvent;
  outcome: AuditOutcome;
  /** Short, secret-free facts (`{ reason: 'wrong password' }`, `{ node: 'pve-1' }`). */
  details?: Record<string, string | number | boolean>;
}

export interface AuditRecord extends AuditEntry {
  id: number;
  /** Milliseconds since the epoch. */
  at: number;
}

interface AuditRow {
  id: number;
  at: number;
  event: AuditEvent;
  outcome: AuditOutcome;
  user: string | null;
  ip: string;
  user_agent: string;
  path: string;
  details: string | null;
}

const MAX_USER_AGENT = 300;

/** The newest entries kept; older ones are dropped so a flood cannot fill the disk. */
export const AUDIT_LOG_MAX_ENTRIES = 10_000;
const PRUNE_EVERY = 100;

/**
 * The security audit trail, kept in SQLite and mirrored as log lines. Callers pass facts,
 * never credentials; the user agent is cut short because any client can send a huge one.
 */
export class AuditLog {
  private inserts = 0;

  constructor(
    private readonly db: Database,
    private readonly log: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  record(entry: AuditEntry): void {
    const at = this.now();
    const userAgent = entry.userAgent.slice(0, MAX_USER_AGENT);
    this.db
      .prepare(
        `INSERT INTO audit_log (at, event, outcome, user, ip, user_agent, path, details)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        at,
        entry.event,
        entry.outcome,
        entry.user ?? null,
        entry.ip,
        userAgent,
        entry.path,
        entry.details ? JSON.stringify(entry.details) : null,
      );

    this.pruneSometimes();

    const fields = { event: entry.event, user: entry.user, ip: entry.ip, path: entry.path };
    if (entry.outcome === 'success') this.log.info(fields, 'security event');
    else this.log.warn({ ...fields, details: entry.details }, 'security event failed');
  }

  private pruneSometimes(): void {
    this.inserts += 1;
    if (this.inserts % PRUNE_EVERY !== 0) return;
    this.db
      .prepare('DELETE FROM audit_log WHERE id <= (SELECT MAX(id) FROM audit_log) - ?')
      .run(AUDIT_LOG_MAX_ENTRIES);
  }

  /** Newest first; `before` is an id to page backwards from. */
  list(limit: number, before?: number): AuditRecord[] {
    const rows = this.db
      .prepare(`SELECT * FROM audit_log WHERE id < ? ORDER BY id DESC LIMIT ?`)
      .all(before ?? Number.MAX_SAFE_INTEGER, limit) as AuditRow[];
    return rows.map(fromRow);
  }
}

function fromRow(row: AuditRow): AuditRecord {
  return {
    id: row.id,
    at: row.at,
    event: row.event,
    outcome: row.outcome,
    user: row.user ?? undefined,
    ip: row.ip,
    userAgent: row.user_agent,
    path: row.path,
    details: row.details ? (JSON.parse(row.details) as AuditRecord['details']) : undefined,
  };
}
