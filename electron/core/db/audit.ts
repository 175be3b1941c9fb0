import type { Db } from './open.js';

/** What the audit trail records: settings changes and every outbound API call (never a secret). */
export type AuditKind = 'settings' | 'porting.api';

/** The audit_log table: the one place that writes it. */
export class AuditLog {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
  ) {}

  record(entry: { actor: string; kind: AuditKind; caseId: number | null; detail: string }): void {
    this.db
      .prepare('INSERT INTO audit_log (at, actor, kind, case_id, detail) VALUES (?, ?, ?, ?, ?)')
      .run(this.now().toISOString(), entry.actor, entry.kind, entry.caseId, entry.detail);
  }
}
