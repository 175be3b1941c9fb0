import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/index.js';
import type { Exchange } from '../../electron/core/porting/client.js';
import { AppError } from '../../shared/contract/rpc.js';
import { tempDir } from '../helpers/tmp.js';
import { NORTHWIND, readyCase, northwindCsr } from './porting-helpers.js';
import { OpenApiValidator } from './porting-openapi.js';
import { advance, openWithSimulator, simulatorOf } from './sim-helpers.js';

/**
 * The specialist's whole submit-and-follow flow against the built-in simulator, through the core's
 * contract (what the renderer calls): split order, non-portable number, a 422 on a field, an
 * exception from the CSR on file, reply, fix and resubmit, FOC, cancel window, ported.
 */

const cores: Core[] = [];
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close();
});

async function open(exchanges: Exchange[] = []): Promise<Core> {
  const core = await openWithSimulator({
    dataDir: tempDir(),
    hostKind: 'loopback',
    actor: 'maria',
    porting: {
      timeoutMs: 2_000,
      simPollMs: 3_600_000,
      client: { observe: (x) => exchanges.push(x), backoffBaseMs: 20 },
    },
  });
  cores.push(core);
  return core;
}

const HOUR = 60;
const CSR = northwindCsr('Bandwidth', {
  account_number: '4001 2883 3009',
  phone_numbers: ['3035550170', '3035550171', '8005550142'],
});

async function pickFoc(core: Core, orderId: string, index = 0): Promise<string> {
  const { windows } = await core.call('porting.focWindows', { orderId });
  const w = windows[Math.min(index, windows.length - 1)]!;
  return new Date(Date.parse(w.started_at) + 2 * 3_600_000).toISOString();
}

const SETTINGS = {
  misc: { type: 'full' as const, remaining_numbers_action: null, new_billing_phone_number: null },
  configuration: { tags: ['northwind'] },
};

describe('submitting a case and following it to ported (simulator)', () => {
  it('checks, splits, maps a 422 to its field, comes back with an exception, is fixed, resubmitted and ported', async () => {
    const exchanges: Exchange[] = [];
    const core = await open(exchanges);
    const status = await core.call('porting.status', {});
    expect(status).toMatchObject({ mode: 'simulator', keySet: false, baseUrl: 'built-in simulator' });
    expect(status.simulator?.speed).toBe(1);

    const c = await readyCase(core, NORTHWIND, '303.555.0170\n303.555.0171\n(800) 555-0142\n303-555-0000', {
      pin: '902211',
      csr: CSR,
    });

    // 1. portability: one number is not portable; the carrier of record is the reseller's underlying carrier
    const check = await core.call('porting.check', { caseId: c.id });
    expect(check.notPortable.map((n) => [n.phone_number, n.reason])).toEqual([['+13035550000', 'not_in_service']]);
    expect(check.carrier.names).toEqual(['Bandwidth']);
    expect(check.carrier.verdict).toBe('different');
    expect(check.carrier.message).toMatch(/with Bandwidth, not RingCentral/);

    // the user decides: stopping is the default; removing the number lets the order go
    const refused = await core.call('porting.createDraft', { caseId: c.id }).catch((e: unknown) => e);
    expect((refused as AppError).code).toBe('BLOCKED');
    expect((refused as AppError).message).toMatch(/\+13035550000 \(not_in_service\).*Remove them/);
    const draft = await core.call('porting.createDraft', { caseId: c.id, removeNumbers: ['303-555-0000'] });
    expect(draft.state).toBe('done');
    expect((await core.call('cases.get', { id: c.id })).numbers.map((n) => n.e164)).toEqual([
      '+13035550170',
      '+13035550171',
      '+18005550142',
    ]);

    // 2. split: local and toll-free numbers come back as two orders, each with its numbers
    const orders = draft.view.orders;
    expect(orders.map((o) => [o.phone_number_type, o.numbers]).sort()).toEqual([
      ['local', ['+13035550170', '+13035550171']],
      ['toll_free', ['+18005550142']],
    ]);
    expect(orders.every((o) => o.status === 'draft' && o.requirements.length === 2)).toBe(true);
    const history = await core.call('cases.history', { id: c.id });
    // the toll-free number is a RespOrg port: PortDesk keeps it on a draft of its own
    const draftNotes = history.map((h) => h.note).join('\n');
    expect(draftNotes).toMatch(/Draft order created at the porting simulator: \S+ \(1 toll_free number\(s\)/);
    expect(draftNotes).toMatch(/Draft order created at the porting simulator: \S+ \(2 local number\(s\)/);
    // the order ids are search terms
    expect((await core.call('cases.list', { search: orders[0]!.id })).rows.map((r) => r.id)).toEqual([c.id]);

    // 3-6 with a BTN the API refuses: the 422 is shown at the BTN field and nothing is confirmed
    const v1 = (await core.call('cases.get', { id: c.id })).version;
    await core.call('cases.update', { id: c.id, version: v1, fields: { btn: '+1 303 I am not valid' } });
    const picks = await Promise.all(
      orders.map(async (o) => ({ orderId: o.id, foc_datetime_requested: await pickFoc(core, o.id) })),
    );
    const bad = await core.call('porting.submit', { caseId: c.id, orders: picks, settings: SETTINGS });
    expect(bad.state).toBe('failed');
    const failedOrder = bad.view.orders.find((o) => o.fieldErrors.length)!;
    expect(failedOrder.fieldErrors[0]).toMatchObject({
      field: 'btn',
      label: 'BTN',
      pointer: '/end_user/admin/billing_phone_number',
    });
    expect(bad.view.outbox.find((i) => i.state === 'failed')?.fieldErrors[0]?.field).toBe('btn');
    expect((await core.call('cases.get', { id: c.id })).status).toBe('ready');

    const v2 = (await core.call('cases.get', { id: c.id })).version;
    await core.call('cases.update', { id: c.id, version: v2, fields: { btn: '303.555.0170' } });
    const sent = await core.call('porting.submit', { caseId: c.id, orders: picks, settings: SETTINGS });
    expect(sent.state).toBe('done');
    expect(sent.view.orders.every((o) => o.status === 'in-process' && o.fieldErrors.length === 0)).toBe(true);
    expect(sent.view.orders.every((o) => o.settings?.configuration.tags?.[0] === 'northwind')).toBe(true);
    expect((await core.call('cases.get', { id: c.id })).status).toBe('submitted');
    await core.call('cases.markSeen', { id: c.id });

    const blockersBefore = (await core.call('cases.list', { search: 'Northwind' })).rows[0]!.blockers;
    // the carrier reviews against its CSR: the entity name is not letter-for-letter the CSR's
    await advance(core, { minutes: 5 * HOUR });
    const afterReview = await core.call('porting.orders', { caseId: c.id });
    expect(afterReview.orders.map((o) => o.status)).toEqual(['exception', 'exception']);
    const ex = afterReview.orders[0]!.exceptions.find((e) => e.code === 'ENTITY_NAME_MISMATCH')!;
    expect(ex.description).toBe('Entity name does not match that on the CSR');
    expect(ex.action).toMatch(/exact legal name/);
    expect((await core.call('cases.get', { id: c.id })).status).toBe('exception');
    const row = (await core.call('cases.list', { search: 'Northwind' })).rows[0]!;
    expect(row.unseen_change).toBe(true);
    // until the entity name changes, the review holds the order's exception: sent again, it comes back;
    // the queue counts it without anyone opening the review
    await core.services.freshness.idle();
    expect((await core.call('cases.list', { search: 'Northwind' })).rows[0]!.blockers).toBe(blockersBefore + 1);
    const held = (await core.call('review.compare', { caseId: c.id })).predicted_rejections.find(
      (p) => p.code === 'ENTITY_NAME_MISMATCH',
    );
    expect(held?.reason).toMatch(/carrier rejected the account name on \d{4}-\d{2}-\d{2} .* not been changed since/);
    const comments = await core.call('porting.comments', { orderId: orders[0]!.id });
    expect(comments.some((x) => x.user_type === 'admin' && /Northwind Accounting LLC/.test(x.body))).toBe(true);

    // reply, then fix and resubmit
    const reply = await core.call('porting.addComment', {
      orderId: orders[0]!.id,
      body: 'Corrected the entity name to match the CSR; resubmitting.',
    });
    expect(reply.state).toBe('done');
    expect(
      (await core.call('porting.comments', { orderId: orders[0]!.id, refresh: true })).map((x) => x.body),
    ).toContain('Corrected the entity name to match the CSR; resubmitting.');
    const v3 = (await core.call('cases.get', { id: c.id })).version;
    await core.call('cases.update', { id: c.id, version: v3, fields: { entity_name: 'Northwind Accounting LLC' } });
    const picks2 = await Promise.all(
      orders.map(async (o) => ({ orderId: o.id, foc_datetime_requested: await pickFoc(core, o.id, 3) })),
    );
    // the fix is reviewed again before anything is sent: this skeleton LOA still has no service address
    const gated = await core
      .call('porting.submit', { caseId: c.id, orders: picks2, settings: SETTINGS })
      .catch((e: unknown) => e);
    expect((gated as AppError).code).toBe('BLOCKED');
    expect((gated as AppError).message).toMatch(/review still predicts 1 rejection.*LOCATION_MISMATCH/);
    // the specialist judges it and says why, through the review (the override is kept in the history)
    const v4 = (await core.call('cases.get', { id: c.id })).version;
    const back = await core.call('cases.setStatus', { id: c.id, version: v4, status: 'review' });
    await core.call('review.markReady', {
      caseId: c.id,
      version: back.version,
      overrideReason: 'The carrier confirmed the service address by phone; the LOA is being re-signed.',
    });
    const resent = await core.call('porting.submit', { caseId: c.id, orders: picks2, settings: SETTINGS });
    expect(resent.state).toBe('done');
    expect((await core.call('cases.get', { id: c.id })).status).toBe('submitted');

    // FOC confirmed: the case shows the date, and when the numbers arrive
    await advance(core, { minutes: 5 * HOUR });
    const confirmed = await core.call('porting.orders', { caseId: c.id });
    expect(confirmed.orders.map((o) => o.status)).toEqual(['foc-date-confirmed', 'foc-date-confirmed']);
    const first = confirmed.orders.map((o) => o.foc_actual!).sort()[0]!;
    const kase = await core.call('cases.get', { id: c.id });
    expect(kase.status).toBe('foc-confirmed');
    expect(kase.foc_date).toBe(first.slice(0, 10));
    const o0 = confirmed.orders[0]!;
    expect(Date.parse(o0.foc_actual!) - Date.parse(o0.numbers_added_from!)).toBe(2 * 86_400_000);
    expect(o0.cancellable).toBe(true);

    // within 48 h of the FOC, cancel is no longer offered, and refused if asked
    const now = Date.parse((await core.call('porting.status', {})).simulator!.now);
    const latest = confirmed.orders
      .map((o) => Date.parse(o.foc_actual!))
      .sort()
      .at(-1)!;
    await advance(core, { minutes: Math.ceil((latest - now) / 60_000) - 24 * HOUR });
    const close = await core.call('porting.orders', { caseId: c.id });
    expect(close.orders.every((o) => !o.cancellable && /48 hours/.test(o.cancelRefusal ?? ''))).toBe(true);
    const cancel = await core.call('porting.cancel', { orderId: o0.id }).catch((e: unknown) => e);
    expect((cancel as AppError).code).toBe('BLOCKED');

    // past the FOC: ported
    await advance(core, { minutes: 25 * HOUR });
    expect((await core.call('porting.orders', { caseId: c.id })).orders.map((o) => o.status)).toEqual([
      'ported',
      'ported',
    ]);
    expect((await core.call('cases.get', { id: c.id })).status).toBe('ported');
    const notes = (await core.call('cases.history', { id: c.id })).map((h) => `${h.action} ${h.note ?? ''}`).join('\n');
    expect(notes).toMatch(/Exception/);
    expect(notes).toMatch(/FOC confirmed for order/);

    // every request sent and every response parsed conforms to the OpenAPI subset
    expect(exchanges.length).toBeGreaterThan(30);
    expect(new OpenApiValidator().checkAll(exchanges)).toEqual([]);

    // the audit trail has every call, and no secret: not the PIN, not the key
    const audit = core.ctx.db.prepare(`SELECT detail FROM audit_log WHERE kind = 'porting.api'`).all() as {
      detail: string;
    }[];
    expect(audit.length).toBe(exchanges.length);
    const first3 = audit.slice(0, 3).map((a) => JSON.parse(a.detail) as Record<string, unknown>);
    expect(Object.keys(first3[0]!).sort()).toEqual([
      'attempt',
      'endpoint',
      'method',
      'ms',
      'order_id',
      'outcome',
      'path',
      'status',
    ]);
    const dump =
      JSON.stringify(core.ctx.db.prepare(`SELECT * FROM audit_log`).all()) +
      JSON.stringify(core.ctx.db.prepare(`SELECT * FROM porting_outbox`).all()) +
      JSON.stringify(core.ctx.db.prepare(`SELECT * FROM porting_orders`).all());
    expect(dump).not.toContain('902211');
  });

  it('a timeout after create is looked up, not repeated: one set of orders, adopted by the case', async () => {
    const core = await open();
    const c = await readyCase(core, { ...NORTHWIND, losing_carrier: 'Lumen' }, '303.555.0170\n303.555.0171');
    const sim = simulatorOf(core).server;
    sim.addFaults([{ method: 'POST', path: '/porting_orders', holdAfterHandlingMs: 3_000, times: 1 }]);
    const first = await core.call('porting.createDraft', { caseId: c.id });
    expect(first.state).toBe('queued');
    expect(first.view.outbox[0]).toMatchObject({ kind: 'create', state: 'uncertain' });
    expect(first.message).toMatch(/may or may not have been done/);
    // asking again while it is uncertain is refused: it is already in the outbox
    await expect(core.call('porting.createDraft', { caseId: c.id })).rejects.toThrow(/still waiting in the outbox/);

    await core.call('porting.refresh', { caseId: c.id });
    const view = await core.call('porting.orders', { caseId: c.id });
    expect(view.orders).toHaveLength(1);
    expect(view.outbox).toEqual([]);
    expect(sim.hits.get('POST /porting_orders')).toBe(1);
    expect(sim.sim.dump().filter((o) => o.customer_reference === String(c.id))).toHaveLength(1);
    const done = await core.call('porting.outbox', { caseId: c.id, includeDone: true });
    expect(done[0]).toMatchObject({ kind: 'create', state: 'done' });
  });

  it('refuses what cannot be submitted, with the reason', async () => {
    const core = await open();
    const c = await core.call('cases.create', { fields: NORTHWIND, numbersText: '303.555.0170' });
    await expect(core.call('porting.createDraft', { caseId: c.id })).rejects.toThrow(
      /Only a ready case can be submitted/,
    );
    const ready = await readyCase(core, NORTHWIND, '303.555.0172');
    const draft = await core.call('porting.createDraft', { caseId: ready.id });
    const orderId = draft.view.orders[0]!.id;
    await expect(core.call('porting.createDraft', { caseId: ready.id })).rejects.toThrow(/already has order/);
    const { windows } = await core.call('porting.focWindows', { orderId });
    const outside = new Date(Date.parse(windows[0]!.started_at) - 6 * 3_600_000).toISOString();
    await expect(
      core.call('porting.submit', {
        caseId: ready.id,
        orders: [{ orderId, foc_datetime_requested: outside }],
        settings: SETTINGS,
      }),
    ).rejects.toThrow(/outside the allowed windows/);
    await expect(
      core.call('porting.submit', {
        caseId: ready.id,
        orders: [{ orderId, foc_datetime_requested: windows[0]!.started_at }],
        settings: {
          ...SETTINGS,
          misc: { type: 'partial', remaining_numbers_action: null, new_billing_phone_number: null },
        },
      }),
    ).rejects.toThrow(/keep or disconnect/);
    await expect(core.call('porting.setApiKey', { apiKey: 'short' })).rejects.toThrow(/Invalid input/);
  });
});
