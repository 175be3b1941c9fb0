import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/contract/rpc.js';
import { customerReference, fieldErrors, orderUpdateFromCase } from '../../../shared/porting/mapping.js';
import type { PortingOrder } from '../../../shared/porting/telnyx.js';
import { explainNumbersInOrder } from '../cases/duplicates.js';
import { ApiFailure, type TelnyxClient } from './client.js';
import { fileBytes, type DocumentFiles } from './documents.js';
import type { Connection, NotifyCase, PortingCoreDeps, PortingGateway } from './gateway.js';
import type { OutboxKind, OutboxPayloads, OutboxRow, PortingStore } from './store.js';
import type { OrderSync } from './tracker.js';

/** The CSR requests' part of sending (csr.ts): the outbox keeps the never-twice rules, it builds the request. */
export interface CsrOutboxPart {
  send(item: OutboxRow, conn: Connection): Promise<unknown>;
  reconcile(item: OutboxRow, conn: Connection): Promise<Outcome>;
  /** the API (or the case) refused the request: it fails on its own and must not hold the case's porting actions */
  refused(item: OutboxRow, message: string): void;
}

/**
 * Sends the outbox. Never twice, never lost:
 * - an item is marked `sending` (durably) before the request goes out; a crash or a timeout leaves
 *   it `uncertain`, and an uncertain item is looked up at Telnyx (reconciled) before it is sent again;
 * - per case, items go strictly in the order they were queued, and a refused item holds the rest;
 * - when the API cannot be reached, the item waits (with backoff) and everything behind it too.
 */

/** Telnyx deletes an upload that is not linked to an order within 30 minutes; re-upload before that. */
const UPLOAD_FRESH_MS = 25 * 60_000;
const MAX_WAIT_MS = 10 * 60_000;

export type Outcome = { done: true; result: unknown } | { done: false };

/** What the outbox uses: the API, the porting tables, the cases, the files to upload, the order sync. */
export interface OutboxDeps {
  ctx: PortingCoreDeps & DocumentFiles;
  store: PortingStore;
  gateway: Pick<PortingGateway, 'connection' | 'currentEndpoint' | 'health' | 'apiName' | 'apiActor'>;
  tracker: Pick<OrderSync, 'applyOrder' | 'applyCaseStatus'>;
  notify: NotifyCase;
  csr: CsrOutboxPart;
}

export class OutboxRunner {
  private running: Promise<void> | null = null;
  private again = false;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(private readonly deps: OutboxDeps) {}

  /** Send what can be sent now; resolves when the outbox is empty, waiting or blocked. */
  kick(): Promise<void> {
    if (this.closed) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.loop().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running?.catch(() => undefined);
  }

  private async loop(): Promise<void> {
    do {
      this.again = false;
      let conn: Connection;
      try {
        conn = await this.deps.gateway.connection();
      } catch {
        return;
      }
      while (!this.closed) {
        const item = this.deps.store.nextRunnable(conn.endpoint);
        if (!item) break;
        if (!(await this.process(item, conn))) break;
      }
    } while (this.again && !this.closed);
    this.arm();
  }

  private arm(): void {
    if (this.closed) return;
    if (this.timer) clearTimeout(this.timer);
    const endpoint = this.deps.gateway.currentEndpoint();
    const due = endpoint ? this.deps.store.nextDue(endpoint) : null;
    if (!due) return;
    const delay = Math.max(50, Math.min(MAX_WAIT_MS, Date.parse(due) - this.deps.ctx.now().getTime()));
    this.timer = setTimeout(() => void this.kick(), delay);
    this.timer.unref();
  }

  /** false = stop for now (offline, rate limited, key refused) */
  private async process(item: OutboxRow, conn: Connection): Promise<boolean> {
    const store = this.deps.store;
    try {
      if (item.state === 'uncertain') {
        const found = await this.reconcile(item, conn);
        if (found.done) {
          store.markDone(item.id, found.result);
          this.deps.notify(item.case_id, `${item.kind}-reconciled`);
          return true;
        }
      }
      store.markSending(item.id);
      const result = await this.execute(item, conn);
      store.markDone(item.id, result);
      this.deps.notify(item.case_id, item.kind);
      return true;
    } catch (err) {
      return this.failed(item, err);
    }
  }

  private failed(item: OutboxRow, err: unknown): boolean {
    const store = this.deps.store;
    const now = this.deps.ctx.now().getTime();
    const at = (ms: number) => new Date(now + ms).toISOString();
    const backoff = Math.min(MAX_WAIT_MS, 2_000 * 2 ** Math.min(10, item.attempts));
    if (err instanceof ApiFailure) {
      switch (err.kind) {
        case 'uncertain':
          // Look it up shortly (the server may still be finishing it), never resend blindly.
          store.markWaiting(item.id, 'uncertain', at(1_000), err.message);
          this.deps.gateway.health(false, err.message);
          this.deps.notify(item.case_id, 'outbox');
          return false;
        case 'unreachable':
        case 'server':
        case 'rate-limited':
          store.markWaiting(
            item.id,
            item.state === 'uncertain' ? 'uncertain' : 'pending',
            at(err.kind === 'rate-limited' && err.retryAfterMs !== null ? err.retryAfterMs : backoff),
            err.message,
          );
          this.deps.gateway.health(err.kind !== 'unreachable', err.message);
          this.deps.notify(item.case_id, 'outbox');
          return false;
        case 'auth':
          store.markWaiting(
            item.id,
            item.state === 'uncertain' ? 'uncertain' : 'pending',
            at(MAX_WAIT_MS),
            err.message,
          );
          this.deps.gateway.health(true, err.message);
          this.deps.notify(item.case_id, 'outbox');
          return false;
        default: {
          const errors = explainNumbersInOrder(this.deps.ctx.cases.db, item.case_id, fieldErrors(err.apiErrors));
          store.markFailed(item.id, err.message, errors);
          if (item.order_id) store.setFieldErrors(item.order_id, errors);
          const detail = errors.length ? errors.map((e) => `${e.label}: ${e.message}`).join('; ') : err.message;
          this.deps.ctx.cases.addHistory(
            item.case_id,
            this.deps.gateway.apiActor(),
            'porting-refused',
            [],
            `${describe(item)} refused by ${this.deps.gateway.apiName()}: ${detail}`,
          );
          this.deps.ctx.cases.touch(item.case_id, { changed: true });
          this.deps.gateway.health(true, null);
          if (item.kind === 'csr') this.deps.csr.refused(item, detail);
          this.deps.notify(item.case_id, 'refused');
          return true;
        }
      }
    }
    const message =
      err instanceof AppError ? err.message : `Unexpected error: ${(err as Error)?.message ?? String(err)}`;
    store.markFailed(item.id, message, []);
    if (item.kind === 'csr') this.deps.csr.refused(item, message);
    this.deps.notify(item.case_id, 'outbox');
    return true;
  }

  // --- doing -----------------------------------------------------------------------------------

  private async execute(item: OutboxRow, conn: Connection): Promise<unknown> {
    const { client } = conn;
    const caseId = item.case_id;
    switch (item.kind) {
      case 'create': {
        const p = payload<'create'>(item);
        const orders = await client.createOrders(
          { phone_numbers: p.numbers, customer_reference: customerReference(caseId) },
          caseId,
        );
        return this.adoptOrders(item, orders, conn);
      }
      case 'upload': {
        const p = payload<'upload'>(item);
        const file = fileBytes(this.deps.ctx, p.documentId);
        const doc = await client.uploadDocument(file, p.token, caseId);
        this.deps.store.saveUpload(item.id, caseId, p.kind, doc.id);
        return { documentId: doc.id };
      }
      case 'update': {
        const p = payload<'update'>(item);
        const orderId = needOrder(item);
        const send = async (force: boolean) => {
          const c = await this.deps.ctx.cases.get(caseId);
          const pin = await this.deps.ctx.cases.pin(caseId);
          const documents = {
            loa: p.loaUpload === null ? null : await this.documentId(p.loaUpload, conn, force),
            invoice: p.invoiceUpload === null ? null : await this.documentId(p.invoiceUpload, conn, force),
          };
          return client.updateOrder(orderId, orderUpdateFromCase(c, pin, { ...p.settings, documents }), caseId);
        };
        let order: PortingOrder;
        try {
          order = await send(false);
        } catch (err) {
          // The upload expired at Telnyx (not linked within 30 minutes): upload again, once.
          const expired =
            err instanceof ApiFailure &&
            err.kind === 'rejected' &&
            err.apiErrors.some((e) => /^\/documents\//.test(e.source?.pointer ?? ''));
          if (!expired) throw err;
          order = await send(true);
        }
        this.deps.store.upsertOrder(caseId, conn.endpoint, order);
        this.deps.store.setFieldErrors(orderId, []);
        await this.refreshRequirements(conn, orderId, caseId);
        return { status: order.status.value };
      }
      case 'link': {
        const p = payload<'link'>(item);
        const orderId = needOrder(item);
        const docs = [];
        for (const u of p.uploads)
          docs.push({ document_id: await this.documentId(u.outboxId, conn, false), document_type: u.type });
        await client.addAdditionalDocuments(orderId, { additional_documents: docs }, caseId);
        return { linked: docs.length };
      }
      case 'confirm': {
        const orderId = needOrder(item);
        const order = await client.confirmOrder(orderId, caseId);
        await this.deps.tracker.applyOrder(caseId, conn.endpoint, order);
        await this.deps.tracker.applyCaseStatus(caseId);
        return { status: order.status.value };
      }
      case 'comment': {
        const p = payload<'comment'>(item);
        const orderId = needOrder(item);
        const c = await client.createComment(orderId, p.body, caseId);
        this.deps.store.saveComment({
          id: c.id,
          orderId,
          body: c.body,
          userType: c.user_type ?? 'user',
          createdAt: c.created_at ?? null,
        });
        return { commentId: c.id };
      }
      case 'cancel': {
        const orderId = needOrder(item);
        const order = await client.cancelOrder(orderId, caseId);
        await this.deps.tracker.applyOrder(caseId, conn.endpoint, order);
        await this.deps.tracker.applyCaseStatus(caseId);
        return { status: order.status.value };
      }
      case 'csr':
        return this.deps.csr.send(item, conn);
    }
  }

  /** Did Telnyx do it? Looks for the trace each action leaves, so a lost answer never means a second order. */
  private async reconcile(item: OutboxRow, conn: Connection): Promise<Outcome> {
    const { client } = conn;
    const caseId = item.case_id;
    switch (item.kind) {
      case 'create': {
        const wanted = new Set(payload<'create'>(item).numbers);
        const found: PortingOrder[] = [];
        for (let page = 1; page <= 10; page++) {
          const res = await client.listOrders({ customer_reference: customerReference(caseId) }, page, 100);
          found.push(...res.orders);
          if (page >= res.totalPages) break;
        }
        const known = this.deps.store.knownOrderIds(found.map((o) => o.id));
        const mine = found.filter(
          (o) =>
            !known.has(o.id) &&
            o.status.value !== 'cancelled' &&
            (o.phone_numbers ?? []).length > 0 &&
            (o.phone_numbers ?? []).every((n) => wanted.has(n.phone_number)),
        );
        if (!mine.length) return { done: false };
        return { done: true, result: await this.adoptOrders(item, mine, conn) };
      }
      case 'upload': {
        const p = payload<'upload'>(item);
        const docs = await client.findDocuments(p.token, caseId);
        const doc = docs[0];
        if (!doc) return { done: false };
        this.deps.store.saveUpload(item.id, caseId, p.kind, doc.id);
        return { done: true, result: { documentId: doc.id } };
      }
      case 'link': {
        const p = payload<'link'>(item);
        const linked = new Set(
          (await client.listAdditionalDocuments(needOrder(item), caseId)).map((d) => d.document_id),
        );
        const ids = p.uploads.map((u) => this.deps.store.upload(u.outboxId)?.document_id);
        return ids.every((id) => id && linked.has(id))
          ? { done: true, result: { linked: ids.length } }
          : { done: false };
      }
      case 'confirm':
      case 'cancel': {
        const order = await client.getOrder(needOrder(item), caseId);
        const moved =
          item.kind === 'confirm'
            ? !['draft', 'exception'].includes(order.status.value)
            : ['cancel-pending', 'cancelled'].includes(order.status.value);
        if (!moved) return { done: false };
        await this.deps.tracker.applyOrder(caseId, conn.endpoint, order);
        await this.deps.tracker.applyCaseStatus(caseId);
        return { done: true, result: { status: order.status.value, reconciled: true } };
      }
      case 'comment': {
        const orderId = needOrder(item);
        const body = payload<'comment'>(item).body;
        const match = (await client.listComments(orderId, caseId)).find(
          (c) => c.body === body && (c.user_type ?? 'user') === 'user' && !this.deps.store.commentKnown(c.id),
        );
        if (!match) return { done: false };
        this.deps.store.saveComment({
          id: match.id,
          orderId,
          body,
          userType: 'user',
          createdAt: match.created_at ?? null,
        });
        return { done: true, result: { commentId: match.id } };
      }
      case 'update':
        // PATCH sets values: sending it again is the lookup.
        return { done: false };
      case 'csr':
        return this.deps.csr.reconcile(item, conn);
    }
  }

  private async adoptOrders(
    item: OutboxRow,
    orders: PortingOrder[],
    conn: Connection,
  ): Promise<{ orderIds: string[] }> {
    const caseId = item.case_id;
    for (const o of orders) {
      this.deps.store.upsertOrder(caseId, conn.endpoint, o);
      await this.refreshRequirements(conn, o.id, caseId);
    }
    this.deps.ctx.cases.reindex(caseId);
    if (orders[0]) this.deps.store.setOrderOfItem(item.id, orders[0].id);
    const parts = orders.map(
      (o) =>
        `${o.id} (${o.phone_numbers?.length ?? o.porting_phone_numbers_count ?? 0} ${o.phone_number_type ?? ''} number(s)${o.old_service_provider_ocn ? `, ${o.old_service_provider_ocn}` : ''})`,
    );
    this.deps.ctx.cases.addHistory(
      caseId,
      this.deps.ctx.actor(),
      'porting-draft',
      [],
      orders.length > 1
        ? `${this.deps.gateway.apiName()} split the port into ${orders.length} draft orders (by country, number type, carrier/SPID and FastPort): ${parts.join('; ')}. Each is completed and submitted on its own.`
        : `Draft order created at ${this.deps.gateway.apiName()}: ${parts.join('')}.`,
    );
    this.deps.ctx.cases.touch(caseId, { changed: true });
    return { orderIds: orders.map((o) => o.id) };
  }

  /** Requirements change as documents are linked; they are informative, so a failure here is not the action's. */
  private async refreshRequirements(conn: Connection, orderId: string, caseId: number): Promise<void> {
    try {
      this.deps.store.setRequirements(orderId, await conn.client.requirements(orderId, caseId));
    } catch {
      // shown as last known; read again after the next update
    }
  }

  /** The Telnyx id of an upload, uploading again when it is (about to be) deleted for not being linked. */
  private async documentId(uploadItemId: number, conn: Connection, force: boolean): Promise<string> {
    const store = this.deps.store;
    const up = store.upload(uploadItemId);
    const fresh = up && this.deps.ctx.now().getTime() - Date.parse(up.uploaded_at) < UPLOAD_FRESH_MS;
    if (up && fresh && !force) return up.document_id;
    const item = store.outboxItem(uploadItemId);
    if (!item || item.kind !== 'upload')
      throw new AppError('INTERNAL', `Outbox item ${uploadItemId} is not an upload.`);
    const p = payload<'upload'>(item);
    // A new reference each time, so a lookup after a timeout finds this upload and not the expired one.
    const doc = await conn.client.uploadDocument(
      fileBytes(this.deps.ctx, p.documentId),
      `${p.token}-r${randomUUID().slice(0, 8)}`,
      item.case_id,
    );
    store.saveUpload(uploadItemId, item.case_id, p.kind, doc.id);
    return doc.id;
  }
}

function payload<K extends OutboxKind>(item: OutboxRow & { kind: OutboxKind }): OutboxPayloads[K] {
  return JSON.parse(item.payload) as OutboxPayloads[K];
}

function needOrder(item: OutboxRow): string {
  if (!item.order_id) throw new AppError('INTERNAL', `Outbox item ${item.id} (${item.kind}) has no order.`);
  return item.order_id;
}

function describe(item: OutboxRow): string {
  const order = item.order_id ? ` of order ${item.order_id}` : '';
  return (
    {
      create: 'Creating the draft order',
      upload: 'The document upload',
      update: `The update${order}`,
      link: `Attaching documents${order}`,
      confirm: `Submitting${order}`,
      comment: `The comment${order}`,
      cancel: `Cancelling${order}`,
      csr: 'The CSR request',
    } satisfies Record<OutboxKind, string>
  )[item.kind];
}

export type { TelnyxClient };
