import { PeriodicWork } from './periodic.js';
import { AppError } from '../../../shared/contract/rpc.js';
import { allowedTransitions, STATUS_LABEL, type CaseStatus } from '../../../shared/domain/case.js';
import { FINAL_ORDER_STATUSES, caseStatusForOrders, orderStatusLabel } from '../../../shared/porting/mapping.js';
import type { ExceptionDetail, PortingEvent, PortingOrder } from '../../../shared/porting/telnyx.js';
import { ApiFailure } from './client.js';
import type { Connection, NotifyCase, PortingCoreDeps, PortingGateway } from './gateway.js';
import type { PortingStore } from './store.js';

/** The history actions the order sync writes (each also a `cases.changed` reason). */
type PortingNote = 'porting-split' | 'porting-comment' | 'porting-status' | 'porting-foc';
import { exceptionViews } from './views.js';

/**
 * Follows orders after submission: polls each open order and GET /porting/events (a desktop app has
 * no public URL for webhooks), on a schedule and on demand. Status changes reach the case: its
 * history, its status (only through cases.setStatus and the allowed transitions), the FOC date, and
 * the "changed since you last looked" marker of the queue.
 */

/** Overlap when reading events again, so one written just before the last read is not missed. */
const EVENTS_OVERLAP_MS = 5 * 60_000;

/** Case statuses the orders may move a case between; review/ready belong to the specialist. */
const TRACKED: readonly CaseStatus[] = ['submitted', 'exception', 'foc-confirmed', 'ported', 'cancelled'];

/** What the order sync uses: the API, the porting tables and the cases. */
export interface SyncDeps {
  ctx: PortingCoreDeps;
  store: PortingStore;
  gateway: Pick<PortingGateway, 'connection' | 'health' | 'apiName' | 'apiActor'>;
  notify: NotifyCase;
}

export type OrderSync = Tracker;

export class Tracker {
  private readonly periodic: PeriodicWork<number[]>;

  constructor(
    private readonly deps: SyncDeps,
    intervalMs: () => number,
  ) {
    this.periodic = new PeriodicWork((caseId) => this.poll(caseId), intervalMs);
  }

  start(): void {
    this.periodic.start();
  }

  close(): void {
    this.periodic.close();
  }

  /** Poll now; resolves with the cases that changed. Concurrent calls share one poll. */
  refresh(caseId?: number): Promise<number[]> {
    return this.periodic.run(caseId);
  }

  private async poll(caseId?: number): Promise<number[]> {
    const conn = await this.deps.gateway.connection();
    const changed = new Set<number>();
    const open = this.deps.store.openOrders(conn.endpoint, caseId);
    if (open.length === 0) return [];
    try {
      await this.pullEvents(conn, changed);
      for (const row of this.deps.store.openOrders(conn.endpoint, caseId)) {
        let order: PortingOrder;
        try {
          order = await conn.client.getOrder(row.id, row.case_id);
        } catch (err) {
          if (err instanceof ApiFailure && err.kind === 'not-found') {
            this.deps.store.setOrderStatus(row.id, 'deleted');
            this.deps.ctx.cases.addHistory(
              row.case_id,
              this.deps.gateway.apiActor(),
              'porting-status',
              [],
              `Order ${row.id} no longer exists at ${this.deps.gateway.apiName()} (drafts are deleted after 30 days).`,
            );
            changed.add(row.case_id);
            continue;
          }
          throw err;
        }
        if (await this.applyOrder(row.case_id, conn.endpoint, order)) changed.add(row.case_id);
      }
      this.deps.gateway.health(true, null, true);
    } catch (err) {
      if (err instanceof ApiFailure)
        this.deps.gateway.health(err.kind === 'auth' || err.kind === 'rejected', err.message);
      throw err;
    } finally {
      for (const id of changed) await this.applyCaseStatus(id);
    }
    return [...changed];
  }

  private async pullEvents(conn: Connection, changed: Set<number>): Promise<void> {
    const cursor = this.deps.store.eventsCursor(conn.endpoint);
    const from = cursor ? new Date(Date.parse(cursor) - EVENTS_OVERLAP_MS).toISOString() : null;
    for (let page = 1; page <= 20; page++) {
      const { events, totalPages } = await conn.client.listEvents(from, page, 100);
      for (const e of events) {
        if (this.deps.store.eventSeen(e.id)) continue;
        const caseId = await this.applyEvent(conn, e);
        if (caseId !== null) changed.add(caseId);
        this.deps.store.markEvent({
          id: e.id,
          endpoint: conn.endpoint,
          orderId: orderIdOf(e),
          type: e.event_type,
          createdAt: e.created_at ?? null,
        });
      }
      if (page >= totalPages || events.length === 0) break;
    }
  }

  /** The case the event touched, if PortDesk tracks its order. */
  private async applyEvent(conn: Connection, e: PortingEvent): Promise<number | null> {
    const store = this.deps.store;
    const p = e.payload ?? {};
    if (e.event_type === 'porting_order.split') {
      const from = (p.from as { id?: string } | undefined)?.id;
      const to = (p.to as { id?: string } | undefined)?.id;
      const parent = from ? store.order(from) : null;
      if (!parent || !to || store.order(to)) return null;
      const order = await conn.client.getOrder(to, parent.case_id);
      store.upsertOrder(parent.case_id, conn.endpoint, order);
      this.deps.ctx.cases.reindex(parent.case_id);
      this.note(
        parent.case_id,
        'porting-split',
        `${this.deps.gateway.apiName()} split order ${from} (the numbers of one order had to go separately): new order ${to} with ${order.phone_numbers?.length ?? 0} number(s).`,
      );
      return parent.case_id;
    }
    const orderId = orderIdOf(e);
    const row = orderId ? store.order(orderId) : null;
    if (!row) return null;
    if (e.event_type === 'porting_order.new_comment') {
      const c = p.comment as { id?: string; body?: string; user_type?: string; inserted_at?: string } | undefined;
      if (!c?.id || typeof c.body !== 'string') return null;
      const isNew = store.saveComment({
        id: c.id,
        orderId: row.id,
        body: c.body,
        userType: c.user_type ?? null,
        createdAt: c.inserted_at ?? e.created_at ?? null,
      });
      if (!isNew || c.user_type === 'user') return null;
      this.note(row.case_id, 'porting-comment', `New comment on order ${row.id}: “${c.body.slice(0, 300)}”`);
      return row.case_id;
    }
    if (e.event_type === 'porting_order.deleted') {
      store.setOrderStatus(row.id, 'deleted');
      this.note(row.case_id, 'porting-status', `Order ${row.id} was deleted at ${this.deps.gateway.apiName()}.`);
      return row.case_id;
    }
    // status_changed and the rest: the order is read again below.
    return null;
  }

  /** Store the order; when its status changed, tell the case. true = something the user should see. */
  async applyOrder(caseId: number, endpoint: string, order: PortingOrder): Promise<boolean> {
    const store = this.deps.store;
    const up = store.upsertOrder(caseId, endpoint, order);
    let changed = false;
    if (up.previous !== null && up.previous !== up.status) {
      changed = true;
      let note = `Order ${order.id}: ${orderStatusLabel(up.previous)} → ${orderStatusLabel(up.status)}.`;
      if (up.status === 'exception') {
        const ex = exceptionViews((order.status.details ?? []) as ExceptionDetail[]);
        note +=
          ' ' +
          ex
            .map((x) => `${x.code}${x.description ? ` (${x.description})` : ''}${x.action ? ` — ${x.action}` : ''}`)
            .join(' ');
        await this.fetchComments(caseId, order.id);
      }
      this.note(caseId, 'porting-status', note);
    }
    if (up.focChanged && order.activation_settings?.foc_datetime_actual) {
      changed = true;
      this.note(
        caseId,
        'porting-foc',
        `FOC confirmed for order ${order.id}: ${order.activation_settings.foc_datetime_actual}. Telnyx adds the numbers to the account two days before: set up the connection and messaging profile by then.`,
      );
    }
    return changed;
  }

  private async fetchComments(caseId: number, orderId: string): Promise<void> {
    try {
      const conn = await this.deps.gateway.connection();
      for (const c of await conn.client.listComments(orderId, caseId)) {
        this.deps.store.saveComment({
          id: c.id,
          orderId,
          body: c.body,
          userType: c.user_type ?? null,
          createdAt: c.created_at ?? null,
        });
      }
    } catch {
      // shown on the next poll
    }
  }

  private note(caseId: number, action: PortingNote, text: string): void {
    this.deps.ctx.cases.addHistory(caseId, this.deps.gateway.apiActor(), action, [], text);
    this.deps.ctx.cases.touch(caseId, { changed: true });
    this.deps.notify(caseId, action);
  }

  /**
   * Move the case to what its orders say, one allowed step at a time (submitted → foc-confirmed →
   * ported), and keep its FOC date. A case the specialist took back to review is left alone.
   */
  async applyCaseStatus(caseId: number, attempt = 0): Promise<void> {
    const orders = this.deps.store.ordersOfCase(caseId).filter((o) => o.status !== 'deleted');
    const target = caseStatusForOrders(orders.map((o) => o.status));
    const focs = orders
      .filter((o) => !FINAL_ORDER_STATUSES.includes(o.status) && o.foc_actual)
      .map((o) => o.foc_actual!)
      .sort();
    const lastFoc = orders
      .map((o) => o.foc_actual)
      .filter((f): f is string => !!f)
      .sort()
      .at(-1);
    const foc = focs[0] ?? lastFoc ?? null;
    const c = await this.deps.ctx.cases.get(caseId);
    if (foc && c.foc_date !== foc.slice(0, 10))
      this.deps.ctx.cases.touch(caseId, { foc_date: foc.slice(0, 10), changed: true });
    if (!target || target === c.status) return;
    const path = stepsTo(c.status, target);
    if (!path) return;
    let version = c.version;
    for (const step of path) {
      try {
        const rec = await this.deps.ctx.cases.setStatus(
          caseId,
          version,
          step,
          this.deps.gateway.apiActor(),
          `${STATUS_LABEL[step]} at ${this.deps.gateway.apiName()} (${orders.map((o) => `${o.id.slice(0, 8)}: ${orderStatusLabel(o.status)}`).join(', ')})`,
        );
        version = rec.version;
      } catch (err) {
        // Someone saved the case meanwhile: start again from what it is now.
        if (err instanceof AppError && err.code === 'CONFLICT' && attempt < 3)
          return this.applyCaseStatus(caseId, attempt + 1);
        throw err;
      }
    }
    this.deps.ctx.cases.touch(caseId, { changed: true });
    this.deps.notify(caseId, 'status');
  }
}

/** The allowed steps from → to through statuses the orders own; null when there is none. */
function stepsTo(from: CaseStatus, to: CaseStatus): CaseStatus[] | null {
  if (from !== 'ready' && !TRACKED.includes(from)) return null;
  const queue: CaseStatus[][] = [[from]];
  const seen = new Set<CaseStatus>([from]);
  while (queue.length) {
    const path = queue.shift()!;
    const last = path[path.length - 1]!;
    if (last === to) return path.slice(1);
    for (const next of allowedTransitions(last)) {
      if (!TRACKED.includes(next) || seen.has(next)) continue;
      seen.add(next);
      queue.push([...path, next]);
    }
  }
  return null;
}

function orderIdOf(e: PortingEvent): string | null {
  const p = e.payload ?? {};
  return (
    e.porting_order_id ??
    (typeof p.porting_order_id === 'string' ? p.porting_order_id : null) ??
    (typeof p.id === 'string' ? p.id : null)
  );
}
