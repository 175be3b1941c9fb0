import { randomUUID } from 'node:crypto';
import type {
  CaseOrdersView,
  CommentView,
  OrderSettings,
  OutboxItemView,
  PortabilityCheckView,
  PortingStatus,
  Sent,
} from '../../../shared/contract/porting.js';
import { AppError } from '../../../shared/contract/rpc.js';
import type { PortNumber } from '../../../shared/domain/case.js';
import { isTollFreeNanp, toE164 } from '../../../shared/domain/phone.js';
import { cancelRefusal } from '../../../shared/porting/mapping.js';
import type { CoreContext } from '../context.js';
import { ApiFailure, TELNYX_BASE_URL } from './client.js';
import { ChannelService } from './channel.js';
import { caseFiles } from './documents.js';
import {
  API_KEY_SECRET,
  BASE_URL_SETTING,
  caseNotifier,
  PortingGateway,
  type GatewayOptions,
  type NotifyCase,
} from './gateway.js';
import { CsrService } from './csr.js';
import { OutboxRunner } from './outbox.js';
import type { NewOutboxItem, PortingStore } from './store.js';
import { Tracker } from './tracker.js';
import { carrierVerdict, caseOrdersView, outboxView } from './views.js';

export { API_KEY_SECRET, type SimulatorEndpoint } from './gateway.js';

/**
 * The operations behind the porting.* methods. The gateway says which API answers (the simulator
 * a host started when no key is set, else Telnyx, each reached by a base URL); the outbox sends
 * actions and the order sync follows orders. createPorting builds the four once, for createCore.
 */

export interface PortingOptions extends GatewayOptions {
  /** polling period when talking to Telnyx / to the simulator */
  pollMs?: number;
  simPollMs?: number;
  /** how long an action call waits for the outbox before answering "queued" */
  waitMs?: number;
}

export function createPorting(ctx: CoreContext, opts: PortingOptions = {}): PortingService {
  const gateway = new PortingGateway(ctx, opts);
  const notify = caseNotifier(ctx.events);
  const store = ctx.porting;
  const tracker = new Tracker({ ctx, store, gateway, notify }, () =>
    gateway.currentMode() === 'telnyx' ? (opts.pollMs ?? 5 * 60_000) : (opts.simPollMs ?? 20_000),
  );
  const csr = new CsrService({
    ctx,
    gateway,
    outbox: store,
    kick: () => outbox.kick(),
    pollMs: () => (gateway.currentMode() === 'telnyx' ? 30_000 : (opts.simPollMs ?? 2_000)),
    waitMs: opts.waitMs,
  });
  const outbox = new OutboxRunner({ ctx, store, gateway, tracker, notify, csr });
  return new PortingService({ ctx, store, gateway, outbox, tracker, notify, csr }, opts);
}

export interface PortingParts {
  ctx: CoreContext;
  store: PortingStore;
  gateway: PortingGateway;
  outbox: OutboxRunner;
  tracker: Tracker;
  notify: NotifyCase;
  csr: CsrService;
}

export class PortingService {
  private readonly ctx: CoreContext;
  private readonly store: PortingStore;
  private readonly gateway: PortingGateway;
  private readonly outbox: OutboxRunner;
  private readonly tracker: Tracker;
  private readonly notify: NotifyCase;
  /** how each case is submitted (API or ticket), its line types, and the gate every send goes through */
  readonly channel: ChannelService;
  /** the losing carrier's CSR on request; it shares the gateway and the outbox */
  readonly csr: CsrService;
  private started = false;

  constructor(
    parts: PortingParts,
    private readonly opts: PortingOptions = {},
  ) {
    ({
      ctx: this.ctx,
      store: this.store,
      gateway: this.gateway,
      outbox: this.outbox,
      tracker: this.tracker,
      notify: this.notify,
      csr: this.csr,
    } = parts);
    this.channel = new ChannelService(this.ctx);
  }

  /** Long-running hosts only (Core.startBackground): resume the outbox and follow orders. */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.store.recoverInterrupted();
    this.tracker.start();
    this.csr.start();
    void this.outbox.kick();
  }

  async close(): Promise<void> {
    this.gateway.close();
    this.tracker.close();
    this.csr.close();
    await this.outbox.close();
  }

  /** The connection in use (tests and the outbox's callers). */
  connection() {
    return this.gateway.connection();
  }

  private apiName(): string {
    return this.gateway.apiName();
  }

  private health(reachable: boolean, error: string | null): void {
    this.gateway.health(reachable, error);
  }

  // --- operations ------------------------------------------------------------------------------

  async status(): Promise<PortingStatus> {
    const conn = await this.gateway.connection();
    const key = await this.ctx.secrets.get(API_KEY_SECRET);
    const health = this.gateway.healthNow();
    return {
      mode: conn.mode,
      baseUrl: conn.mode === 'simulator' ? 'built-in simulator' : conn.baseUrl,
      keySet: !!key,
      keyStore: this.ctx.secrets.kind,
      reachable: health.reachable,
      lastError: health.lastError,
      lastSyncAt: health.lastSyncAt,
      outbox: this.store.outboxCounts(),
      simulator:
        conn.mode === 'simulator' ? { now: conn.now().toISOString(), speed: this.gateway.simulatorSpeed() } : null,
    };
  }

  async setApiKey(apiKey: string | null, baseUrl?: string): Promise<PortingStatus> {
    if (apiKey === null) {
      await this.ctx.secrets.delete(API_KEY_SECRET);
      this.ctx.settings.delete(BASE_URL_SETTING);
      await this.gateway.reconnect();
      return this.status();
    }
    const url = baseUrl ?? TELNYX_BASE_URL;
    const probe = this.gateway.probe(url, apiKey);
    let verified = true;
    try {
      await probe.listOrders({}, 1, 1);
    } catch (err) {
      if (err instanceof ApiFailure && err.kind === 'auth') throw err;
      if (!(err instanceof ApiFailure && err.transient)) throw err;
      verified = false;
    }
    await this.ctx.secrets.set(API_KEY_SECRET, apiKey);
    this.ctx.settings.set(BASE_URL_SETTING, url);
    await this.gateway.reconnect();
    if (!verified)
      this.health(
        false,
        `The key is saved but could not be checked: ${new URL(url).host} did not answer. PortDesk will use it when the connection is back.`,
      );
    this.store.wake(url);
    void this.outbox.kick();
    return this.status();
  }

  async check(caseId: number): Promise<PortabilityCheckView> {
    const c = await this.ctx.cases.get(caseId);
    const valid = c.numbers.filter((n): n is PortNumber & { e164: string } => !!n.e164);
    if (valid.length === 0)
      throw new AppError(
        'BAD_INPUT',
        `Case ${caseId} has no valid phone numbers to check. Add the numbers to port first.`,
      );
    const conn = await this.gateway.connection();
    const results = [];
    const numbers = [...new Set(valid.map((n) => n.e164))];
    for (let i = 0; i < numbers.length; i += 500)
      results.push(...(await conn.client.portabilityCheck(numbers.slice(i, i + 500), caseId)));
    this.health(true, null);
    const checked = results.map((r) => ({
      phone_number: r.phone_number,
      portable: r.portable,
      fast_portable: r.fast_portable ?? false,
      reason: r.portable ? null : (r.not_portable_reason ?? 'not portable'),
      carrier_name: r.carrier_name || null,
      phone_number_type: r.phone_number_type ?? null,
    }));
    const view: PortabilityCheckView = {
      caseId,
      checkedAt: this.ctx.now().toISOString(),
      numbers: checked,
      notPortable: checked.filter((r) => !r.portable),
      invalid: c.numbers.filter((n) => !n.e164).map((n) => ({ raw: n.raw, error: n.error ?? 'invalid' })),
      carrier: carrierVerdict(
        results.filter((r) => r.portable),
        c,
      ),
    };
    this.store.saveCheck(caseId, conn.endpoint, view);
    const summary = view.notPortable.length
      ? `${view.notPortable.length} of ${checked.length} number(s) not portable: ${view.notPortable.map((n) => `${n.phone_number} (${n.reason})`).join(', ')}.`
      : `All ${checked.length} number(s) portable.`;
    this.ctx.cases.addHistory(
      caseId,
      this.ctx.actor(),
      'porting-check',
      [],
      `Portability check at ${this.apiName()}: ${summary} ${view.carrier.message}`,
    );
    this.notify(caseId, 'check');
    return view;
  }

  async createDraft(caseId: number, removeNumbers: string[]): Promise<Sent> {
    let c = await this.ctx.cases.get(caseId);
    this.refuseManual(caseId);
    if (c.status !== 'ready') {
      throw new AppError(
        'INVALID_TRANSITION',
        `Only a ready case can be submitted; case ${caseId} is in ${c.status}. Finish the review first.`,
      );
    }
    const live = this.store.ordersOfCase(caseId).filter((o) => !['cancelled', 'deleted'].includes(o.status));
    if (live.length) {
      throw new AppError(
        'CONFLICT',
        `Case ${caseId} already has order(s) ${live.map((o) => o.id).join(', ')}. Complete and submit them, or cancel them before creating new ones.`,
      );
    }
    if (this.store.unfinished(caseId).length) {
      throw new AppError(
        'CONFLICT',
        `Actions for case ${caseId} are still waiting in the outbox. Let them finish, or discard them, first.`,
      );
    }
    if (removeNumbers.length) {
      const drop = new Set(removeNumbers.map((n) => toE164(n) ?? n.trim()));
      const kept = c.numbers.filter((n) => !drop.has(n.e164 ?? n.raw.trim()));
      if (kept.length === c.numbers.length)
        throw new AppError('BAD_INPUT', `None of ${removeNumbers.join(', ')} is on case ${caseId}.`);
      c = await this.ctx.cases.update(caseId, c.version, { numbers: kept }, this.ctx.actor(), 'numbers-removed');
      this.ctx.cases.addHistory(
        caseId,
        this.ctx.actor(),
        'porting-numbers-removed',
        [],
        `Removed before submitting (not portable): ${[...drop].join(', ')}.`,
      );
    }
    if (c.numbers.some((n) => !n.e164)) {
      throw new AppError(
        'BLOCKED',
        `Case ${caseId} has numbers that are not valid (${c.numbers
          .filter((n) => !n.e164)
          .map((n) => n.raw)
          .join(', ')}). Correct or remove them first.`,
      );
    }
    if (c.numbers.length === 0) throw new AppError('BLOCKED', `Case ${caseId} has no numbers left to port.`);
    let check = this.store.check(caseId);
    const numbers = c.numbers.map((n) => n.e164!);
    if (!check || numbers.some((n) => !check!.numbers.some((r) => r.phone_number === n)))
      check = await this.check(caseId);
    const blocked = check.notPortable.filter((r) => numbers.includes(r.phone_number));
    if (blocked.length) {
      throw new AppError(
        'BLOCKED',
        `${blocked.length} number(s) are not portable: ${blocked.map((b) => `${b.phone_number} (${b.reason})`).join(', ')}. Remove them from the order, or stop and talk to the customer.`,
        { notPortable: blocked },
      );
    }
    const gate = await this.channel.gate(caseId);
    if (!gate.allowed) throw new AppError('BLOCKED', gate.refusal ?? 'The case cannot be sent now.', { gate });
    const conn = await this.gateway.connection();
    const ids = this.store.enqueue(
      conn.endpoint,
      ordersByLineType(numbers, this.channel.lines(c)).map((group) => ({
        caseId,
        orderId: null,
        kind: 'create' as const,
        payload: { numbers: group },
      })),
    );
    return this.sent(caseId, ids);
  }

  async orders(caseId: number): Promise<CaseOrdersView> {
    await this.ctx.cases.get(caseId);
    const conn = await this.gateway.connection();
    return caseOrdersView(caseId, conn.mode, this.store, conn.now());
  }

  async focWindows(orderId: string): Promise<{ orderId: string; windows: { started_at: string; ended_at: string }[] }> {
    const row = this.order(orderId);
    const conn = await this.gateway.connection();
    const windows = await conn.client.focWindows(orderId, row.case_id);
    this.store.setFocWindows(orderId, windows);
    return { orderId, windows: this.store.focWindows(orderId)!.windows };
  }

  async submit(
    caseId: number,
    picks: { orderId: string; foc_datetime_requested: string }[],
    settings: Omit<OrderSettings, 'foc_datetime_requested'>,
  ): Promise<Sent> {
    const c = await this.ctx.cases.get(caseId);
    this.refuseManual(caseId);
    this.refuseUnsubmittable(caseId, c.status);
    checkSubmitSettings(settings);
    for (const p of picks) this.checkPick(caseId, p);
    // a case back from an exception is reviewed again, and the line-type rules apply, before anything is sent
    const gate = await this.channel.gate(caseId);
    if (!gate.allowed) throw new AppError('BLOCKED', gate.refusal ?? 'The case cannot be sent now.', { gate });
    const files = requiredFiles(this.ctx, caseId);
    // A new plan replaces what is still waiting or refused for this case (the data may have been fixed since).
    const waiting = this.store.unfinished(caseId);
    if (waiting[0]) this.store.discardFrom(waiting[0].id);
    const conn = await this.gateway.connection();
    const ids = this.enqueueSubmission(conn.endpoint, caseId, files, picks, settings);
    this.ctx.cases.addHistory(
      caseId,
      this.ctx.actor(),
      'porting-submit',
      [],
      `${c.status === 'exception' ? 'Resubmitting' : 'Submitting'} ${picks.length} order(s) to ${this.apiName()}: ${picks.map((p) => `${p.orderId} (FOC ${p.foc_datetime_requested})`).join(', ')}; ${settings.misc.type} port.`,
    );
    return this.sent(caseId, ids);
  }

  /** Only a ready case, or one back from an exception, with nothing of it still unsettled at Telnyx. */
  private refuseUnsubmittable(caseId: number, status: string): void {
    if (status !== 'ready' && status !== 'exception') {
      throw new AppError(
        'INVALID_TRANSITION',
        `Case ${caseId} is in ${status}: only a ready case, or one whose exception was fixed, can be submitted.`,
      );
    }
    const stuck = this.store.unfinished(caseId).filter((i) => i.state === 'uncertain' || i.state === 'sending');
    if (stuck.length) {
      throw new AppError(
        'CONFLICT',
        'PortDesk is still checking what Telnyx received for this case (a request had no answer). Try again when the outbox shows it settled.',
      );
    }
  }

  /** The order belongs to the case, can be (re)submitted, and its FOC lies inside a known window. */
  private checkPick(caseId: number, p: { orderId: string; foc_datetime_requested: string }): void {
    const row = this.order(p.orderId);
    if (row.case_id !== caseId)
      throw new AppError('BAD_INPUT', `Order ${p.orderId} belongs to case ${row.case_id}, not ${caseId}.`);
    if (!['draft', 'exception'].includes(row.status)) {
      throw new AppError(
        'INVALID_TRANSITION',
        `Order ${p.orderId} is ${row.status}: only a draft or an order in exception can be (re)submitted.`,
      );
    }
    const windows = this.store.focWindows(p.orderId)?.windows;
    const t = Date.parse(p.foc_datetime_requested);
    if (
      windows &&
      windows.length &&
      !windows.some((w) => t >= Date.parse(w.started_at) && t <= Date.parse(w.ended_at))
    ) {
      throw new AppError(
        'BAD_INPUT',
        `The FOC ${p.foc_datetime_requested} for order ${p.orderId} is outside the allowed windows. Pick a date and time inside one.`,
      );
    }
  }

  /** Uploads of the case's files, then per order: update, link the CSR, confirm — queued in one transaction. */
  private enqueueSubmission(
    endpoint: string,
    caseId: number,
    files: ReturnType<typeof caseFiles>,
    picks: { orderId: string; foc_datetime_requested: string }[],
    settings: Omit<OrderSettings, 'foc_datetime_requested'>,
  ): number[] {
    const token = `portdesk-${caseId}-${randomUUID().slice(0, 8)}`;
    return this.ctx.db.transaction(() => {
      const uploads: Partial<Record<'loa' | 'invoice' | 'csr', number>> = {};
      const all: number[] = [];
      const add = (item: NewOutboxItem) => {
        const [id] = this.store.enqueue(endpoint, [item]);
        all.push(id!);
        return id!;
      };
      for (const kind of ['loa', 'invoice', 'csr'] as const) {
        const f = files[kind];
        if (f)
          uploads[kind] = add({
            caseId,
            orderId: null,
            kind: 'upload',
            payload: { kind, documentId: f.documentId, fileName: f.fileName, token: `${token}-${kind}` },
          });
      }
      for (const p of picks) {
        const full: OrderSettings = { ...settings, foc_datetime_requested: p.foc_datetime_requested };
        this.store.setSettings(p.orderId, full);
        this.store.setFieldErrors(p.orderId, []);
        add({
          caseId,
          orderId: p.orderId,
          kind: 'update',
          payload: { settings: full, loaUpload: uploads.loa ?? null, invoiceUpload: uploads.invoice ?? null },
        });
        if (uploads.csr)
          add({
            caseId,
            orderId: p.orderId,
            kind: 'link',
            payload: { uploads: [{ outboxId: uploads.csr, type: 'csr' }] },
          });
        add({ caseId, orderId: p.orderId, kind: 'confirm', payload: {} });
      }
      return all;
    })();
  }

  async comments(orderId: string, refresh: boolean): Promise<CommentView[]> {
    const row = this.order(orderId);
    if (refresh) {
      try {
        const conn = await this.gateway.connection();
        for (const c of await conn.client.listComments(orderId, row.case_id)) {
          this.store.saveComment({
            id: c.id,
            orderId,
            body: c.body,
            userType: c.user_type ?? null,
            createdAt: c.created_at ?? null,
          });
        }
      } catch (err) {
        // Offline: show what is stored.
        if (!(err instanceof ApiFailure && err.transient)) throw err;
      }
    }
    const stored: CommentView[] = this.store.comments(orderId).map((c) => ({
      id: c.id,
      orderId,
      body: c.body,
      user_type: c.user_type,
      created_at: c.created_at,
      pending: false,
    }));
    const queued: CommentView[] = this.store
      .unfinished(row.case_id)
      .filter((i) => i.kind === 'comment' && i.order_id === orderId)
      .map((i) => ({
        id: `outbox-${i.id}`,
        orderId,
        body: (JSON.parse(i.payload) as { body: string }).body,
        user_type: 'user',
        created_at: i.created_at,
        pending: true,
      }));
    return [...stored, ...queued];
  }

  async addComment(orderId: string, body: string): Promise<Sent> {
    const row = this.order(orderId);
    const conn = await this.gateway.connection();
    const ids = this.store.enqueue(conn.endpoint, [
      { caseId: row.case_id, orderId, kind: 'comment', payload: { body } },
    ]);
    return this.sent(row.case_id, ids);
  }

  async cancel(orderId: string): Promise<Sent> {
    const row = this.order(orderId);
    const conn = await this.gateway.connection();
    const refusal = cancelRefusal(
      row.status,
      row.status === 'draft' ? null : (row.foc_actual ?? row.foc_requested),
      conn.now(),
    );
    if (refusal) throw new AppError('BLOCKED', refusal);
    const ids = this.store.enqueue(conn.endpoint, [{ caseId: row.case_id, orderId, kind: 'cancel', payload: {} }]);
    this.ctx.cases.addHistory(
      row.case_id,
      this.ctx.actor(),
      'porting-cancel',
      [],
      `Cancel requested for order ${orderId}.`,
    );
    return this.sent(row.case_id, ids);
  }

  async refresh(caseId?: number): Promise<number[]> {
    const conn = await this.gateway.connection();
    // On demand means now: waiting items are tried at once too.
    this.store.wake(conn.endpoint);
    await this.outbox.kick();
    return this.tracker.refresh(caseId);
  }

  outboxList(caseId: number | undefined, includeDone: boolean): OutboxItemView[] {
    return this.store.listOutbox(caseId, includeDone).map(outboxView);
  }

  async retry(id: number): Promise<OutboxItemView[]> {
    const item = this.store.outboxItem(id);
    if (!item) throw new AppError('NOT_FOUND', `There is no outbox item ${id}.`);
    if (item.state !== 'failed')
      throw new AppError('BAD_INPUT', `Outbox item ${id} is ${item.state}; only a failed item can be sent again.`);
    this.store.retry(id);
    await this.waitFor();
    return this.outboxList(item.case_id, false);
  }

  discard(id: number): OutboxItemView[] {
    const item = this.store.outboxItem(id);
    if (!item) throw new AppError('NOT_FOUND', `There is no outbox item ${id}.`);
    if (item.state === 'sending' || item.state === 'uncertain') {
      throw new AppError(
        'CONFLICT',
        `Outbox item ${id} may already have reached Telnyx; PortDesk is checking it and will settle it itself.`,
      );
    }
    const dropped = this.store.discardFrom(id);
    this.ctx.cases.addHistory(
      item.case_id,
      this.ctx.actor(),
      'porting-discarded',
      [],
      `Discarded ${dropped.length} queued porting action(s).`,
    );
    this.notify(item.case_id, 'outbox');
    return this.outboxList(item.case_id, false);
  }

  // --- helpers ---------------------------------------------------------------------------------

  private refuseManual(caseId: number): void {
    if (this.channel.channelOf(caseId) === 'manual')
      throw new AppError(
        'BAD_INPUT',
        `Case ${caseId} is submitted by ticket (manual channel), not through the Telnyx API. Record the ticket's steps instead, or switch the channel back to Telnyx API.`,
      );
  }

  private order(orderId: string) {
    const row = this.store.order(orderId);
    if (!row) throw new AppError('NOT_FOUND', `PortDesk has no porting order ${orderId}.`);
    return row;
  }

  /** Run the outbox (bounded wait) and report where these items stand. */
  private async sent(caseId: number, ids: number[]): Promise<Sent> {
    await this.waitFor();
    const items = ids.map((id) => this.store.outboxItem(id)!);
    const conn = await this.gateway.connection();
    const view = caseOrdersView(caseId, conn.mode, this.store, conn.now());
    const failed = items.find((i) => i.state === 'failed');
    if (failed) return { state: 'failed', message: failed.last_error ?? 'Refused.', view };
    if (items.every((i) => i.state === 'done')) return { state: 'done', message: 'Done.', view };
    const waiting = items.find((i) => i.state !== 'done' && i.state !== 'discarded');
    return {
      state: 'queued',
      message: waiting?.last_error
        ? `Queued: ${waiting.last_error}`
        : 'Queued in the outbox; PortDesk sends it as soon as it can.',
      view,
    };
  }

  /** Give the outbox a bounded time: an action call answers "queued" rather than hang while offline. */
  private async waitFor(): Promise<void> {
    const deadline = Date.now() + (this.opts.waitMs ?? 30_000);
    await Promise.race([
      this.outbox.kick(),
      new Promise((r) => setTimeout(r, Math.max(0, deadline - Date.now())).unref()),
    ]);
  }
}

/** Toll-free numbers are RespOrg ports: they go on an order of their own, never mixed with the others. */
export function ordersByLineType(
  numbers: readonly string[],
  lines: readonly { number: string; line_type: string | null }[],
) {
  const type = new Map(lines.map((l) => [l.number, l.line_type]));
  const tollFree = numbers.filter((n) => (type.get(n) ?? (isTollFreeNanp(n) ? 'toll-free' : null)) === 'toll-free');
  const rest = numbers.filter((n) => !tollFree.includes(n));
  return [rest, tollFree].filter((g) => g.length > 0);
}

function checkSubmitSettings(settings: Omit<OrderSettings, 'foc_datetime_requested'>): void {
  if (settings.misc.type === 'partial' && !settings.misc.remaining_numbers_action) {
    throw new AppError(
      'BAD_INPUT',
      'A partial port needs to say what happens to the numbers that stay: keep or disconnect.',
    );
  }
  if (settings.misc.new_billing_phone_number && !toE164(settings.misc.new_billing_phone_number)) {
    throw new AppError(
      'BAD_INPUT',
      `The new BTN "${settings.misc.new_billing_phone_number}" is not a valid phone number.`,
    );
  }
}

/** Telnyx needs the signed LOA and an invoice on every order; the CSR goes too when attached. */
function requiredFiles(ctx: CoreContext, caseId: number): ReturnType<typeof caseFiles> {
  const files = caseFiles(ctx, caseId);
  if (!files.loa || !files.invoice) {
    const missing = [!files.loa && 'the signed LOA', !files.invoice && 'a recent invoice']
      .filter(Boolean)
      .join(' and ');
    throw new AppError(
      'BLOCKED',
      `Attach ${missing} to case ${caseId} first: Telnyx needs both on every order (the CSR is sent too when attached).`,
    );
  }
  return files;
}
