import { afterEach, describe, expect, it } from 'vitest';
import type { Exchange } from '../../electron/core/porting/client.js';
import type { Core } from '../../electron/core/index.js';
import type { CaseFields } from '../../shared/domain/case.js';
import { tempDir } from '../helpers/tmp.js';
import { OpenApiValidator } from './porting-openapi.js';
import { advance, openWithSimulator, simulatorOf } from './sim-helpers.js';
import { waitFor } from './porting-helpers.js';

/**
 * The losing carrier's CSR on request, over a real core (SQLite in a temp dir) and the simulator
 * over HTTP on 127.0.0.1: coverage → request with the data the carrier asks for → polled until
 * completed (the case's CSR document, compared by the review with exact values) or failed (its
 * error_message shown); the request is never sent twice when its answer is lost.
 */

const cores: Core[] = [];
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close();
});

/** Lumen asks for the account number and the ZIP (the simulator's table). */
const LAKEVIEW: Partial<CaseFields> = {
  entity_name: 'Lakeview Dental Group PC',
  authorized_person: 'Maria Okafor',
  btn: '312-555-0147',
  account_number: '831000-22',
  service_street: '2145 N Halsted St',
  service_city: 'Chicago',
  service_state: 'IL',
  service_zip: '60614',
  losing_carrier: 'Lumen',
};

const ON_FILE = {
  carrier_name: 'Lumen',
  account_name: 'Lakeview Dental Group, P.C.',
  account_number: '83100022',
  btn: '3125550147',
  authorized_persons: ['Maria Okafor'],
  service_address: { street_line: '2145 N Halsted St', unit: '', city: 'Chicago', state: 'IL', zip5: '60614' },
  phone_numbers: ['3125550147', '3125550148'],
};

async function open(exchanges: Exchange[] = []) {
  const core = await openWithSimulator({
    dataDir: tempDir(),
    hostKind: 'loopback',
    actor: 'maria',
    porting: { timeoutMs: 5_000, simPollMs: 3_600_000, waitMs: 10_000, client: { observe: (x) => exchanges.push(x) } },
  });
  cores.push(core);
  return core;
}

async function newCase(core: Core, fields: Partial<CaseFields> = LAKEVIEW) {
  return core.call('cases.create', { fields, numbersText: '312-555-0147\n312-555-0148' });
}

describe('CSR on request', () => {
  it('checks coverage, sends what the carrier asks for, and the completed record becomes the CSR the review compares', async () => {
    const exchanges: Exchange[] = [];
    const core = await open(exchanges);
    simulatorOf(core).server.sim.setCarrierRecords([ON_FILE]);
    const kase = await newCase(core);

    const asked = await core.call('csr.request', { caseId: kase.id });
    expect(asked.coverage).toEqual([
      { phone_number: '+13125550147', covered: true, reason: null, required: ['account_number', 'zip_code'] },
      { phone_number: '+13125550148', covered: true, reason: null, required: ['account_number', 'zip_code'] },
    ]);
    const [req] = asked.requests;
    expect(req).toMatchObject({
      phoneNumber: '+13125550147',
      state: 'pending',
      supplied: ['account_number', 'zip_code'],
    });
    expect(req!.csrId).toBeTruthy();
    const sent = exchanges.find((x) => x.method === 'POST' && x.path === '/customer_service_records');
    expect(sent?.requestBody).toEqual({
      phone_number: '+13125550147',
      additional_data: { account_number: '831000-22', zip_code: '60614' },
    });

    // not ready before the carrier's delay; completed after it
    expect((await core.call('csr.status', { caseId: kase.id, refresh: true })).requests[0]!.state).toBe('pending');
    await advance(core, { minutes: 2 });
    const done = await core.call('csr.status', { caseId: kase.id, refresh: true });
    expect(done.requests[0]).toMatchObject({ state: 'completed', carrierName: 'Lumen', errorMessage: null });

    const docs = await core.call('documents.list', { caseId: kase.id });
    const csrDoc = docs.find((d) => d.id === done.requests[0]!.documentId)!;
    expect(csrDoc).toMatchObject({ kind: 'csr', status: 'ready', mime: 'application/pdf' });
    expect(csrDoc.name).toBe('CSR +13125550147 - carrier API (Lumen).pdf');
    const fields = await core.call('documents.fields', { id: csrDoc.id });
    const byName = new Map(fields.map((f) => [f.field, f]));
    expect(byName.get('account_number')).toMatchObject({ value: '83100022', confidence: 1 });
    expect(byName.get('account_name')).toMatchObject({ value: 'Lakeview Dental Group, P.C.', confidence: 1 });
    expect(byName.get('phone_numbers')?.value).toEqual(['+13125550147', '+13125550148']);

    const review = await core.call('review.compare', { caseId: kase.id });
    expect(review.documents_used.csr).toBe(csrDoc.id);
    expect(review.reference_document).toBe('csr');
    expect(review.fields.account_number?.values.csr).toBe('83100022');
    // the case wrote it with a dash: the same account in another form
    expect(review.fields.account_number?.verdict).toBe('equivalent');
    expect(review.fields.account_name?.values.csr).toBe('Lakeview Dental Group, P.C.');

    const history = await core.call('cases.history', { id: kase.id });
    expect(history.map((h) => h.action)).toEqual(expect.arrayContaining(['csr-requested', 'csr-completed']));
    expect(new OpenApiValidator().checkAll(exchanges)).toEqual([]);
  }, 60_000);

  it('a record the carrier refuses shows its error_message', async () => {
    const core = await open();
    simulatorOf(core).server.sim.setCarrierRecords([{ ...ON_FILE, account_number: '99999999' }]);
    const kase = await newCase(core);
    await core.call('csr.request', { caseId: kase.id });
    await advance(core, { minutes: 2 });
    const view = await core.call('csr.status', { caseId: kase.id, refresh: true });
    expect(view.requests[0]).toMatchObject({
      state: 'failed',
      errorMessage: 'The account number does not match the carrier records for this phone number.',
      documentId: null,
    });
    expect((await core.call('documents.list', { caseId: kase.id })).filter((d) => d.kind === 'csr')).toEqual([]);
  }, 60_000);

  it("a request the API refuses fails with its reason and does not hold the case's outbox", async () => {
    const core = await open();
    const server = simulatorOf(core).server;
    const kase = await newCase(core);
    server.addFaults([{ method: 'POST', path: '/customer_service_records', status: 422 }]);
    const view = await core.call('csr.request', { caseId: kase.id });
    expect(view.requests[0]).toMatchObject({ state: 'failed', csrId: null });
    expect(view.requests[0]!.errorMessage).toMatch(/Injected by the simulator/);
    expect(await core.call('porting.outbox', { caseId: kase.id, includeDone: false })).toEqual([]);
    // asked again, it goes through
    const again = await core.call('csr.request', { caseId: kase.id });
    expect(again.requests.map((r) => r.state)).toEqual(['pending', 'failed']);
  }, 60_000);

  it('says what to add when the case lacks what the carrier asks for, and queues nothing', async () => {
    const core = await open();
    const kase = await newCase(core, { ...LAKEVIEW, account_number: '' });
    await expect(core.call('csr.request', { caseId: kase.id })).rejects.toThrow(
      /asks for the account number before it releases the CSR of \+13125550147\. Add it to the case/,
    );
    expect((await core.call('csr.status', { caseId: kase.id })).requests).toEqual([]);
    expect(await core.call('porting.outbox', { caseId: kase.id, includeDone: true })).toEqual([]);
  }, 60_000);

  it('without the coverage answer nothing is queued; a create the API fails on waits in the outbox and is made once', async () => {
    const core = await open();
    const server = simulatorOf(core).server;
    server.sim.setCarrierRecords([ON_FILE]);
    const kase = await newCase(core);
    server.addFaults([
      { method: 'POST', path: '/customer_service_records/phone_number_coverages', status: 503, times: 20 },
    ]);
    await expect(core.call('csr.request', { caseId: kase.id })).rejects.toThrow(
      /needs the carrier's coverage answer once before it can queue a CSR request/,
    );
    expect((await core.call('csr.status', { caseId: kase.id })).requests).toEqual([]);

    server.clearFaults();
    server.addFaults([{ method: 'POST', path: '/customer_service_records', status: 503, times: 1 }]);
    const asked = await core.call('csr.request', { caseId: kase.id });
    expect(asked.requests[0]).toMatchObject({ state: 'queued', csrId: null });
    expect(asked.requests[0]!.waitingFor).toMatch(/HTTP 503/);
    const view = await waitFor(
      async () => {
        await core.call('porting.refresh', { caseId: kase.id });
        return core.call('csr.status', { caseId: kase.id });
      },
      (v) => v.requests[0]!.state === 'pending',
      20_000,
    );
    expect(view.requests).toHaveLength(1);
    const atCarrier = server.sim.csr.list(new URLSearchParams({ 'filter[phone_number][eq]': '+13125550147' }));
    expect((atCarrier.body as { data: { id: string }[] }).data.map((r) => r.id)).toEqual([view.requests[0]!.csrId]);
  }, 60_000);

  it('a request whose answer was lost is looked up, not sent again; a valid number with no record gets a plausible one', async () => {
    const core = await open();
    const server = simulatorOf(core).server;
    const kase = await newCase(core, { ...LAKEVIEW, losing_carrier: 'AT&T' });
    // no record on file: the number's carrier (from the case) decides what is asked for
    await core.call('cases.update', { id: kase.id, version: kase.version, pin: '4417' });
    server.addFaults([{ method: 'POST', path: '/customer_service_records', dropAfterHandling: true }]);
    const asked = await core.call('csr.request', { caseId: kase.id });
    expect(asked.coverage![0]!.required).toEqual(['account_number', 'pin', 'zip_code']);
    expect(asked.requests[0]!.state).toBe('queued');
    expect(asked.requests[0]!.waitingFor).toMatch(/may or may not have been done/);

    const view = await waitFor(
      async () => {
        await core.call('porting.refresh', { caseId: kase.id });
        return core.call('csr.status', { caseId: kase.id });
      },
      (v) => v.requests[0]!.state === 'pending',
      20_000,
    );
    expect(server.hits.get('POST /customer_service_records')).toBe(1);
    expect(view.requests).toHaveLength(1);
    await advance(core, { minutes: 2 });
    const done = await core.call('csr.status', { caseId: kase.id, refresh: true });
    expect(done.requests[0]).toMatchObject({ state: 'completed', carrierName: 'AT&T' });
    const fields = await core.call('documents.fields', { id: done.requests[0]!.documentId! });
    // the account the carrier found with the data given
    expect(fields.find((f) => f.field === 'account_number')?.value).toBe('831000-22');
    expect(fields.find((f) => f.field === 'pin')).toBeUndefined();
  }, 60_000);
});
