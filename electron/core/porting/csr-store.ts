import type { CsrCoverageView } from '../../../shared/contract/csr.js';
import type { Db } from '../db/open.js';

/** The CSR tables (migration 007). Synchronous like the driver; the CSR service is the one writer. */

export type CsrRequestStatus = 'queued' | 'pending' | 'completed' | 'failed';

export interface CsrRequestRow {
  id: number;
  case_id: number;
  endpoint: string;
  phone_number: string;
  outbox_id: number | null;
  supplied: string;
  csr_id: string | null;
  status: CsrRequestStatus;
  error_message: string | null;
  carrier_name: string | null;
  document_id: number | null;
  created_at: string;
  updated_at: string;
  polled_at: string | null;
}

export interface CsrCoverageRow {
  checkedAt: string;
  endpoint: string;
  numbers: CsrCoverageView[];
}

export class CsrStore {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
  ) {}

  private stamp(): string {
    return this.now().toISOString();
  }

  saveCoverage(caseId: number, endpoint: string, numbers: CsrCoverageView[]): void {
    this.db
      .prepare(`INSERT INTO csr_coverage (case_id, endpoint, checked_at, result) VALUES (?, ?, ?, ?)
      ON CONFLICT(case_id) DO UPDATE SET endpoint = excluded.endpoint, checked_at = excluded.checked_at, result = excluded.result`)
      .run(caseId, endpoint, this.stamp(), JSON.stringify(numbers));
  }

  coverage(caseId: number): CsrCoverageRow | null {
    const row = this.db
      .prepare('SELECT endpoint, checked_at, result FROM csr_coverage WHERE case_id = ?')
      .get(caseId) as { endpoint: string; checked_at: string; result: string } | undefined;
    return row
      ? { endpoint: row.endpoint, checkedAt: row.checked_at, numbers: JSON.parse(row.result) as CsrCoverageView[] }
      : null;
  }

  /** The request row; the caller links it to its outbox item in the same transaction. */
  create(caseId: number, endpoint: string, phoneNumber: string, supplied: string[]): number {
    const now = this.stamp();
    return Number(
      this.db
        .prepare(`INSERT INTO csr_requests (case_id, endpoint, phone_number, supplied, status, created_at, updated_at)
        VALUES (?, ?, ?, ?, 'queued', ?, ?)`)
        .run(caseId, endpoint, phoneNumber, JSON.stringify(supplied), now, now).lastInsertRowid,
    );
  }

  setOutbox(id: number, outboxId: number): void {
    this.db.prepare('UPDATE csr_requests SET outbox_id = ? WHERE id = ?').run(outboxId, id);
  }

  get(id: number): CsrRequestRow | null {
    return (this.db.prepare('SELECT * FROM csr_requests WHERE id = ?').get(id) as CsrRequestRow | undefined) ?? null;
  }

  ofCase(caseId: number): CsrRequestRow[] {
    return this.db
      .prepare('SELECT * FROM csr_requests WHERE case_id = ? ORDER BY id DESC')
      .all(caseId) as CsrRequestRow[];
  }

  /** Records the API is still preparing, at that endpoint (optionally one case's), least recently polled first. */
  pending(endpoint: string, caseId?: number): CsrRequestRow[] {
    return this.db
      .prepare(`SELECT * FROM csr_requests WHERE endpoint = ? AND status = 'pending' AND csr_id IS NOT NULL
      ${caseId === undefined ? '' : 'AND case_id = ?'} ORDER BY polled_at IS NOT NULL, polled_at, id`)
      .all(...(caseId === undefined ? [endpoint] : [endpoint, caseId])) as CsrRequestRow[];
  }

  /** Not yet sent, or sent and not finished: a second request for the case waits for these. */
  open(caseId: number): CsrRequestRow[] {
    return this.db
      .prepare(`SELECT * FROM csr_requests WHERE case_id = ? AND status IN ('queued', 'pending') ORDER BY id`)
      .all(caseId) as CsrRequestRow[];
  }

  knownCsrIds(ids: string[]): Set<string> {
    if (!ids.length) return new Set();
    const rows = this.db
      .prepare(`SELECT csr_id FROM csr_requests WHERE csr_id IN (${ids.map(() => '?').join(',')})`)
      .all(...ids) as { csr_id: string }[];
    return new Set(rows.map((r) => r.csr_id));
  }

  /** What the API said about the record; a finished record is never moved back to pending. */
  update(
    id: number,
    change: { csrId?: string; status: CsrRequestStatus; errorMessage?: string | null; carrierName?: string | null },
  ): void {
    this.db
      .prepare(`UPDATE csr_requests SET csr_id = coalesce(?, csr_id), status = ?, error_message = ?,
        carrier_name = coalesce(?, carrier_name), updated_at = ?, polled_at = ?
        WHERE id = ? AND status NOT IN ('completed', 'failed')`)
      .run(
        change.csrId ?? null,
        change.status,
        change.errorMessage ?? null,
        change.carrierName ?? null,
        this.stamp(),
        this.stamp(),
        id,
      );
  }

  polled(id: number): void {
    this.db.prepare('UPDATE csr_requests SET polled_at = ? WHERE id = ?').run(this.stamp(), id);
  }

  setDocument(id: number, documentId: number): void {
    this.db.prepare('UPDATE csr_requests SET document_id = ? WHERE id = ?').run(documentId, id);
  }
}
