import { PeriodicWork } from './periodic.js';
import type { CaseCsrView, CsrCoverageView, CsrRequestView } from '../../../shared/contract/csr.js';
import { AppError } from '../../../shared/contract/rpc.js';
import {
  CASE_FIELD_NAMES,
  SERVICE_ADDRESS_FIELD,
  serviceAddressParts,
  type CaseRecord,
} from '../../../shared/domain/case.js';
import { toE164 } from '../../../shared/domain/phone.js';
import { normalizeState, normalizeZip } from '../../../shared/normalize/address.js';
import {
  CSR_ADDITIONAL_DATA,
  csrAskedCaseField,
  csrMissingItem,
  type CsrAdditionalData,
  type CsrAdditionalDataName,
  type CustomerServiceRecord,
} from '../../../shared/porting/csr.js';
import type { CoreContext } from '../context.js';
import { ApiFailure } from './client.js';
import { csrDocumentName, csrFields, csrPdf } from './csr-document.js';
import { CsrStore, type CsrRequestRow } from './csr-store.js';
import type { Connection, PortingGateway } from './gateway.js';
import type { CsrOutboxPart, Outcome } from './outbox.js';
import type { OutboxPayloads, OutboxRow, PortingStore } from './store.js';

/**
 * The losing carrier's CSR on request (Telnyx Customer Service Records): coverage check of the
 * case's numbers, then the request with the data the coverage answer asks for, taken from the case,
 * sent through the porting outbox (offline-safe, never twice: an unanswered create is looked up by
 * number before it is sent again), then the record polled until completed or failed. A completed
 * record becomes the case's CSR document with exact values, which the review reads like any CSR.
 */

const MAX_POLL_MS = 10 * 60_000;

export interface CsrDeps {
  ctx: CoreContext;
  gateway: Pick<PortingGateway, 'connection' | 'currentEndpoint' | 'health' | 'apiName' | 'apiActor'>;
  outbox: Pick<PortingStore, 'enqueue' | 'outboxItem' | 'discardOne'>;
  /** run the outbox now; resolves when it is empty, waiting or blocked */
  kick(): Promise<void>;
  /** polling period of pending records */
  pollMs(): number;
  /** how long a request call waits for the outbox before answering with the record queued */
  waitMs?: number;
}

export class CsrService implements CsrOutboxPart {
  readonly store: CsrStore;
  // a failed background poll is tried again next period; status(refresh) reports it to the person
  private readonly polling = new PeriodicWork(
    (caseId) => this.pollNow(caseId),
    () => Math.min(MAX_POLL_MS, this.deps.pollMs()),
  );

  constructor(private readonly deps: CsrDeps) {
    this.store = new CsrStore(deps.ctx.db, deps.ctx.now);
  }

  // --- background polling ----------------------------------------------------------------------

  start(): void {
    this.polling.start();
  }

  close(): void {
    this.polling.close();
  }

  /** Ask the API about pending records (one case's, or all); offline = try again next time. */
  poll(caseId?: number): Promise<void> {
    return this.polling.run(caseId);
  }

  private async pollNow(caseId?: number): Promise<void> {
    const endpoint = this.deps.gateway.currentEndpoint();
    if (!endpoint || this.polling.isClosed) return;
    if (!this.store.pending(endpoint, caseId).length) return;
    let conn: Connection;
    try {
      conn = await this.deps.gateway.connection();
    } catch {
      return;
    }
    for (const row of this.store.pending(conn.endpoint, caseId)) {
      let record: CustomerServiceRecord;
      try {
        record = await conn.client.getCsr(row.csr_id!, row.case_id);
        this.deps.gateway.health(true, null);
      } catch (err) {
        if (err instanceof ApiFailure && err.kind === 'not-found') {
          this.finish(row, `${this.deps.gateway.apiName()} no longer has CSR record ${row.csr_id}.`);
          continue;
        }
        if (err instanceof ApiFailure) {
          this.store.polled(row.id);
          this.deps.gateway.health(err.kind !== 'unreachable', err.message);
          return;
        }
        throw err;
      }
      await this.applyOrFail(row, record, conn);
    }
  }

  // --- operations ----------------------------------------------------------------------------

  async request(caseId: number): Promise<CaseCsrView> {
    const c = await this.deps.ctx.cases.get(caseId);
    const numbers = [...new Set(c.numbers.map((n) => n.e164).filter((n): n is string => !!n && /^\+1\d{10}$/.test(n)))];
    if (!numbers.length)
      throw new AppError(
        'BAD_INPUT',
        `Case ${caseId} has no valid US numbers: the CSR API covers US numbers only. Add the numbers to port first.`,
      );
    const busy = this.store.open(caseId).filter((r) => this.liveState(r) !== 'failed');
    if (busy.length)
      throw new AppError(
        'CONFLICT',
        `A CSR request for case ${caseId} (${busy[0]!.phone_number}) is still under way. Wait for it to complete or fail.`,
      );
    const conn = await this.deps.gateway.connection();
    const coverage = await this.coverage(caseId, numbers, conn);
    const btn = toE164(c.btn);
    const target = coverage.find((r) => r.covered && r.phone_number === btn) ?? coverage.find((r) => r.covered);
    if (!target)
      throw new AppError(
        'BLOCKED',
        `${this.deps.gateway.apiName()} cannot get a CSR for these numbers: ${coverage.map((r) => `${r.phone_number} (${r.reason})`).join(', ')}. Ask the customer for a CSR and attach it instead.`,
      );
    const pin = target.required.includes('pin') ? await this.deps.ctx.cases.pin(caseId) : null;
    const { missing } = additionalData(c, pin, target.required);
    if (missing.length)
      throw new AppError(
        'BLOCKED',
        `The carrier asks for ${missing.join(', ')} before it releases the CSR of ${target.phone_number}. Add ${missing.length > 1 ? 'them' : 'it'} to the case and request again.`,
        { missing },
      );
    // A request refused or discarded in the outbox is over: the new one replaces it.
    for (const r of this.store.open(caseId)) {
      if (r.outbox_id) this.deps.outbox.discardOne(r.outbox_id);
      this.store.update(r.id, {
        status: 'failed',
        errorMessage: this.requestView(r).errorMessage ?? 'Replaced by a new request.',
      });
    }
    this.deps.ctx.db
      .transaction(() => {
        const requestId = this.store.create(caseId, conn.endpoint, target.phone_number, target.required);
        const payload: OutboxPayloads['csr'] = {
          requestId,
          phoneNumber: target.phone_number,
          required: target.required,
        };
        const [outboxId] = this.deps.outbox.enqueue(conn.endpoint, [{ caseId, orderId: null, kind: 'csr', payload }]);
        this.store.setOutbox(requestId, outboxId!);
      })
      .immediate();
    this.deps.ctx.cases.addHistory(
      caseId,
      this.deps.ctx.actor(),
      'csr-requested',
      [],
      `CSR requested from ${this.deps.gateway.apiName()} for ${target.phone_number}${target.required.length ? ` with ${target.required.join(', ')}` : ''}.`,
    );
    this.changed(caseId, 'csr-requested');
    await this.waitFor();
    return this.view(caseId);
  }

  /**
   * The carrier's coverage of the numbers. Offline, the last answer for these same numbers stands
   * (the request then waits in the outbox); without one, the person is told to try when online.
   */
  private async coverage(caseId: number, numbers: string[], conn: Connection): Promise<CsrCoverageView[]> {
    try {
      const coverage = (await conn.client.csrCoverage(numbers, caseId)).map(
        (r): CsrCoverageView => ({
          phone_number: r.phone_number,
          covered: r.has_csr_coverage,
          reason: r.has_csr_coverage ? null : (r.reason ?? 'not covered'),
          required: r.has_csr_coverage ? (r.additional_data_required ?? []) : [],
        }),
      );
      this.deps.gateway.health(true, null);
      this.store.saveCoverage(caseId, conn.endpoint, coverage);
      return coverage;
    } catch (err) {
      if (!(err instanceof ApiFailure && err.transient)) throw err;
      this.deps.gateway.health(err.kind !== 'unreachable', err.message);
      const last = this.store.coverage(caseId);
      const same =
        last?.endpoint === conn.endpoint &&
        last.numbers.length === numbers.length &&
        numbers.every((n) => last.numbers.some((c) => c.phone_number === n));
      if (!same)
        throw new AppError(
          err.code,
          `${err.message} PortDesk needs the carrier's coverage answer once before it can queue a CSR request for these numbers; try again when the connection is back.`,
        );
      return last.numbers;
    }
  }

  async status(caseId: number, refresh: boolean): Promise<CaseCsrView> {
    await this.deps.ctx.cases.get(caseId);
    if (refresh) {
      await this.waitFor();
      await this.poll(caseId);
    }
    return this.view(caseId);
  }

  view(caseId: number): CaseCsrView {
    return {
      caseId,
      coverage: this.store.coverage(caseId)?.numbers ?? null,
      requests: this.store.ofCase(caseId).map((r) => this.requestView(r)),
    };
  }

  // --- the outbox's part -----------------------------------------------------------------------

  async send(item: OutboxRow, conn: Connection): Promise<unknown> {
    const p = JSON.parse(item.payload) as OutboxPayloads['csr'];
    const c = await this.deps.ctx.cases.get(item.case_id);
    const pin = p.required.includes('pin') ? await this.deps.ctx.cases.pin(item.case_id) : null;
    const { data, missing } = additionalData(c, pin, p.required);
    if (missing.length)
      throw new AppError(
        'BAD_INPUT',
        `The carrier asks for ${missing.join(', ')}, which the case no longer has. Add ${missing.length > 1 ? 'them' : 'it'} and request the CSR again.`,
      );
    const record = await conn.client.createCsr(
      { phone_number: p.phoneNumber, ...(Object.keys(data).length ? { additional_data: data } : {}) },
      item.case_id,
    );
    const row = this.store.get(p.requestId);
    if (row) await this.applyOrFail(row, record, conn);
    return { csrId: record.id, status: record.status };
  }

  /** The create had no answer: a record of this number PortDesk does not know yet is the one it made. */
  async reconcile(item: OutboxRow, conn: Connection): Promise<Outcome> {
    const p = JSON.parse(item.payload) as OutboxPayloads['csr'];
    const found = await conn.client.listCsrs(p.phoneNumber, undefined, item.case_id);
    const known = this.store.knownCsrIds(found.map((r) => r.id));
    const mine = found
      .filter((r) => !known.has(r.id))
      .sort((a, b) => (b.created_at ?? '').localeCompare(a.created_at ?? ''))[0];
    if (!mine) return { done: false };
    const row = this.store.get(p.requestId);
    if (row) await this.applyOrFail(row, mine, conn);
    return { done: true, result: { csrId: mine.id, status: mine.status, reconciled: true } };
  }

  refused(item: OutboxRow, message: string): void {
    const p = JSON.parse(item.payload) as OutboxPayloads['csr'];
    const row = this.store.get(p.requestId);
    // failed here, so it does not hold the porting actions queued for the case after it
    this.deps.outbox.discardOne(item.id);
    if (row) this.finish(row, message);
  }

  // --- applying what the API said ----------------------------------------------------------------

  /**
   * The record exists at the API once it has an id: that is stored first, so a failure of PortDesk's
   * own (the file could not be written) fails the request with its reason and never makes it again.
   */
  private async applyOrFail(row: CsrRequestRow, record: CustomerServiceRecord, conn: Connection): Promise<void> {
    try {
      await this.apply(row, record, conn);
    } catch (err) {
      this.finish(row, `PortDesk could not store the CSR it received: ${(err as Error).message}`, record.id);
    }
  }

  private async apply(row: CsrRequestRow, record: CustomerServiceRecord, conn: Connection): Promise<void> {
    if (record.status === 'completed') {
      this.store.update(row.id, { csrId: record.id, status: 'pending' });
      return this.adopt(row, record, conn);
    }
    if (record.status === 'failed')
      return this.finish(
        row,
        record.error_message || 'The carrier did not release the CSR and gave no reason.',
        record.id,
      );
    const was = row.status;
    this.store.update(row.id, { csrId: record.id, status: 'pending' });
    if (was !== 'pending') this.changed(row.case_id, 'csr-pending');
  }

  private finish(row: CsrRequestRow, message: string, csrId?: string): void {
    this.store.update(row.id, { csrId, status: 'failed', errorMessage: message });
    this.deps.ctx.cases.addHistory(
      row.case_id,
      this.deps.gateway.apiActor(),
      'csr-failed',
      [],
      `The CSR request for ${row.phone_number} failed: ${message}`,
    );
    this.changed(row.case_id, 'csr-failed');
  }

  /** The completed record becomes the case's CSR document, in one transaction with the request's state. */
  private async adopt(row: CsrRequestRow, record: CustomerServiceRecord, conn: Connection): Promise<void> {
    const current = this.store.get(row.id);
    if (!current || current.status === 'completed') return;
    const { ctx } = this.deps;
    const completedAt = record.updated_at ?? conn.now().toISOString();
    const carrier = record.result?.carrier_name?.trim() || null;
    const source = `carrier API (${this.deps.gateway.apiName()})`;
    const bytes = await csrPdf(record, source, completedAt);
    const sha256 = ctx.documents.files.put(bytes);
    const fields = csrFields(record, completedAt.slice(0, 10));
    ctx.db
      .transaction(() => {
        const documentId = ctx.documents.repo.createRead({
          caseId: row.case_id,
          sha256,
          name: csrDocumentName(record, carrier),
          mime: 'application/pdf',
          size: bytes.byteLength,
          pages: 1,
          kind: 'csr',
        });
        ctx.documents.repo.saveExtracted(documentId, fields, source);
        this.store.update(row.id, { csrId: record.id, status: 'completed', carrierName: carrier });
        this.store.setDocument(row.id, documentId);
      })
      .immediate();
    ctx.cases.addHistory(
      row.case_id,
      this.deps.gateway.apiActor(),
      'csr-completed',
      [],
      `CSR received from the ${carrier ?? 'losing carrier'} record through ${this.deps.gateway.apiName()} for ${record.phone_number}; it is now the case's CSR.`,
    );
    // document-read: the review and the queue's blocker count pick the new CSR up like a read one.
    this.changed(row.case_id, 'document-read');
    this.changed(row.case_id, 'csr-completed');
  }

  // --- helpers -------------------------------------------------------------------------------

  private changed(
    caseId: number,
    reason: 'csr-requested' | 'csr-pending' | 'csr-completed' | 'csr-failed' | 'document-read',
  ): void {
    this.deps.ctx.events.emit('cases.changed', { ids: [caseId], reason });
  }

  /** A queued request whose outbox item was refused or discarded has failed, with the outbox's reason. */
  private liveState(r: CsrRequestRow): CsrRequestView['state'] {
    if (r.status !== 'queued' || r.outbox_id === null) return r.status;
    const item = this.deps.outbox.outboxItem(r.outbox_id);
    return item && (item.state === 'failed' || item.state === 'discarded') ? 'failed' : 'queued';
  }

  private requestView(r: CsrRequestRow): CsrRequestView {
    const item = r.outbox_id === null ? null : this.deps.outbox.outboxItem(r.outbox_id);
    const state = this.liveState(r);
    const outboxError =
      item?.state === 'discarded'
        ? 'The request was discarded from the outbox before it was sent. Request the CSR again.'
        : (item?.last_error ?? null);
    return {
      id: r.id,
      caseId: r.case_id,
      phoneNumber: r.phone_number,
      state,
      csrId: r.csr_id,
      supplied: JSON.parse(r.supplied) as string[],
      errorMessage: r.status === 'failed' ? r.error_message : state === 'failed' ? outboxError : null,
      waitingFor: state === 'queued' ? outboxError : null,
      carrierName: r.carrier_name,
      documentId: r.document_id,
      requestedAt: r.created_at,
      updatedAt: r.updated_at,
    };
  }

  private async waitFor(): Promise<void> {
    await Promise.race([this.deps.kick(), new Promise((r) => setTimeout(r, this.deps.waitMs ?? 30_000).unref())]);
  }
}

/**
 * The additional data the carrier asks for, from the case (names in the API's words). Returns what
 * the case lacks as the person would add it ("the account number"), so nothing half-filled is sent.
 */
export function additionalData(
  c: CaseRecord,
  pin: string | null,
  required: readonly string[],
): { data: CsrAdditionalData; missing: string[] } {
  const data: CsrAdditionalData = {};
  const missing: string[] = [];
  const answers = caseAnswers(c, pin);
  const values = (name: CsrAdditionalDataName): string | null => {
    const field = csrAskedCaseField(name);
    return field ? (answers[field] ?? null) : null;
  };
  for (const name of required) {
    if (!(CSR_ADDITIONAL_DATA as readonly string[]).includes(name)) {
      missing.push(`"${name}" (PortDesk does not know this item)`);
      continue;
    }
    const key = name as CsrAdditionalDataName;
    const value = values(key);
    if (value === null) missing.push(csrMissingItem(key));
    else data[key] = value;
  }
  return { data, missing };
}

/**
 * The case's values as the CSR API takes them, by case field (which item asks for which field is
 * the field registry's): E.164 BTN, two-letter state, 5-digit ZIP, blanks as null.
 */
function caseAnswers(c: CaseRecord, pin: string | null): Partial<Record<string, string | null>> {
  const out: Partial<Record<string, string | null>> = {};
  for (const f of CASE_FIELD_NAMES) {
    const v = c[f];
    out[f] = typeof v === 'string' ? v.trim() || null : null;
  }
  const a = serviceAddressParts(c);
  const zip = normalizeZip(a.zip).zip5;
  const F = SERVICE_ADDRESS_FIELD;
  // the request has no unit item: the suite rides on the street line, as on an envelope
  out[F.street_line] = [a.street_line.trim(), a.unit.trim()].filter(Boolean).join(' ') || null;
  out[F.state] = normalizeState(a.state) ?? null;
  out[F.zip] = /^\d{5}$/.test(zip) ? zip : null;
  out.btn = toE164(c.btn) ?? null;
  out.pin = pin?.trim() || null;
  return out;
}
