import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/index.js';
import { tempDir } from '../helpers/tmp.js';
import { NORTHWIND, readyCase, northwindCsr } from './porting-helpers.js';
import { DEFAULT_TIMINGS } from '../../electron/simulator/engine.js';
import { advance, openWithSimulator } from './sim-helpers.js';

/**
 * The simulated carrier judges an order with its own rules, from its own records and the papers
 * sent with the order: it catches what PortDesk's review did not (here the case was marked ready by
 * hand), the way a real carrier would.
 */

const cores: Core[] = [];
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close();
});

const CSR = northwindCsr('Lumen');
const SETTINGS = {
  misc: { type: 'full' as const, remaining_numbers_action: null, new_billing_phone_number: null },
  configuration: {},
};
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

async function documentOf(core: Core, caseId: number, kind: 'loa' | 'invoice'): Promise<number> {
  return (await core.call('documents.list', { caseId })).find((d) => d.kind === kind)!.id;
}

async function submit(core: Core, caseId: number) {
  const view = await core.call('porting.orders', { caseId });
  const orders = view.orders.length ? view.orders : (await core.call('porting.createDraft', { caseId })).view.orders;
  const picks = await Promise.all(
    orders.map(async (o) => {
      const w = (await core.call('porting.focWindows', { orderId: o.id })).windows.at(-1)!;
      return { orderId: o.id, foc_datetime_requested: new Date(Date.parse(w.started_at) + 3_600_000).toISOString() };
    }),
  );
  const sent = await core.call('porting.submit', { caseId, orders: picks, settings: SETTINGS });
  expect(sent.state).toBe('done');
  await advance(core, { minutes: 5 * 60 });
  return core.call('porting.orders', { caseId });
}

describe('the simulated carrier decides with its own rules', () => {
  it('rejects a stale invoice, then an LOA that still names the wrong entity after the case was fixed', async () => {
    const core = await openWithSimulator({
      dataDir: tempDir(),
      hostKind: 'loopback',
      actor: 'maria',
      porting: { timeoutMs: 5_000, simPollMs: 3_600_000 },
    });
    cores.push(core);
    const c = await readyCase(
      core,
      { ...NORTHWIND, entity_name: 'Northwind Accounting LLC', losing_carrier: 'Lumen' },
      '303.555.0170\n303.555.0171',
      { csr: CSR },
    );
    const loa = await documentOf(core, c.id, 'loa');
    const invoice = await documentOf(core, c.id, 'invoice');
    await core.call('documents.correctField', { id: loa, field: 'account_name', value: 'Northwind Accounting LLC' });
    await core.call('documents.correctField', { id: loa, field: 'document_date', value: daysAgo(3) });
    // the carrier reckons the invoice's age on the day it answers, on the simulator's clock: submitted and
    // reviewed ~4.5 h after submit, which is the next UTC day for a submit after ~19:30 UTC
    const simNow = Date.parse((await advance(core, {})).now);
    const answersAt = simNow + DEFAULT_TIMINGS.submitAfterMs + DEFAULT_TIMINGS.answerAfterMs;
    const staleInvoice = new Date(answersAt - 75 * 86_400_000).toISOString().slice(0, 10);
    await core.call('documents.correctField', { id: invoice, field: 'document_date', value: staleInvoice });

    const first = await submit(core, c.id);
    expect(first.orders.map((o) => o.status)).toEqual(['exception']);
    expect(first.orders[0]!.exceptions.map((e) => e.code)).toEqual(['OTHER']);
    const said = await core.call('porting.comments', { orderId: first.orders[0]!.id, refresh: true });
    expect(
      said.some(
        (x) => x.user_type === 'admin' && new RegExp(`invoice is dated ${staleInvoice} \\(75 days old\\)`).test(x.body),
      ),
    ).toBe(true);
    expect((await core.call('cases.get', { id: c.id })).status).toBe('exception');

    // a new invoice is read, but the LOA the customer signed names a different entity
    await core.call('documents.correctField', { id: invoice, field: 'document_date', value: daysAgo(5) });
    await core.call('documents.correctField', { id: loa, field: 'account_name', value: 'Northwind Accounting' });
    // (a resubmission is reviewed again first: the skeleton LOA needs the service address the review compares)
    await core.call('documents.correctField', { id: loa, field: 'service_address', value: CSR.service_address });
    const second = await submit(core, c.id);
    expect(second.orders.map((o) => o.status)).toEqual(['exception']);
    expect(second.orders[0]!.exceptions.map((e) => e.code)).toEqual(['ENTITY_NAME_MISMATCH']);
    const again = await core.call('porting.comments', { orderId: second.orders[0]!.id, refresh: true });
    expect(again.some((x) => /LOA is signed for "Northwind Accounting"/.test(x.body))).toBe(true);

    // with the LOA corrected too, the carrier confirms a FOC date
    await core.call('documents.correctField', { id: loa, field: 'account_name', value: 'Northwind Accounting LLC' });
    const third = await submit(core, c.id);
    expect(third.orders.map((o) => o.status)).toEqual(['foc-date-confirmed']);
  }, 90_000);
});
