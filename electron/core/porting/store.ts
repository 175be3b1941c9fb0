import type {
  FieldErrorView,
  OrderSettings,
  OutboxItemView,
  PortabilityCheckView,
} from '../../../shared/contract/porting.js';
import type { FocWindow, PortingOrder, RequirementDetail } from '../../../shared/porting/telnyx.js';
import type { Db } from '../db/open.js';

/** Porting tables (migration 003). Synchronous like the driver; callers are the porting service only. */

export interface OrderRow {
  id: string;
  case_id: number;
  endpoint: string;
  status: string;
  status_details: string;
  phone_number_type: string | null;
  fast_port_eligible: number | null;
  old_service_provider: string | null;
  support_key: string | null;
  requirements: string;
  requirements_met: number | null;
  additional_steps: string;
  foc_requested: string | null;
  foc_actual: string | null;
  settings: string | null;
  field_errors: string;
  foc_windows: string | null;
  created_at: string;
  updated_at: string;
  polled_at: string | null;
}

export type { OutboxKind } from '../../../shared/contract/porting.js';
import type { OutboxKind } from '../../../shared/contract/porting.js';
export type OutboxState = OutboxItemView['state'];

export interface OutboxPayloads {
  create: { numbers: string[] };
  upload: { kind: 'loa' | 'invoice' | 'csr'; documentId: number; fileName: string; token: string };
  update: { settings: OrderSettings; loaUpload: number | null; invoiceUpload: number | null };
  link: { uploads: { outboxId: number; type: 'loa' | 'invoice' | 'csr' | 'other' }[] };
  confirm: Record<string, never>;
  comment: { body: string };
  cancel: Record<string, never>;
  /** a CSR request (csr_requests row); the additional data is read from the case when it is sent */
  csr: { requestId: number; phoneNumber: string; required: string[] };
}

export interface OutboxRow {
  id: number;
  case_id: number;
  order_id: string | null;
  endpoint: string;
  kind: OutboxKind;
  payload: string;
  state: OutboxState;
  attempts: number;
  not_before: string | null;
  last_error: string | null;
  field_errors: string;
  result: string | null;
  created_at: string;
  updated_at: string;
}

export interface NewOutboxItem<K extends OutboxKind = OutboxKind> {
  caseId: number;
  orderId: string | null;
  kind: K;
  payload: OutboxPayloads[K];
}

/** The order's state as PortDesk tracks it; what changed is returned so the caller can tell the user. */
export interface OrderUpsert {
  previous: string | null;
  status: string;
  focChanged: boolean;
}

const OPEN_OUTBOX = "('pending', 'sending', 'uncertain', 'failed')";

export class PortingStore {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
  ) {}

  private stamp(): string {
    return this.now().toISOString();
  }

  // --- orders --------------------------------------------------------------------------------

  upsertOrder(caseId: number, endpoint: string, o: PortingOrder): OrderUpsert {
    const before = this.order(o.id);
    const now = this.stamp();
    const foc = o.activation_settings ?? null;
    const row = {
      id: o.id,
      case_id: before?.case_id ?? caseId,
      endpoint: before?.endpoint ?? endpoint,
      status: o.status.value,
      status_details: JSON.stringify(o.status.details ?? []),
      phone_number_type: o.phone_number_type ?? null,
      fast_port_eligible:
        foc?.fast_port_eligible === undefined || foc?.fast_port_eligible === null
          ? null
          : Number(foc.fast_port_eligible),
      old_service_provider: o.old_service_provider_ocn ?? null,
      support_key: o.support_key ?? null,
      requirements_met:
        o.requirements_met === undefined || o.requirements_met === null ? null : Number(o.requirements_met),
      additional_steps: JSON.stringify(o.additional_steps ?? []),
      foc_requested: foc?.foc_datetime_requested ?? null,
      foc_actual: foc?.foc_datetime_actual ?? null,
      created_at: before?.created_at ?? o.created_at ?? now,
      updated_at: o.updated_at ?? now,
      polled_at: now,
    };
    this.db
      .transaction(() => {
        this.db
          .prepare(`INSERT INTO porting_orders (id, case_id, endpoint, status, status_details, phone_number_type, fast_port_eligible,
          old_service_provider, support_key, requirements_met, additional_steps, foc_requested, foc_actual, created_at, updated_at, polled_at)
        VALUES (@id, @case_id, @endpoint, @status, @status_details, @phone_number_type, @fast_port_eligible, @old_service_provider,
          @support_key, @requirements_met, @additional_steps, @foc_requested, @foc_actual, @created_at, @updated_at, @polled_at)
        ON CONFLICT(id) DO UPDATE SET status = excluded.status, status_details = excluded.status_details,
          phone_number_type = excluded.phone_number_type, fast_port_eligible = excluded.fast_port_eligible,
          old_service_provider = excluded.old_service_provider, support_key = excluded.support_key,
          requirements_met = excluded.requirements_met, additional_steps = excluded.additional_steps,
          foc_requested = excluded.foc_requested, foc_actual = excluded.foc_actual, updated_at = excluded.updated_at,
          polled_at = excluded.polled_at`)
          .run(row);
        this.recordExceptions(o.id, before?.status ?? null, row.status, o.status.details ?? [], now);
        if (o.phone_numbers && o.phone_numbers.length) {
          // The API lists at most 50 numbers per order: add and refresh, never drop unseen ones.
          const ins =
            this.db.prepare(`INSERT INTO porting_order_numbers (order_id, phone_number, phone_number_type, activation_status, portability_status)
          VALUES (?, ?, ?, ?, ?) ON CONFLICT(order_id, phone_number) DO UPDATE SET phone_number_type = excluded.phone_number_type,
          activation_status = excluded.activation_status, portability_status = excluded.portability_status`);
          for (const n of o.phone_numbers)
            ins.run(
              o.id,
              n.phone_number,
              n.phone_number_type ?? null,
              n.activation_status ?? null,
              n.portability_status ?? null,
            );
        }
        this.db
          .prepare(`INSERT OR IGNORE INTO case_search_terms (case_id, source, term) VALUES (?, 'order', ?)`)
          .run(row.case_id, o.id);
        if (o.support_key)
          this.db
            .prepare(`INSERT OR IGNORE INTO case_search_terms (case_id, source, term) VALUES (?, 'order', ?)`)
            .run(row.case_id, o.support_key);
      })
      .immediate();
    return {
      previous: before?.status ?? null,
      status: row.status,
      focChanged: (before?.foc_actual ?? null) !== row.foc_actual,
    };
  }

  /**
   * Exception history (migration 011): the codes an order comes back with are recorded when it
   * enters exception, and closed when it leaves; the order's status_details keeps only the current ones.
   */
  private recordExceptions(
    orderId: string,
    previous: string | null,
    status: string,
    details: readonly { code?: string | null; description?: string | null }[],
    now: string,
  ): void {
    if (status === 'exception' && previous !== 'exception') {
      const ins = this.db.prepare(
        'INSERT INTO porting_order_exceptions (order_id, code, description, received_at) VALUES (?, ?, ?, ?)',
      );
      for (const d of details) if (d.code) ins.run(orderId, d.code, d.description ?? null, now);
    } else if (status !== 'exception' && previous === 'exception') {
      this.db
        .prepare('UPDATE porting_order_exceptions SET resolved_at = ? WHERE order_id = ? AND resolved_at IS NULL')
        .run(now, orderId);
    }
  }

  /** Every exception the order came back with, oldest first. */
  exceptionHistory(
    orderId: string,
  ): { code: string; description: string | null; received_at: string; resolved_at: string | null }[] {
    return this.db
      .prepare(
        'SELECT code, description, received_at, resolved_at FROM porting_order_exceptions WHERE order_id = ? ORDER BY received_at, id',
      )
      .all(orderId) as { code: string; description: string | null; received_at: string; resolved_at: string | null }[];
  }

  order(id: string): OrderRow | null {
    return (this.db.prepare('SELECT * FROM porting_orders WHERE id = ?').get(id) as OrderRow | undefined) ?? null;
  }

  ordersOfCase(caseId: number): OrderRow[] {
    return this.db
      .prepare('SELECT * FROM porting_orders WHERE case_id = ? ORDER BY created_at, id')
      .all(caseId) as OrderRow[];
  }

  /** Orders still moving at that endpoint (drafts move too: Telnyx deletes them after 30 days). */
  openOrders(endpoint: string, caseId?: number): OrderRow[] {
    return this.db
      .prepare(`SELECT * FROM porting_orders WHERE endpoint = ? AND status NOT IN ('ported', 'cancelled', 'deleted')
      ${caseId === undefined ? '' : 'AND case_id = ?'} ORDER BY polled_at IS NOT NULL, polled_at, id`)
      .all(...(caseId === undefined ? [endpoint] : [endpoint, caseId])) as OrderRow[];
  }

  knownOrderIds(ids: string[]): Set<string> {
    if (!ids.length) return new Set();
    const rows = this.db
      .prepare(`SELECT id FROM porting_orders WHERE id IN (${ids.map(() => '?').join(',')})`)
      .all(...ids) as { id: string }[];
    return new Set(rows.map((r) => r.id));
  }

  numbersOf(orderId: string): string[] {
    return (
      this.db
        .prepare('SELECT phone_number FROM porting_order_numbers WHERE order_id = ? ORDER BY phone_number')
        .all(orderId) as { phone_number: string }[]
    ).map((r) => r.phone_number);
  }

  setOrderStatus(id: string, status: string): void {
    this.db.prepare('UPDATE porting_orders SET status = ?, updated_at = ? WHERE id = ?').run(status, this.stamp(), id);
  }

  setSettings(id: string, settings: OrderSettings): void {
    this.db.prepare('UPDATE porting_orders SET settings = ? WHERE id = ?').run(JSON.stringify(settings), id);
  }

  setFieldErrors(id: string, errors: FieldErrorView[]): void {
    this.db.prepare('UPDATE porting_orders SET field_errors = ? WHERE id = ?').run(JSON.stringify(errors), id);
  }

  setRequirements(id: string, requirements: RequirementDetail[]): void {
    this.db.prepare('UPDATE porting_orders SET requirements = ? WHERE id = ?').run(JSON.stringify(requirements), id);
  }

  setFocWindows(id: string, windows: FocWindow[]): void {
    this.db.prepare('UPDATE porting_orders SET foc_windows = ? WHERE id = ?').run(
      JSON.stringify({
        at: this.stamp(),
        windows: windows.map((w) => ({ started_at: w.started_at, ended_at: w.ended_at })),
      }),
      id,
    );
  }

  focWindows(id: string): { at: string; windows: { started_at: string; ended_at: string }[] } | null {
    const raw = this.order(id)?.foc_windows;
    return raw ? (JSON.parse(raw) as { at: string; windows: { started_at: string; ended_at: string }[] }) : null;
  }

  /** The newest case porting this number, with the carriers it names (for the simulator's number database). */
  caseCarriersOf(e164: string): { id: number; losing_carrier: string; underlying_carrier: string } | null {
    return (
      (this.db
        .prepare(`SELECT c.id, c.losing_carrier, c.underlying_carrier FROM case_numbers n JOIN cases c ON c.id = n.case_id
      WHERE n.e164 = ? ORDER BY c.id DESC LIMIT 1`)
        .get(e164) as { id: number; losing_carrier: string; underlying_carrier: string } | undefined) ?? null
    );
  }

  // --- portability checks --------------------------------------------------------------------

  saveCheck(caseId: number, endpoint: string, view: PortabilityCheckView): void {
    this.db
      .prepare(`INSERT INTO porting_checks (case_id, endpoint, checked_at, result) VALUES (?, ?, ?, ?)
      ON CONFLICT(case_id) DO UPDATE SET endpoint = excluded.endpoint, checked_at = excluded.checked_at, result = excluded.result`)
      .run(caseId, endpoint, view.checkedAt, JSON.stringify(view));
  }

  check(caseId: number): PortabilityCheckView | null {
    const row = this.db.prepare('SELECT result FROM porting_checks WHERE case_id = ?').get(caseId) as
      | { result: string }
      | undefined;
    return row ? (JSON.parse(row.result) as PortabilityCheckView) : null;
  }

  // --- outbox --------------------------------------------------------------------------------

  /** All items of one user action, in one transaction: either the whole plan is queued or none of it. */
  enqueue(endpoint: string, items: NewOutboxItem[]): number[] {
    const now = this.stamp();
    const ins =
      this.db.prepare(`INSERT INTO porting_outbox (case_id, order_id, endpoint, kind, payload, state, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, 'pending', ?, ?)`);
    return this.db
      .transaction(() =>
        items.map((i) =>
          Number(ins.run(i.caseId, i.orderId, endpoint, i.kind, JSON.stringify(i.payload), now, now).lastInsertRowid),
        ),
      )
      .immediate();
  }

  outboxItem(id: number): OutboxRow | null {
    return (this.db.prepare('SELECT * FROM porting_outbox WHERE id = ?').get(id) as OutboxRow | undefined) ?? null;
  }

  /**
   * The next item to send: per case, only the oldest unfinished item may go (order matters:
   * upload before update before confirm); a failed item holds the rest of its case.
   */
  nextRunnable(endpoint: string): OutboxRow | null {
    return (
      (this.db
        .prepare(`SELECT o.* FROM porting_outbox o
      WHERE o.endpoint = ? AND o.state IN ('pending', 'uncertain') AND (o.not_before IS NULL OR o.not_before <= ?)
        AND NOT EXISTS (SELECT 1 FROM porting_outbox p WHERE p.case_id = o.case_id AND p.id < o.id AND p.state IN ${OPEN_OUTBOX})
      ORDER BY o.id LIMIT 1`)
        .get(endpoint, this.stamp()) as OutboxRow | undefined) ?? null
    );
  }

  /** When the next waiting item becomes due (to arm a timer). */
  nextDue(endpoint: string): string | null {
    const row = this.db
      .prepare(
        `SELECT min(not_before) AS t FROM porting_outbox WHERE endpoint = ? AND state IN ('pending', 'uncertain') AND not_before IS NOT NULL`,
      )
      .get(endpoint) as { t: string | null };
    return row.t;
  }

  /** After a crash, an item caught mid-send is uncertain: it is looked up before it is sent again. */
  recoverInterrupted(): number {
    return this.db
      .prepare(`UPDATE porting_outbox SET state = 'uncertain', updated_at = ?,
      last_error = coalesce(last_error, 'PortDesk stopped while sending this; it will check what Telnyx received first.') WHERE state = 'sending'`)
      .run(this.stamp()).changes;
  }

  /** Try waiting items now (on demand, or after a new key): the backoff was for the old situation. */
  wake(endpoint: string): void {
    this.db
      .prepare(`UPDATE porting_outbox SET not_before = NULL WHERE endpoint = ? AND state IN ('pending', 'uncertain')`)
      .run(endpoint);
  }

  markSending(id: number): void {
    this.db
      .prepare(`UPDATE porting_outbox SET state = 'sending', attempts = attempts + 1, updated_at = ? WHERE id = ?`)
      .run(this.stamp(), id);
  }

  markDone(id: number, result: unknown): void {
    this.db
      .prepare(
        `UPDATE porting_outbox SET state = 'done', result = ?, last_error = NULL, field_errors = '[]', not_before = NULL, updated_at = ? WHERE id = ?`,
      )
      .run(JSON.stringify(result ?? null), this.stamp(), id);
  }

  markWaiting(id: number, state: 'pending' | 'uncertain', notBefore: string | null, error: string | null): void {
    this.db
      .prepare(`UPDATE porting_outbox SET state = ?, not_before = ?, last_error = ?, updated_at = ? WHERE id = ?`)
      .run(state, notBefore, error, this.stamp(), id);
  }

  markFailed(id: number, error: string, fieldErrors: FieldErrorView[]): void {
    this.db
      .prepare(
        `UPDATE porting_outbox SET state = 'failed', last_error = ?, field_errors = ?, updated_at = ? WHERE id = ?`,
      )
      .run(error, JSON.stringify(fieldErrors), this.stamp(), id);
  }

  setOrderOfItem(id: number, orderId: string): void {
    this.db.prepare('UPDATE porting_outbox SET order_id = ? WHERE id = ?').run(orderId, id);
  }

  retry(id: number): void {
    this.db
      .prepare(
        `UPDATE porting_outbox SET state = 'pending', not_before = NULL, updated_at = ? WHERE id = ? AND state = 'failed'`,
      )
      .run(this.stamp(), id);
  }

  /** Drop one item that nothing queued after it depends on (a refused CSR request). */
  discardOne(id: number): void {
    this.db
      .prepare(
        `UPDATE porting_outbox SET state = 'discarded', updated_at = ? WHERE id = ? AND state IN ('pending', 'uncertain', 'failed')`,
      )
      .run(this.stamp(), id);
  }

  /** Drop an item and what was queued after it for the same case (it depended on it). */
  discardFrom(id: number): number[] {
    const item = this.outboxItem(id);
    if (!item) return [];
    const rows = this.db
      .prepare(
        `SELECT id FROM porting_outbox WHERE case_id = ? AND id >= ? AND state IN ('pending', 'uncertain', 'failed')`,
      )
      .all(item.case_id, id) as { id: number }[];
    const now = this.stamp();
    const upd = this.db.prepare(`UPDATE porting_outbox SET state = 'discarded', updated_at = ? WHERE id = ?`);
    this.db.transaction(() => rows.forEach((r) => upd.run(now, r.id))).immediate();
    return rows.map((r) => r.id);
  }

  /** Unfinished items of a case (to refuse a second plan while one is queued). */
  unfinished(caseId: number): OutboxRow[] {
    return this.db
      .prepare(`SELECT * FROM porting_outbox WHERE case_id = ? AND state IN ${OPEN_OUTBOX} ORDER BY id`)
      .all(caseId) as OutboxRow[];
  }

  listOutbox(caseId: number | undefined, includeDone: boolean): OutboxRow[] {
    const where = [includeDone ? '1 = 1' : `state IN ${OPEN_OUTBOX}`];
    const params: unknown[] = [];
    if (caseId !== undefined) {
      where.push('case_id = ?');
      params.push(caseId);
    }
    return this.db
      .prepare(`SELECT * FROM porting_outbox WHERE ${where.join(' AND ')} ORDER BY id DESC LIMIT 500`)
      .all(...params) as OutboxRow[];
  }

  outboxCounts(): { pending: number; failed: number; uncertain: number } {
    const rows = this.db
      .prepare(`SELECT state, count(*) AS n FROM porting_outbox WHERE state IN ${OPEN_OUTBOX} GROUP BY state`)
      .all() as { state: string; n: number }[];
    const n = (s: string) => rows.find((r) => r.state === s)?.n ?? 0;
    return { pending: n('pending') + n('sending'), failed: n('failed'), uncertain: n('uncertain') };
  }

  // --- uploads -------------------------------------------------------------------------------

  saveUpload(outboxId: number, caseId: number, kind: string, documentId: string): void {
    this.db
      .prepare(`INSERT INTO porting_uploads (outbox_id, case_id, kind, document_id, uploaded_at) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT(outbox_id) DO UPDATE SET document_id = excluded.document_id, uploaded_at = excluded.uploaded_at`)
      .run(outboxId, caseId, kind, documentId, this.stamp());
  }

  upload(outboxId: number): { document_id: string; uploaded_at: string; kind: string } | null {
    return (
      (this.db
        .prepare('SELECT document_id, uploaded_at, kind FROM porting_uploads WHERE outbox_id = ?')
        .get(outboxId) as { document_id: string; uploaded_at: string; kind: string } | undefined) ?? null
    );
  }

  // --- events and comments -------------------------------------------------------------------

  eventSeen(id: string): boolean {
    return !!this.db.prepare('SELECT 1 FROM porting_events WHERE id = ?').get(id);
  }

  markEvent(e: { id: string; endpoint: string; orderId: string | null; type: string; createdAt: string | null }): void {
    this.db
      .prepare(
        `INSERT OR IGNORE INTO porting_events (id, endpoint, order_id, event_type, created_at, applied_at) VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(e.id, e.endpoint, e.orderId, e.type, e.createdAt, this.stamp());
  }

  /** The newest event time seen at this endpoint (in that endpoint's clock). */
  eventsCursor(endpoint: string): string | null {
    return (
      this.db.prepare('SELECT max(created_at) AS t FROM porting_events WHERE endpoint = ?').get(endpoint) as {
        t: string | null;
      }
    ).t;
  }

  /** true when the comment is new to PortDesk */
  saveComment(c: {
    id: string;
    orderId: string;
    body: string;
    userType: string | null;
    createdAt: string | null;
  }): boolean {
    return (
      this.db
        .prepare(
          `INSERT OR IGNORE INTO porting_comments (id, order_id, body, user_type, created_at, seen_at) VALUES (?, ?, ?, ?, ?, ?)`,
        )
        .run(c.id, c.orderId, c.body, c.userType, c.createdAt, this.stamp()).changes === 1
    );
  }

  comments(orderId: string): { id: string; body: string; user_type: string | null; created_at: string | null }[] {
    return this.db
      .prepare(
        'SELECT id, body, user_type, created_at FROM porting_comments WHERE order_id = ? ORDER BY created_at, rowid',
      )
      .all(orderId) as { id: string; body: string; user_type: string | null; created_at: string | null }[];
  }

  commentKnown(id: string): boolean {
    return !!this.db.prepare('SELECT 1 FROM porting_comments WHERE id = ?').get(id);
  }
}
