import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../logger.ts';
import { type Database, openDatabase } from '../store/database.ts';
import { AUDIT_LOG_MAX_ENTRIES, AuditLog } from './audit-log.ts';

const ACTOR = { ip: '10.0.0.1', userAgent: 'test', path: '/api/login' };

describe(AuditLog.name, () => {
  let dir: string;
  let db: Database;
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  function auditLog(): AuditLog {
    dir = mkdtempSync(join(tmpdir(), 'pulse-audit-'));
    db = openDatabase(dir);
    const sink = new Writable({ write: (_chunk, _encoding, done) => done() });
    return new AuditLog(db, createLogger({ level: 'silent', destination: sink }));
  }

  it('lists newest first and pages backwards', () => {
    const audit = auditLog();
    for (const user of ['a', 'b', 'c'])
      audit.record({ ...ACTOR, user, event: 'login', outcome: 'success' });
    const [newest, middle] = audit.list(2);

    expect([newest?.user, middle?.user]).toEqual(['c', 'b']);
    expect(audit.list(5, middle?.id).map((entry) => entry.user)).toEqual(['a']);
  });

  it('keeps only the newest entries', () => {
    const audit = auditLog();
    for (let index = 0; index < AUDIT_LOG_MAX_ENTRIES + 200; index += 1) {
      audit.record({ ...ACTOR, event: 'login', outcome: 'failure', details: { index } });
    }

    expect(db.prepare('SELECT COUNT(*) FROM audit_log').pluck().get()).toBe(AUDIT_LOG_MAX_ENTRIES);
    expect(audit.list(1)[0]?.details).toEqual({ index: AUDIT_LOG_MAX_ENTRIES + 199 });
  });
});
