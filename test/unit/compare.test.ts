import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExtractedFields, ServiceAddress } from '../../shared/domain/document.js';
import type { CompareInput, ComparisonResult } from '../../shared/domain/comparison.js';
import { compareCase } from '../../electron/core/compare/index.js';
import { main } from '../../electron/cli/main.js';

type Plain = {
  account_name?: string;
  authorized_person?: string;
  btn?: string;
  account_number?: string;
  pin?: string;
  service_address?: ServiceAddress;
  billing_address?: ServiceAddress;
  phone_numbers?: string[];
  numbers_not_to_port?: string[];
  document_date?: string;
  carrier_name?: string;
  signature_present?: boolean;
};
function fields(p: Plain, page = 1): ExtractedFields {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(p))
    if (v !== undefined) out[k] = { value: v, confidence: 0.98, page, bbox: [10, 20, 200, 32] };
  return out as ExtractedFields;
}
const addr = (
  street_line: string,
  unit: string,
  city: string,
  state: string,
  zip5: string,
  zip4 = '',
): ServiceAddress => ({ street_line, unit, city, state, zip5, zip4 });

const CSR: Plain = {
  account_name: 'ACME PLUMBING LLC',
  authorized_person: 'JOHN SMITH',
  btn: '3125550147',
  account_number: '831000123456',
  service_address: addr('123 N MAIN ST', 'STE 200', 'SPRINGFIELD', 'IL', '62704', '1234'),
  phone_numbers: ['3125550147', '3125550148', '3125550149'],
  carrier_name: 'AT&T',
};
const INVOICE: Plain = {
  account_name: 'ACME PLUMBING LLC',
  account_number: '831-000-123-456',
  document_date: '2025-02-20',
  carrier_name: 'AT&T',
  billing_address: addr('PO BOX 9911', '', 'SPRINGFIELD', 'IL', '62791'),
  phone_numbers: ['312-555-0147', '312-555-0148', '312-555-0149'],
};
const LOA: Plain = {
  account_name: 'Acme Plumbing, L.L.C.',
  authorized_person: 'John Smith',
  btn: '(312) 555-0147',
  account_number: '831 000 123 456',
  service_address: addr('123 North Main Street', 'Suite 200', 'Springfield', 'Illinois', '62704'),
  phone_numbers: ['312-555-0147', '312-555-0148', '312-555-0149'],
  document_date: '2025-02-25',
  signature_present: true,
  carrier_name: 'AT and T',
};
const AS_OF = '2025-03-01';

function run(
  loa: Plain | null,
  csr: Plain | null = CSR,
  invoice: Plain | null = INVOICE,
  extra: Partial<CompareInput> = {},
): ComparisonResult {
  return compareCase({
    asOf: AS_OF,
    ...(loa ? { loa: fields(loa) } : {}),
    ...(csr ? { csr: fields(csr, 2) } : {}),
    ...(invoice ? { invoice: fields(invoice, 1) } : {}),
    ...extra,
  });
}
const codes = (r: ComparisonResult) => r.predicted_rejections.map((p) => p.code).sort();
const mismatched = (r: ComparisonResult) =>
  Object.values(r.fields)
    .filter((f) => f.verdict === 'mismatch' || f.verdict === 'missing')
    .map((f) => f.field);

describe('compareCase: differences of form alone', () => {
  const variants: [string, Plain][] = [
    ['as written', {}],
    ['name all caps without punctuation', { account_name: 'ACME PLUMBING LLC' }],
    ['name with "Limited Liability Company"', { account_name: 'Acme Plumbing Limited Liability Company' }],
    ['person with a title', { authorized_person: 'Mr. John Smith' }],
    ['person surname first', { authorized_person: 'Smith, John' }],
    ['BTN as E.164', { btn: '+13125550147' }],
    ['BTN with dots', { btn: '312.555.0147' }],
    ['BTN with country code and dashes', { btn: '1-312-555-0147' }],
    ['account with dashes', { account_number: '8310-0012-3456' }],
    ['account with dots', { account_number: '831.000.123.456' }],
    ['address abbreviated', { service_address: addr('123 N Main St', 'Ste 200', 'Springfield', 'IL', '62704') }],
    ['address with # unit', { service_address: addr('123 N. Main St. #200', '', 'Springfield', 'IL', '62704') }],
    [
      'address ZIP+4 only on the LOA',
      { service_address: addr('123 N MAIN ST', 'STE 200', 'SPRINGFIELD', 'IL', '62704-9999') },
    ],
    [
      'address unit inside the street line',
      { service_address: addr('123 North Main Street Suite 200', '', 'Springfield', 'Ill.', '62704') },
    ],
    ['numbers in mixed formats', { phone_numbers: ['+1 312 555 0147', '(312) 555-0148', '312.555.0149'] }],
    ['carrier written AT&T Business', { carrier_name: 'AT&T Business' }],
  ];
  it.each(variants)('%s: no rejection, no mismatch', (_label, change) => {
    const r = run({ ...LOA, ...change });
    expect(codes(r)).toEqual([]);
    expect(mismatched(r)).toEqual([]);
  });

  it("equivalent names are a warning proposing the CSR's exact string, not a predicted rejection", () => {
    const r = run(LOA);
    expect(r.fields.account_name).toMatchObject({
      verdict: 'equivalent',
      proposed: 'ACME PLUMBING LLC',
      reference: 'csr',
    });
    expect(r.risks.find((x) => x.code === 'ENTITY_NAME_MISMATCH')).toMatchObject({ level: 'warning' });
    expect(r.predicted_rejections.find((x) => x.code === 'ENTITY_NAME_MISMATCH')).toBeUndefined();
    expect(r.fields.service_address.verdict).toBe('equivalent');
    expect(r.fields.service_address.parts?.find((p) => p.part === 'zip4')?.verdict).toBe('info');
    expect(r.fields.btn.verdict).toBe('match');
  });

  it('records where each value was found', () => {
    const r = run(LOA);
    expect(r.fields.account_name.evidence).toMatchObject({ loa: { page: 1 }, csr: { page: 2 } });
  });
});

describe('compareCase: planted real differences are caught', () => {
  const planted: [string, Plain, string, string][] = [
    ['entity name word', { account_name: 'Acme Heating LLC' }, 'account_name', 'ENTITY_NAME_MISMATCH'],
    ['entity legal form', { account_name: 'Acme Plumbing Inc.' }, 'account_name', 'ENTITY_NAME_MISMATCH'],
    ['authorized person', { authorized_person: 'Jane Smith' }, 'authorized_person', 'AUTH_PERSON_MISMATCH'],
    ['BTN', { btn: '312-555-0148' }, 'btn', 'BTN_ATN_MISMATCH'],
    ['account number digit', { account_number: '831000123457' }, 'account_number', 'ACCOUNT_NUMBER_MISMATCH'],
    [
      'account number without a leading zero',
      { account_number: '31000123456' },
      'account_number',
      'ACCOUNT_NUMBER_MISMATCH',
    ],
    [
      'house number',
      { service_address: addr('125 N Main St', 'Ste 200', 'Springfield', 'IL', '62704') },
      'service_address',
      'LOCATION_MISMATCH',
    ],
    [
      'street name',
      { service_address: addr('123 N Maple St', 'Ste 200', 'Springfield', 'IL', '62704') },
      'service_address',
      'LOCATION_MISMATCH',
    ],
    [
      'suite',
      { service_address: addr('123 N Main St', 'Ste 210', 'Springfield', 'IL', '62704') },
      'service_address',
      'LOCATION_MISMATCH',
    ],
    [
      'suite missing',
      { service_address: addr('123 N Main St', '', 'Springfield', 'IL', '62704') },
      'service_address',
      'LOCATION_MISMATCH',
    ],
    [
      'city',
      { service_address: addr('123 N Main St', 'Ste 200', 'Chatham', 'IL', '62704') },
      'service_address',
      'LOCATION_MISMATCH',
    ],
    [
      'ZIP',
      { service_address: addr('123 N Main St', 'Ste 200', 'Springfield', 'IL', '62701') },
      'service_address',
      'POSTAL_CODE_MISMATCH',
    ],
    [
      'directional',
      { service_address: addr('123 S Main St', 'Ste 200', 'Springfield', 'IL', '62704') },
      'service_address',
      'LOCATION_MISMATCH',
    ],
    [
      'PO box as service address',
      { service_address: addr('PO Box 9911', '', 'Springfield', 'IL', '62704') },
      'service_address',
      'LOCATION_MISMATCH',
    ],
    [
      'number not on the account',
      { phone_numbers: ['3125550147', '3125550148', '3125550149', '3125550150'] },
      'phone_numbers',
      'PHONE_NUMBER_MISMATCH',
    ],
    ['old LOA', { document_date: '2024-12-01' }, 'loa_date', 'LOA_TOO_OLD'],
    ['unsigned LOA', { signature_present: false }, 'loa_signature', 'LOA_UNSIGNED'],
    ['no entity name on the LOA', { account_name: undefined }, 'account_name', 'ENTITY_NAME_MISMATCH'],
    ['no service address on the LOA', { service_address: undefined }, 'service_address', 'LOCATION_MISMATCH'],
  ];
  it.each(planted)('%s', (_label, change, field, code) => {
    const loa = { ...LOA, ...change };
    for (const [k, v] of Object.entries(change)) if (v === undefined) delete (loa as Record<string, unknown>)[k];
    const r = run(loa);
    expect(r.fields[field as keyof typeof r.fields]?.verdict).toMatch(/mismatch|missing|too_old/);
    expect(codes(r)).toContain(code);
    const p = r.predicted_rejections.find((x) => x.code === code)!;
    expect(p.level).toBe('blocker');
    expect(p.action.length).toBeGreaterThan(20);
    expect(p.reason.length).toBeGreaterThan(10);
  });

  it('an LOA without the account number is missing it; the order must carry the CSR value', () => {
    const loa = { ...LOA };
    delete loa.account_number;
    const r = run(loa);
    expect(r.fields.account_number).toMatchObject({
      verdict: 'missing',
      missing_on: ['loa'],
      proposed: '831000123456',
    });
    expect(r.risks.find((x) => x.code === 'ACCOUNT_NUMBER_MISMATCH')).toMatchObject({ level: 'warning' });
  });
  it('a state left out next to the same ZIP is not a different address', () => {
    const r = run({ ...LOA, service_address: addr('123 N Main St Ste 200', '', 'Springfield', '', '62704') });
    expect(r.fields.service_address.verdict).toBe('equivalent');
  });
  it('a carrier name that disagrees is information, not a rejection', () => {
    const r = run({ ...LOA, carrier_name: 'Telnyx' });
    expect(r.fields.losing_carrier.verdict).toBe('info');
    expect(codes(r)).toEqual([]);
  });

  it('names the billing address when the LOA copied it', () => {
    const r = run({ ...LOA, service_address: addr('PO Box 9911', '', 'Springfield', 'IL', '62791') });
    expect(r.fields.service_address.verdict).toBe('mismatch');
    expect(r.fields.service_address.reason).toMatch(/BILLING address/);
    expect(r.fields.service_address.proposed).toBe('123 N MAIN ST STE 200, SPRINGFIELD, IL 62704-1234');
    expect(codes(r)).toEqual(expect.arrayContaining(['LOCATION_MISMATCH', 'POSTAL_CODE_MISMATCH']));
  });
  it("says each thing once when the LOA gives the billing PO box: the carrier's address is named once", () => {
    const r = run({ ...LOA, service_address: addr('PO Box 9911', '', 'Springfield', 'IL', '62791') });
    expect(r.fields.service_address.reason).toBe(
      "The address given is PO Box 9911; a PO box is never a service address — use the street address where the lines are installed (the carrier has 123 N MAIN ST STE 200, SPRINGFIELD, IL 62704-1234). ZIP 62791 differs from 62704. The LOA shows the invoice's BILLING address.",
    );
  });
  it('names the service address on file when the LOA copied a billing street address', () => {
    const billing = addr('77 Commerce Pkwy', '', 'Springfield', 'IL', '62791');
    const r = run({ ...LOA, service_address: billing }, CSR, { ...INVOICE, billing_address: billing });
    const reason = r.fields.service_address.reason;
    expect(reason).toMatch(
      /The LOA shows the invoice's BILLING address; carriers need the service address on file \(123 N MAIN ST STE 200, SPRINGFIELD, IL 62704-1234\)\.$/,
    );
    expect(reason.split('123 N MAIN ST STE 200').length - 1).toBe(1);
  });
  it('never uses the invoice billing address as the service address', () => {
    const r = run(LOA, null, INVOICE);
    expect(r.fields.service_address.verdict).toBe('not_checked');
    expect(r.fields.service_address.reason).toMatch(/billing address/);
    expect(r.not_checked).toContain('service_address');
    expect(codes(r)).not.toContain('LOCATION_MISMATCH');
  });
  it('checks case data too: what the order would carry', () => {
    const r = run(LOA, CSR, INVOICE, {
      caseData: {
        entity_name: 'Acme Pipes LLC',
        btn: '3125550147',
        numbers: ['+13125550147', '+13125550148', '+13125550149'],
      },
    });
    expect(r.fields.account_name.verdict).toBe('mismatch');
    expect(r.fields.account_name.reason).toMatch(/Case:/);
    expect(codes(r)).toContain('ENTITY_NAME_MISMATCH');
  });
});

describe('compareCase: numbers', () => {
  it('flags a partial port without blocking it', () => {
    const r = run({ ...LOA, phone_numbers: ['3125550148', '3125550149'] });
    expect(r.numbers).toMatchObject({ partial_port: true, staying: ['+13125550147'], btn_ported_in_partial: false });
    expect(r.fields.phone_numbers.verdict).toBe('info');
    expect(r.risks.map((x) => x.code)).toContain('PORT_TYPE_INCORRECT');
    expect(codes(r)).toEqual([]);
  });
  it('porting the BTN in a partial port needs a new BTN', () => {
    const r = run({ ...LOA, phone_numbers: ['3125550147', '3125550148'] });
    expect(r.numbers.btn_ported_in_partial).toBe(true);
    expect(codes(r)).toContain('MAIN_BTN_PORTING');
    expect(r.fields.phone_numbers.reason).toMatch(/new BTN/);
  });
  it('knows which staying numbers the LOA marks as not to port', () => {
    const r = run({ ...LOA, phone_numbers: ['3125550148'], numbers_not_to_port: ['3125550149', '3125550147'] });
    expect(r.numbers.staying_marked_keep.sort()).toEqual(['+13125550147', '+13125550149']);
  });
  it('numbers on different accounts with different BTNs must be split', () => {
    const other = fields(
      {
        btn: '2175550100',
        phone_numbers: ['2175550100', '2175550101'],
        service_address: addr('9 Elm St', '', 'Decatur', 'IL', '62521'),
      },
      1,
    );
    const r = run({ ...LOA, phone_numbers: ['3125550147', '3125550148', '3125550149', '2175550101'] }, CSR, INVOICE, {
      extraCsrs: [other],
    });
    expect(codes(r)).toContain('PORTING_ORDER_SPLIT_REQUIRED');
    expect(codes(r)).not.toContain('PHONE_NUMBER_MISMATCH');
    expect(r.numbers.split_groups).toHaveLength(2);
  });
  it('numbers given on the command line must be on the LOA and the account', () => {
    const r = run(LOA, CSR, INVOICE, {
      numbersToPort: ['+13125550147', '+13125550148', '+13125550149', '+17735550000'],
    });
    expect(codes(r)).toEqual(expect.arrayContaining(['LOA_NUMBER_NOT_LISTED', 'PHONE_NUMBER_MISMATCH']));
    expect(r.numbers.not_on_account).toEqual(['+17735550000']);
  });
  it('a number the LOA excludes cannot be ported', () => {
    const r = run({ ...LOA, numbers_not_to_port: ['3125550149'] }, CSR, INVOICE, {
      numbersToPort: ['3125550147', '3125550148', '3125550149'],
    });
    expect(codes(r)).toContain('LOA_NUMBER_NOT_LISTED');
  });
  it('uses the invoice list when there is no CSR', () => {
    const r = run({ ...LOA, phone_numbers: ['3125550147', '3125550199'] }, null, INVOICE);
    expect(r.fields.phone_numbers.reference).toBe('invoice');
    expect(codes(r)).toContain('PHONE_NUMBER_MISMATCH');
  });
});

describe('compareCase: documents and dates', () => {
  it.each([
    [30, 'INVOICE_TOO_OLD', '2025-01-15'],
    [60, null, '2025-01-15'],
    [30, null, '2025-02-01'],
  ])('invoice limit %i days', (limit, code, date) => {
    const r = run(LOA, CSR, { ...INVOICE, document_date: date }, { limits: { invoiceMaxAgeDays: limit } });
    if (code) expect(codes(r)).toContain(code);
    else expect(codes(r)).not.toContain('INVOICE_TOO_OLD');
  });
  it('LOA limit is a setting', () => {
    expect(codes(run({ ...LOA, document_date: '2024-12-15' }))).toContain('LOA_TOO_OLD');
    expect(
      codes(run({ ...LOA, document_date: '2024-12-15' }, CSR, INVOICE, { limits: { loaMaxAgeDays: 90 } })),
    ).not.toContain('LOA_TOO_OLD');
  });
  it('a document over its age limit is "too old", its own verdict, not a mismatch of values', () => {
    const r = run(LOA, CSR, { ...INVOICE, document_date: '2025-01-15' }, { limits: { invoiceMaxAgeDays: 30 } });
    expect(r.fields.invoice_date.verdict).toBe('too_old');
    expect(r.fields.invoice_date.reason).toMatch(/over the 30-day limit: ask for a recent invoice/);
    expect(codes(r)).toContain('INVOICE_TOO_OLD');
    expect(r.counts.mismatched_fields).toBe(0);
  });
  it('with no document read it says nothing could be checked, instead of an all-clear', () => {
    const r = compareCase({ asOf: AS_OF, caseData: { entity_name: 'Acme LLC', btn: '3125550147' } });
    expect(r.predicted_rejections).toEqual([]);
    expect(r.banners).toEqual([
      expect.objectContaining({
        kind: 'nothing_checked',
        message: expect.stringContaining('missing: LOA, invoice, CSR'),
      }),
    ]);
    // one document read is a review, however partial: no such banner
    expect(run(LOA, null, null).banners.map((b) => b.kind)).not.toContain('nothing_checked');
  });
  it('says what could not be checked when documents are missing', () => {
    const r = run(LOA, null, null);
    expect(r.reference_document).toBeNull();
    expect(r.not_checked).toEqual(
      expect.arrayContaining([
        'account_name',
        'btn',
        'account_number',
        'service_address',
        'phone_numbers',
        'invoice_date',
        'pin',
      ]),
    );
    expect(r.fields.account_name.reason).toMatch(/cannot be checked/);
    expect(codes(r)).toEqual([]);
    expect(r.risks.map((x) => x.code)).toContain('INVOICE_MISSING');
  });
  it('with only a CSR, it reports the carrier values and that there is nothing to check', () => {
    const r = run(null, CSR, null);
    expect(r.fields.loa_signature.verdict).toBe('not_checked');
    expect(r.risks.map((x) => x.code)).toContain('LOA_MISSING');
  });
  it('rejects a malformed as-of date', () => {
    expect(() => compareCase({ asOf: '01/03/2025' })).toThrow(/YYYY-MM-DD/);
  });
});

describe('compareCase: PIN', () => {
  it('cannot be checked without a PIN on the CSR', () => {
    const r = run({ ...LOA, pin: '4821' });
    expect(r.fields.pin.verdict).toBe('info');
    expect(r.fields.pin.reason).toMatch(/Cannot be checked/);
    expect(r.not_checked).toContain('pin');
  });
  it('a different PIN on the CSR is a rejection, and the PIN is never shown', () => {
    const r = run({ ...LOA, pin: '4821' }, { ...CSR, pin: '4812' });
    expect(codes(r)).toContain('PASSCODE_PIN_INVALID');
    const json = JSON.stringify(r);
    expect(json).not.toContain('4821');
    expect(json).not.toContain('4812');
  });
  it('the same PIN written with spaces matches', () => {
    expect(run({ ...LOA, pin: '48 21' }, { ...CSR, pin: '4821' }).fields.pin.verdict).toBe('match');
  });
});

describe('compareCase: resellers and the checklist', () => {
  it('explains a reseller and auto-ticks what it can verify', () => {
    const r = run({ ...LOA, carrier_name: 'Aircall' }, { ...CSR, carrier_name: 'Twilio' });
    expect(r.reseller).toMatchObject({
      provider: 'Aircall',
      underlying_carriers: ['Twilio'],
      underlying_known: 'Twilio',
    });
    expect(r.reseller?.question).toMatch(/What is the underlying carrier/);
    expect(r.fields.losing_carrier.verdict).toBe('info');
    const byId = Object.fromEntries(r.checklist.map((c) => [c.id, c]));
    expect(byId.underlying_carrier).toMatchObject({ state: 'done', auto: true });
    expect(byId.account_number).toMatchObject({ state: 'done', auto: true });
    expect(byId.service_address).toMatchObject({ state: 'done' });
    expect(byId.authorized_name).toMatchObject({ state: 'open' });
    expect(byId.loa_signed).toMatchObject({ state: 'done' });
    expect(r.checklist).toHaveLength(6);
  });
  it('asks for carrier-level credentials when the reseller cannot be verified', () => {
    const r = run({ ...LOA, carrier_name: 'Grasshopper', account_number: 'GH-55123' }, null, null);
    expect(r.reseller?.message).toMatch(/Bandwidth or Inteliquent/);
    expect(r.reseller?.pin_source).toMatch(/support/);
    expect(r.checklist.find((c) => c.id === 'underlying_carrier')).toMatchObject({ state: 'open' });
    expect(r.risks.map((x) => x.code)).toEqual(
      expect.arrayContaining(['ACCOUNT_NUMBER_MISMATCH', 'PASSCODE_PIN_INVALID']),
    );
  });
  it('doubts an account number that is not a Twilio SID when Twilio is the losing carrier', () => {
    const r = run({ ...LOA, carrier_name: 'Twilio', account_number: '12345678' }, null, null);
    expect(r.risks.find((x) => x.code === 'ACCOUNT_NUMBER_MISMATCH')?.reason).toMatch(/Twilio Account SID/);
  });
  it('a facilities carrier needs no reseller notice', () => {
    const r = run(LOA);
    expect(r.reseller).toBeNull();
    expect(r.carrier).toMatchObject({ id: 'att', reseller: false });
    expect(r.checklist.find((c) => c.id === 'underlying_carrier')).toMatchObject({ state: 'done', auto: true });
  });
});

describe('portdesk compare', () => {
  function tmpFiles(files: Record<string, unknown>): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portdesk-compare-'));
    for (const [name, data] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), JSON.stringify(data));
    return dir;
  }
  async function cli(args: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(['compare', ...args], { out: (l) => out.push(l), err: (l) => err.push(l) });
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  it('--json with only case data says nothing could be checked, and the text says why nothing is predicted', async () => {
    const dir = tmpFiles({ 'case.json': { entity_name: 'Acme LLC' } });
    const json = await cli(['--case-json', path.join(dir, 'case.json'), '--as-of', AS_OF, '--json']);
    const out = JSON.parse(json.out) as { banners: { kind: string }[]; missing_documents: string[] };
    expect(out.banners.map((b) => b.kind)).toEqual(['nothing_checked']);
    expect(out.missing_documents).toEqual(['loa', 'invoice', 'csr']);
    const text = await cli(['--case-json', path.join(dir, 'case.json'), '--as-of', AS_OF]);
    expect(text.out).toContain('nothing could be checked');
    expect(text.out).not.toContain('\nNo rejection predicted.');
  });
  it('prints fields, predicted rejections and what could not be checked', async () => {
    const dir = tmpFiles({
      'loa.json': { ...LOA, service_address: '125 N Main St Ste 200, Springfield, IL 62704' },
      'csr.json': { fields: fields(CSR) },
    });
    const r = await cli([
      '--loa-json',
      path.join(dir, 'loa.json'),
      '--csr-json',
      path.join(dir, 'csr.json'),
      '--as-of',
      AS_OF,
      '--json',
    ]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.fields.service_address).toMatchObject({
      verdict: 'mismatch',
      csr: expect.stringContaining('123 N MAIN ST'),
    });
    expect(j.fields.account_name).toMatchObject({
      verdict: 'equivalent',
      loa: 'Acme Plumbing, L.L.C.',
      csr: 'ACME PLUMBING LLC',
      invoice: null,
    });
    expect(j.predicted_rejections.map((p: { code: string }) => p.code)).toContain('LOCATION_MISMATCH');
    expect(j.predicted_rejections[0]).toHaveProperty('action');
    expect(j.not_checked).toContain('invoice_date');
    expect(j.missing_documents).toEqual(['invoice']);
  });
  it('accepts --numbers and the age limits', async () => {
    const dir = tmpFiles({ 'loa.json': LOA, 'csr.json': CSR, 'inv.json': { ...INVOICE, document_date: '2025-01-10' } });
    const base = [
      '--loa',
      path.join(dir, 'loa.json'),
      '--csr',
      path.join(dir, 'csr.json'),
      '--invoice',
      path.join(dir, 'inv.json'),
      '--as-of',
      AS_OF,
      '--json',
    ];
    const a = JSON.parse((await cli([...base, '--numbers', '+13125550147,+13125550148'])).out);
    expect(a.predicted_rejections.map((p: { code: string }) => p.code)).toEqual(
      expect.arrayContaining(['INVOICE_TOO_OLD', 'MAIN_BTN_PORTING']),
    );
    const b = JSON.parse((await cli([...base, '--invoice-max-age-days', '90'])).out);
    expect(b.predicted_rejections.map((p: { code: string }) => p.code)).not.toContain('INVOICE_TOO_OLD');
  });
  const hasExtractor = fs.existsSync(new URL('../../electron/core/extract/index.ts', import.meta.url));
  it.skipIf(!hasExtractor)('reads plain-text documents and catches a planted house number', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portdesk-compare-'));
    fs.writeFileSync(
      path.join(dir, 'loa.txt'),
      [
        'LETTER OF AUTHORIZATION (LOA)',
        '',
        'Business Name: Acme Plumbing, L.L.C.',
        'Authorized Signer: John Smith',
        'Current Provider: AT&T',
        'Account Number: 831-000-123-456',
        'Billing Telephone Number: (312) 555-0147',
        'Service Address: 125 North Main Street, Suite 200, Springfield, IL 62704',
        '',
        'Numbers to Port:',
        '(312) 555-0147',
        '(312) 555-0148',
        '',
        'Signature: John Smith            Date: 02/25/2025',
      ].join('\n'),
    );
    fs.writeFileSync(
      path.join(dir, 'csr.txt'),
      [
        'AT&T CUSTOMER SERVICE RECORD',
        '',
        'Account Name: ACME PLUMBING LLC',
        'Account Number: 831000123456',
        'BTN: 312-555-0147',
        'Service Address: 123 N MAIN ST STE 200, SPRINGFIELD, IL 62704-1234',
        'Authorized Contact: JOHN SMITH',
        '',
        'Working Telephone Numbers:',
        '312-555-0147',
        '312-555-0148',
      ].join('\n'),
    );
    const r = await cli([
      '--loa',
      path.join(dir, 'loa.txt'),
      '--csr',
      path.join(dir, 'csr.txt'),
      '--as-of',
      AS_OF,
      '--json',
    ]);
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.predicted_rejections.map((p: { code: string }) => p.code)).toEqual(['LOCATION_MISMATCH']);
    expect(j.fields.account_name.verdict).toBe('equivalent');
    expect(j.fields.account_number.verdict).toBe('equivalent');
    expect(j.fields.btn.verdict).toBe('match');
  });

  it('refuses bad input with one clear line', async () => {
    const dir = tmpFiles({ 'loa.json': LOA, 'bad.json': { account_name: 42 } });
    expect((await cli(['--loa-json', path.join(dir, 'loa.json'), '--as-of', '2025-02-30x'])).code).toBe(2);
    const bad = await cli(['--loa-json', path.join(dir, 'bad.json')]);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/account_name/);
    expect((await cli(['--loa-json', path.join(dir, 'nope.json')])).err).toMatch(/cannot read/);
    expect((await cli([])).code).toBe(2);
    expect((await cli(['--loa-json', path.join(dir, 'loa.json'), '--loa-max-age-days', 'ten'])).err).toMatch(
      /whole number/,
    );
  });
});

describe('compareCase: extractor shapes', () => {
  it('reads "city, ST ZIP" left whole in the city field', () => {
    const r = run({ ...LOA, service_address: addr('123 N Main St Ste 200', '', 'Springfield, IL 62704', '', '') });
    expect(r.fields.service_address.verdict).toBe('equivalent');
  });
  it('matches the signer against any of several authorized contacts on the CSR', () => {
    const r = run({ ...LOA, authorized_person: 'Jane Doe' }, { ...CSR, authorized_person: 'JOHN SMITH; JANE DOE' });
    expect(r.fields.authorized_person.verdict).toBe('equivalent');
    expect(r.fields.authorized_person.proposed).toBe('JANE DOE');
    expect(
      codes(run({ ...LOA, authorized_person: 'Mary Roe' }, { ...CSR, authorized_person: 'JOHN SMITH; JANE DOE' })),
    ).toContain('AUTH_PERSON_MISMATCH');
  });
});

describe('compareCase: case data not entered yet', () => {
  it('empty case fields are not missing values and predict nothing', () => {
    const r = run(LOA, CSR, INVOICE, {
      caseData: { entity_name: '', btn: '', account_number: '', service_street: '', numbers: [] },
    });
    expect(codes(r)).toEqual([]);
    expect(r.fields.account_number.missing_on).toBeUndefined();
  });
});
