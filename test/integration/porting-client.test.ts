import { afterEach, describe, expect, it } from 'vitest';
import { ApiFailure, TelnyxClient, type AuditEntry, type Exchange } from '../../electron/core/porting/client.js';
import { startSimServer, type SimServer } from '../../electron/simulator/server.js';
import { OpenApiValidator } from './porting-openapi.js';

/** The client against the simulator over real HTTP on 127.0.0.1; every exchange checked against the OpenAPI subset. */

const validator = new OpenApiValidator();
const servers: SimServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

async function setup(opts: { apiKey?: string; timeoutMs?: number } = {}) {
  const sim = await startSimServer({ apiKey: opts.apiKey ?? null });
  servers.push(sim);
  const exchanges: Exchange[] = [];
  const audit: AuditEntry[] = [];
  const client = new TelnyxClient({
    baseUrl: sim.url,
    apiKey: opts.apiKey ?? 'test-key-123456',
    timeoutMs: opts.timeoutMs ?? 5_000,
    backoffBaseMs: 20,
    observe: (x) => exchanges.push(x),
    audit: (a) => audit.push(a),
  });
  return { sim, client, exchanges, audit };
}

const hits = (sim: SimServer, key: string) => sim.hits.get(key) ?? 0;

describe('Telnyx client against the simulator', () => {
  it('drives a whole order with requests and responses that conform to the OpenAPI subset', async () => {
    const { client, exchanges } = await setup();
    const check = await client.portabilityCheck(['+13125550147', '+18005550199', '+13125550000']);
    expect(check.map((r) => [r.phone_number, r.portable])).toEqual([
      ['+13125550147', true],
      ['+18005550199', true],
      ['+13125550000', false],
    ]);
    expect(check[2]!.not_portable_reason).toBe('not_in_service');

    const orders = await client.createOrders({
      phone_numbers: ['+13125550147', '+13125550148', '+18005550199'],
      customer_reference: '77',
    });
    // local and toll-free numbers never share an order
    expect(orders.map((o) => [o.phone_number_type, (o.phone_numbers ?? []).map((n) => n.phone_number)]).sort()).toEqual(
      [
        ['local', ['+13125550147', '+13125550148']],
        ['toll_free', ['+18005550199']],
      ],
    );
    const id = orders.find((o) => o.phone_number_type === 'local')!.id;
    const windows = await client.focWindows(id);
    expect(windows.length).toBeGreaterThan(0);
    for (const w of windows) expect(Date.parse(w.ended_at)).toBeGreaterThan(Date.parse(w.started_at));
    expect((await client.requirements(id)).map((r) => r.requirement_status)).toEqual(['pending', 'pending']);

    const loa = await client.uploadDocument(
      { bytes: new TextEncoder().encode('%PDF-1.4 loa'), fileName: 'loa.pdf', contentType: 'application/pdf' },
      'ref-loa',
    );
    const invoice = await client.uploadDocument(
      { bytes: new TextEncoder().encode('%PDF-1.4 invoice'), fileName: 'invoice.pdf', contentType: 'application/pdf' },
      'ref-invoice',
    );
    expect((await client.findDocuments('ref-loa')).map((d) => d.id)).toEqual([loa.id]);

    const bad = await client
      .updateOrder(id, { end_user: { admin: { billing_phone_number: '+1 I am not valid' } } })
      .catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(ApiFailure);
    expect((bad as ApiFailure).status).toBe(422);
    expect((bad as ApiFailure).apiErrors[0]?.source?.pointer).toBe('/end_user/admin/billing_phone_number');

    const foc = new Date(Date.parse(windows[0]!.started_at) + 3_600_000).toISOString();
    const updated = await client.updateOrder(id, {
      customer_reference: '77',
      end_user: {
        admin: {
          entity_name: 'Lakeview Dental Group PC',
          auth_person_name: 'Maria Okafor',
          billing_phone_number: '+13125550147',
          account_number: '8310004417726',
          pin_passcode: null,
        },
        location: {
          street_address: '2145 N Halsted St',
          extended_address: null,
          locality: 'Chicago',
          administrative_area: 'IL',
          postal_code: '60614',
          country_code: 'US',
        },
      },
      misc: { type: 'full', remaining_numbers_action: null, new_billing_phone_number: null },
      activation_settings: { foc_datetime_requested: foc },
      documents: { loa: loa.id, invoice: invoice.id },
      phone_number_configuration: { tags: ['lakeview'] },
    });
    expect(updated.documents).toEqual({ loa: loa.id, invoice: invoice.id });
    await client.addAdditionalDocuments(id, { additional_documents: [{ document_id: loa.id, document_type: 'csr' }] });
    expect((await client.listAdditionalDocuments(id)).map((d) => d.document_type)).toEqual(['csr']);
    const confirmed = await client.confirmOrder(id);
    expect(confirmed.status.value).toBe('in-process');
    await client.createComment(id, 'Customer confirms the FOC.');
    expect((await client.listComments(id)).map((c) => c.body)).toEqual(['Customer confirms the FOC.']);
    const events = await client.listEvents(null);
    expect(events.events.map((e) => e.event_type)).toContain('porting_order.status_changed');
    expect((await client.listOrders({ customer_reference: '77' })).orders).toHaveLength(2);
    const other = orders.find((o) => o.id !== id)!.id;
    expect((await client.cancelOrder(other)).status.value).toBe('cancelled');

    expect(exchanges.length).toBeGreaterThan(15);
    expect(validator.checkAll(exchanges)).toEqual([]);
  });

  it('the contract check itself catches a request or response that breaks the subset', () => {
    const base: Exchange = {
      method: 'POST',
      path: '/porting_orders',
      query: {},
      requestContentType: 'application/json',
      requestBody: { phone_numbers: ['+13125550147'] },
      status: 201,
      responseBody: { data: [] },
    };
    expect(validator.check(base)).toEqual([]);
    expect(validator.check({ ...base, requestBody: { numbers: 'x' } }).join()).toMatch(/phone_numbers/);
    expect(validator.check({ ...base, responseBody: { data: [{ id: 5 }] } }).join()).toMatch(/must be string/);
    expect(validator.check({ ...base, path: '/porting_orders/abc/actions/explode' }).join()).toMatch(
      /no such operation/,
    );
    expect(
      validator
        .check({
          ...base,
          method: 'GET',
          requestBody: undefined,
          query: { 'filter[nonsense]': '1' },
          responseBody: { data: [] },
        })
        .join(),
    ).toMatch(/nonsense/);
  });

  it('rides out a 429 storm: waits what Retry-After says, holds other calls, and creates the order once', async () => {
    const { sim, client, audit } = await setup();
    sim.addFaults([{ method: 'POST', path: '/porting_orders', status: 429, retryAfter: 1, times: 2 }]);
    const started = Date.now();
    const orders = await client.createOrders({ phone_numbers: ['+13125550147'], customer_reference: '9' });
    const took = Date.now() - started;
    expect(orders).toHaveLength(1);
    expect(took).toBeGreaterThanOrEqual(1900);
    expect(hits(sim, 'POST /porting_orders')).toBe(3);
    expect(sim.sim.dump().filter((o) => o.customer_reference === '9')).toHaveLength(1);
    expect(audit.filter((a) => a.status === 429)).toHaveLength(2);

    // a Retry-After longer than the client waits inline: fails as rate-limited with the wait, and holds the next call too
    sim.addFaults([{ method: 'GET', status: 429, retryAfter: 120, times: 1 }]);
    const err = await client.getOrder(orders[0]!.id).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiFailure);
    expect((err as ApiFailure).kind).toBe('rate-limited');
    expect((err as ApiFailure).retryAfterMs).toBe(120_000);
    const held = await client.focWindows(orders[0]!.id).catch((e: unknown) => e);
    expect((held as ApiFailure).kind).toBe('rate-limited');
    expect(hits(sim, 'GET /porting_orders/{id}/allowed_foc_windows')).toBe(0);
  });

  it('retries a read after a 5xx or a timeout, but never resends a create whose answer was lost', async () => {
    const { sim, client } = await setup({ timeoutMs: 400 });
    const [order] = await client.createOrders({ phone_numbers: ['+13125550150'], customer_reference: '10' });
    sim.addFaults([
      { method: 'GET', status: 503, times: 1 },
      { method: 'GET', delayMs: 800, times: 1 },
    ]);
    expect((await client.getOrder(order!.id)).id).toBe(order!.id);
    expect(hits(sim, 'GET /porting_orders/{id}')).toBe(3);

    sim.addFaults([{ method: 'POST', path: '/porting_orders', holdAfterHandlingMs: 1_000, times: 1 }]);
    const lost = await client
      .createOrders({ phone_numbers: ['+13125550151'], customer_reference: '11' })
      .catch((e: unknown) => e);
    expect((lost as ApiFailure).kind).toBe('uncertain');
    expect((lost as ApiFailure).message).toMatch(/may or may not have been done/);
    expect(hits(sim, 'POST /porting_orders')).toBe(2);
    // it was done: the lookup PortDesk makes before acting again finds it
    expect((await client.listOrders({ customer_reference: '11' })).orders).toHaveLength(1);

    sim.addFaults([{ method: 'POST', path: '/porting_orders/*/actions/confirm', dropAfterHandling: true, times: 1 }]);
    const dropped = await client.confirmOrder(order!.id).catch((e: unknown) => e);
    expect((dropped as ApiFailure).kind).toBe('uncertain');
    expect(hits(sim, 'POST /porting_orders/{id}/actions/confirm')).toBe(1);
  });

  it('says clearly that a key is wrong, and never puts the key in the audit trail', async () => {
    const { sim } = await setup({ apiKey: 'KEY0123456789-right' });
    const audit: AuditEntry[] = [];
    const wrong = new TelnyxClient({ baseUrl: sim.url, apiKey: 'KEY0123456789-wrong', audit: (a) => audit.push(a) });
    const err = await wrong.listOrders({}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiFailure);
    expect((err as ApiFailure).code).toBe('API_AUTH');
    expect((err as ApiFailure).message).toMatch(/refused the API key \(401 Unauthorized\)\. Check the key in Settings/);
    expect(JSON.stringify(audit)).not.toContain('KEY0123456789');
    expect(audit[0]).toMatchObject({ method: 'GET', status: 401, outcome: 'refused' });
  });

  it('reports an unreachable API without retrying forever', async () => {
    const { sim } = await setup();
    const url = sim.url;
    await sim.close();
    servers.length = 0;
    const client = new TelnyxClient({ baseUrl: url, apiKey: 'k-123456789', backoffBaseMs: 10 });
    const err = await client.getOrder('3fa85f64-5717-4562-b3fc-2c963f66afa6').catch((e: unknown) => e);
    expect((err as ApiFailure).kind).toBe('unreachable');
    expect((err as ApiFailure).message).toMatch(/Cannot reach the porting simulator .*outbox/);
    // a create that never left the machine is safe to send again later: not "uncertain"
    const notSent = await client.createOrders({ phone_numbers: ['+13125550147'] }).catch((e: unknown) => e);
    expect((notSent as ApiFailure).kind).toBe('unreachable');
  });
});
