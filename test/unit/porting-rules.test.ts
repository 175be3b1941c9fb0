import { describe, expect, it } from 'vitest';
import type { CaseRecord } from '../../shared/domain/case.js';
import {
  cancelRefusal,
  caseStatusForOrders,
  customerReference,
  fieldErrors,
  fieldForPointer,
  orderUpdateFromCase,
  type OrderChoices,
} from '../../shared/porting/mapping.js';
import { retryAfterMs } from '../../electron/core/porting/client.js';
import { SimClock } from '../../electron/simulator/clock.js';
import { numberFacts } from '../../electron/simulator/numbers.js';
import { carrierDesk, type CsrOnFile, type ReviewOrder } from '../../electron/simulator/carrier.js';
import { parseMultipart } from '../../electron/simulator/server.js';

const CASE: CaseRecord = {
  id: 42,
  status: 'ready',
  version: 3,
  pin_set: true,
  blockers: 0,
  created_at: '',
  updated_at: '',
  next_action: '',
  entity_name: 'Lakeview Dental Group, P.C.',
  authorized_person: 'Maria Okafor',
  btn: '(312) 555-0147',
  account_number: '8310004417726',
  service_street: '2145 N Halsted St',
  service_unit: 'Suite 200',
  service_city: 'Chicago',
  service_state: 'IL',
  service_zip: '60614',
  losing_carrier: 'AT&T',
  underlying_carrier: '',
  customer_reference: 'TCK-1',
  notes: '',
  foc_date: null,
  numbers: [{ raw: '(312) 555-0147', e164: '+13125550147', error: null }],
};
const CHOICES: OrderChoices = {
  foc_datetime_requested: '2026-12-01T15:00:00.000Z',
  misc: { type: 'full', remaining_numbers_action: null, new_billing_phone_number: null },
  configuration: { connection_id: '1752379429071357070', messaging_profile_id: '', tags: [] },
  documents: { loa: 'a1b2c3d4-0000-4000-8000-000000000001', invoice: null },
};

describe('case → order mapping', () => {
  it('fills end_user, misc, activation settings, configuration and the case id as customer_reference', () => {
    const body = orderUpdateFromCase(CASE, '4417', CHOICES);
    expect(body.customer_reference).toBe('42');
    expect(body.end_user?.admin).toEqual({
      entity_name: 'Lakeview Dental Group, P.C.',
      auth_person_name: 'Maria Okafor',
      billing_phone_number: '+13125550147',
      account_number: '8310004417726',
      pin_passcode: '4417',
    });
    expect(body.end_user?.location).toEqual({
      street_address: '2145 N Halsted St',
      extended_address: 'Suite 200',
      locality: 'Chicago',
      administrative_area: 'IL',
      postal_code: '60614',
      country_code: 'US',
    });
    expect(body.misc).toEqual({ type: 'full', remaining_numbers_action: null, new_billing_phone_number: null });
    expect(body.activation_settings).toEqual({ foc_datetime_requested: '2026-12-01T15:00:00.000Z' });
    // only what is set: no empty messaging profile, no empty tag list
    expect(body.phone_number_configuration).toEqual({ connection_id: '1752379429071357070' });
    expect(body.documents).toEqual({ loa: 'a1b2c3d4-0000-4000-8000-000000000001' });
  });

  it('sends a BTN it cannot parse as typed, so the API names the field, and empties as null', () => {
    const body = orderUpdateFromCase({ ...CASE, btn: '+1 I am not valid', service_unit: '  ' }, null, CHOICES);
    expect(body.end_user?.admin?.billing_phone_number).toBe('+1 I am not valid');
    expect(body.end_user?.admin?.pin_passcode).toBeNull();
    expect(body.end_user?.location?.extended_address).toBeNull();
  });

  it('a partial port carries the remaining-numbers action and the new BTN in E.164; a full port drops the action', () => {
    const partial = orderUpdateFromCase(CASE, null, {
      ...CHOICES,
      misc: { type: 'partial', remaining_numbers_action: 'keep', new_billing_phone_number: '312-555-0199' },
    });
    expect(partial.misc).toEqual({
      type: 'partial',
      remaining_numbers_action: 'keep',
      new_billing_phone_number: '+13125550199',
    });
    const full = orderUpdateFromCase(CASE, null, {
      ...CHOICES,
      misc: { type: 'full', remaining_numbers_action: 'disconnect', new_billing_phone_number: null },
    });
    expect(full.misc?.remaining_numbers_action).toBeNull();
    expect(customerReference(7)).toBe('7');
  });
});

describe('422 pointers → case fields', () => {
  it.each([
    ['/end_user/admin/billing_phone_number', 'btn'],
    ['/billing_phone_number', 'btn'],
    ['/end_user/admin/entity_name', 'entity_name'],
    ['/end_user/location/postal_code', 'service_zip'],
    ['/end_user/location/extended_address', 'service_unit'],
    ['/end_user/admin/pin_passcode', 'pin'],
    ['/phone_numbers/3', 'numbers'],
    ['/activation_settings/foc_datetime_requested', 'foc_datetime'],
    ['/misc/new_billing_phone_number', 'new_btn'],
    ['/documents/loa', 'loa'],
    ['/something_else', null],
  ])('%s → %s', (pointer, field) => {
    expect(fieldForPointer(pointer)).toBe(field);
  });

  it('keeps the API message and labels the field as the specialist knows it', () => {
    const [e] = fieldErrors([
      {
        title: 'Invalid billing_phone_number',
        detail: "The 'billing_phone_number' parameter must be valid.",
        source: { pointer: '/billing_phone_number' },
      },
    ]);
    expect(e).toEqual({
      field: 'btn',
      label: 'BTN',
      pointer: '/billing_phone_number',
      message: "Invalid billing_phone_number: The 'billing_phone_number' parameter must be valid.",
    });
    expect(fieldErrors([{ detail: 'Something odd' }])[0]).toMatchObject({
      field: null,
      label: 'Order',
      message: 'Something odd',
    });
  });
});

describe('order statuses → case status', () => {
  it.each([
    [['draft'], null],
    [['in-process', 'draft'], null],
    [['in-process', 'submitted'], 'submitted'],
    [['submitted', 'exception'], 'exception'],
    [['foc-date-confirmed', 'exception'], 'exception'],
    [['foc-date-confirmed', 'submitted'], 'submitted'],
    [['foc-date-confirmed', 'ported'], 'foc-confirmed'],
    [['ported', 'ported', 'cancelled'], 'ported'],
    [['cancelled', 'cancelled'], 'cancelled'],
    [['activation-in-progress'], 'foc-confirmed'],
  ] as const)('%j → %s', (statuses, expected) => {
    expect(caseStatusForOrders(statuses)).toBe(expected);
  });

  it('refuses a cancel within 48 h of the FOC, and of a ported order', () => {
    const now = new Date('2026-12-01T12:00:00Z');
    expect(cancelRefusal('foc-date-confirmed', '2026-12-03T11:00:00Z', now)).toMatch(/less than 48 hours/);
    expect(cancelRefusal('foc-date-confirmed', '2026-12-03T13:00:00Z', now)).toBeNull();
    expect(cancelRefusal('submitted', null, now)).toBeNull();
    expect(cancelRefusal('ported', null, now)).toMatch(/cannot be cancelled/);
  });
});

describe('HTTP details', () => {
  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(retryAfterMs('3')).toBe(3000);
    expect(retryAfterMs('0.5')).toBe(500);
    expect(retryAfterMs(new Date(Date.UTC(2026, 0, 1, 0, 0, 10)).toUTCString(), Date.UTC(2026, 0, 1))).toBe(10_000);
    expect(retryAfterMs('soon')).toBeNull();
    expect(retryAfterMs(null)).toBeNull();
  });

  it('parses the multipart upload a fetch FormData sends', async () => {
    const fd = new FormData();
    fd.append('customer_reference', 'ref-1');
    fd.append(
      'file',
      new Blob([new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x0d, 0x0a, 0x2d, 0x2d])], { type: 'application/pdf' }),
      'loa.pdf',
    );
    const req = new Request('http://x/', { method: 'POST', body: fd });
    const body = Buffer.from(await req.arrayBuffer());
    const parts = parseMultipart(body, req.headers.get('content-type')!);
    expect(parts.map((p) => [p.name, p.filename, p.contentType])).toEqual([
      ['customer_reference', null, 'application/octet-stream'],
      ['file', 'loa.pdf', 'application/pdf'],
    ]);
    expect([...parts[1]!.data]).toEqual([0x25, 0x50, 0x44, 0x46, 0x0d, 0x0a, 0x2d, 0x2d]);
    expect(parts[0]!.data.toString()).toBe('ref-1');
  });
});

describe('simulator rules', () => {
  it('its clock moves forward on demand and runs faster when asked', () => {
    let real = 1_000_000;
    const clock = new SimClock(() => real);
    clock.advance(3_600_000);
    expect(clock.now()).toBe(1_000_000 + 3_600_000);
    clock.setSpeed(60);
    real += 1000;
    expect(clock.now()).toBe(1_000_000 + 3_600_000 + 60_000);
    expect(() => clock.advance(-1)).toThrow();
  });

  it('types numbers and gives one exchange one carrier, so mixed numbers split', () => {
    expect(numberFacts('+18005550199').phone_number_type).toBe('toll_free');
    expect(numberFacts('+13125550147').phone_number_type).toBe('local');
    expect(numberFacts('+13125550147').spid).toBe(numberFacts('+13125550148').spid);
    expect(numberFacts('+13125550000')).toMatchObject({ portable: false, not_portable_reason: 'not_in_service' });
    expect(numberFacts('+442079460000').portable).toBe(false);
    expect(numberFacts('+13125550147', { carrier_name: 'Bandwidth' })).toMatchObject({
      carrier_name: 'Bandwidth',
      spid: '981E',
    });
  });

  const csr: CsrOnFile = {
    account_name: 'Lakeview Dental Group PC',
    account_number: '8310004417726',
    btn: '3125550147',
    pin: '4417',
    service_address: {
      street_line: '2145 North Halsted Street',
      unit: 'Suite 200',
      city: 'Chicago',
      state: 'IL',
      zip5: '60614',
    },
    phone_numbers: ['3125550147', '3125550148'],
  };
  const order = (over: Partial<ReviewOrder> = {}): ReviewOrder => ({
    id: 'o1',
    customer_reference: '42',
    phone_numbers: ['+13125550147', '+13125550148'],
    all_phone_numbers: ['+13125550147', '+13125550148'],
    admin: {
      entity_name: 'Lakeview Dental Group PC',
      auth_person_name: 'Maria Okafor',
      billing_phone_number: '+13125550147',
      account_number: '831-000-441-7726',
      pin_passcode: '4417',
    },
    location: {
      street_address: '2145 N Halsted St',
      extended_address: 'Ste 200',
      locality: 'Chicago',
      administrative_area: 'IL',
      postal_code: '60614',
    },
    misc: { type: 'full', remaining_numbers_action: null, new_billing_phone_number: null },
    ...over,
  });
  const at = new Date('2026-12-01T12:00:00Z');

  it('the carrier desk: a clean order passes; each wrong field is its exception', () => {
    const review = carrierDesk;
    expect(review(order(), csr, at)).toEqual([]);
    expect(review(order(), null, at)).toEqual([]);
    const codes = (o: ReviewOrder) =>
      review(o, csr, at)
        .map((f) => f.code)
        .sort();
    expect(codes(order({ admin: { ...order().admin, entity_name: 'Lakeview Dental Group, P.C.' } }))).toEqual([
      'ENTITY_NAME_MISMATCH',
    ]);
    expect(codes(order({ admin: { ...order().admin, account_number: '8310004417727' } }))).toEqual([
      'ACCOUNT_NUMBER_MISMATCH',
    ]);
    expect(codes(order({ admin: { ...order().admin, pin_passcode: '9999' } }))).toEqual(['PASSCODE_PIN_INVALID']);
    expect(codes(order({ location: { ...order().location, postal_code: '60615' } }))).toContain('POSTAL_CODE_MISMATCH');
    expect(codes(order({ location: { ...order().location, street_address: '2147 N Halsted St' } }))).toEqual([
      'LOCATION_MISMATCH',
    ]);
    expect(
      codes(
        order({ phone_numbers: ['+13125550147', '+13125550149'], all_phone_numbers: ['+13125550147', '+13125550149'] }),
      ),
    ).toContain('PHONE_NUMBER_MISMATCH');
  });

  it('judges full vs partial and the new BTN from what the order declares', () => {
    const one = { phone_numbers: ['+13125550147'], all_phone_numbers: ['+13125550147'] };
    expect(carrierDesk(order(one), csr, at).map((f) => f.code)).toEqual(['PORT_TYPE_INCORRECT']);
    expect(
      carrierDesk(
        order({ ...one, misc: { type: 'partial', remaining_numbers_action: 'keep', new_billing_phone_number: null } }),
        csr,
        at,
      ).map((f) => f.code),
    ).toEqual(['MAIN_BTN_PORTING']);
    expect(
      carrierDesk(
        order({
          ...one,
          misc: { type: 'partial', remaining_numbers_action: 'keep', new_billing_phone_number: '+13125550148' },
        }),
        csr,
        at,
      ),
    ).toEqual([]);
    expect(carrierDesk(order(), { ...csr, features: ['DSL'] }, at).map((f) => f.code)).toEqual([
      'PHONE_NUMBER_HAS_SPECIAL_FEATURE',
    ]);
  });

  it('reads the papers with its own limits: a stale invoice or LOA, and an LOA naming someone else, are refused', () => {
    const fresh = {
      loa: { account_name: csr.account_name, authorized_person: 'Maria Okafor', date: '2026-11-20' },
      invoice: { date: '2026-11-15' },
    };
    expect(carrierDesk(order(), csr, at, fresh)).toEqual([]);
    const stale = carrierDesk(order(), csr, at, { ...fresh, invoice: { date: '2026-10-01' } });
    expect(stale.map((f) => f.code)).toEqual(['OTHER']);
    expect(stale[0]!.comment).toMatch(/invoice is dated 2026-10-01 \(61 days old\)/);
    const both = carrierDesk(order(), csr, at, {
      loa: { ...fresh.loa, date: '2026-09-01' },
      invoice: { date: '2026-10-01' },
    });
    expect(both).toHaveLength(1);
    expect(both[0]!.comment).toMatch(/invoice .* LOA is dated 2026-09-01/);
    const wrongName = carrierDesk(order(), csr, at, {
      ...fresh,
      loa: { ...fresh.loa, account_name: 'Lakeview Dental' },
    });
    expect(wrongName.map((f) => f.code)).toEqual(['ENTITY_NAME_MISMATCH']);
    expect(wrongName[0]!.comment).toMatch(/LOA is signed for "Lakeview Dental"/);
  });
});
