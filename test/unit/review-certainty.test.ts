import { describe, expect, it } from 'vitest';
import type { ExtractedFields, ServiceAddress } from '../../shared/domain/document.js';
import { codes, fv, run } from '../helpers/compare.js';
import { pageOfLines as page } from '../helpers/pages.js';

/*
 * The review says a difference only when it is sure: certainty (low-confidence reads become
 * checks), guided verification under the field's label, agreement between invoice and CSR, the
 * wrong-LOA banner, and one prediction per code and field.
 */

const addr = (street_line: string, city: string, zip5: string, unit = ''): ServiceAddress => ({
  street_line,
  unit,
  city,
  state: 'IL',
  zip5,
  zip4: '',
});

const CSR_PAGE = page([
  [40, 60, 'CUSTOMER SERVICE RECORD'],
  [40, 100, 'Customer Name: ACME PLUMBING LLC'],
  [40, 120, 'Account Number: 8310 4455 0192'],
  [40, 140, 'Service Address: 456 W Oak Ave'],
  [40, 152, 'Springfield, IL 62704'],
  [40, 180, 'Billing Address: 123 N Main St'],
  [40, 192, 'Springfield, IL 62701'],
  [40, 220, 'Working Telephone Numbers: 217-555-0100 217-555-0101'],
]);

const csrFields = (over: Partial<ExtractedFields> = {}): ExtractedFields => ({
  account_name: fv('ACME PLUMBING LLC'),
  account_number: fv('8310 4455 0192'),
  service_address: fv(addr('456 W Oak Ave', 'Springfield', '62704')),
  billing_address: fv(addr('123 N Main St', 'Springfield', '62701')),
  phone_numbers: fv(['+12175550100', '+12175550101']),
  ...over,
});
const loaFields = (over: Partial<ExtractedFields> = {}): ExtractedFields => ({
  account_name: fv('Acme Plumbing LLC'),
  account_number: fv('831044550192'),
  service_address: fv(addr('456 West Oak Avenue', 'Springfield', '62704')),
  phone_numbers: fv(['+12175550100', '+12175550101']),
  signature_present: fv(true),
  document_date: fv('2026-03-01'),
  ...over,
});

describe('certainty: a difference is asserted only when both sides were read with confidence', () => {
  it('a low-confidence CSR reading that differs becomes a check, not a predicted rejection', () => {
    const r = run({ loa: loaFields(), csr: csrFields({ account_number: fv('8310 4455 0197', 0.45) }) });
    expect(r.fields.account_number.verdict).toBe('check');
    expect(codes(r)).not.toContain('ACCOUNT_NUMBER_MISMATCH');
    const check = r.checks.find((c) => c.field === 'account_number')!;
    expect(check.code).toBe('ACCOUNT_NUMBER_MISMATCH');
    expect(check.why).toMatch(/low confidence/);
    expect(check.candidates.csr?.[0]?.value).toBe('8310 4455 0197');
    expect(check.candidates.loa?.[0]?.value).toBe('831044550192');
    expect(r.counts.blockers).toBe(0);
    expect(r.counts.checks).toBe(1);
  });

  it('the same difference read with confidence is a predicted rejection', () => {
    const r = run({ loa: loaFields(), csr: csrFields({ account_number: fv('8310 4455 0197', 0.97) }) });
    expect(r.fields.account_number.verdict).toBe('mismatch');
    expect(codes(r)).toContain('ACCOUNT_NUMBER_MISMATCH');
    expect(r.checks).toEqual([]);
  });

  it('an LOA date read with low confidence that would be too old is a check', () => {
    const r = run({ loa: loaFields({ document_date: fv('2025-03-01', 0.4) }), csr: csrFields() });
    expect(r.fields.loa_date.verdict).toBe('check');
    expect(codes(r)).not.toContain('LOA_TOO_OLD');
    expect(r.checks.map((c) => c.code)).toContain('LOA_TOO_OLD');
  });
});

describe("guided verification: the value is looked for under the field's label", () => {
  it("a label read as the name is overruled by the name written under the CSR's label", () => {
    const csr = csrFields({ account_name: fv('SERVICE RECORD', 0.9) });
    const r = run({ loa: loaFields(), csr, pages: { csr: CSR_PAGE } });
    expect(['match', 'equivalent']).toContain(r.fields.account_name.verdict);
    expect(codes(r)).not.toContain('ENTITY_NAME_MISMATCH');
    expect(r.fields.account_name.values.csr).toBe('ACME PLUMBING LLC');
    // the evidence points at the words found under "Customer Name:"
    expect(r.fields.account_name.evidence.csr?.bbox?.[1]).toBe(100);
  });

  it("a billing address equal to the LOA's service address proves nothing: the service address differs", () => {
    // the LOA gives the billing address; the CSR's service address was read with low confidence
    const loa = loaFields({ service_address: fv(addr('123 N Main St', 'Springfield', '62701')) });
    const csr = csrFields({ service_address: fv(addr('456 W Oak Ave', 'Springfield', '62704'), 0.6) });
    const r = run({ loa, csr, pages: { csr: CSR_PAGE } });
    expect(r.fields.service_address.verdict).toBe('mismatch');
    expect(codes(r)).toContain('LOCATION_MISMATCH');
  });

  it('without the words, the same low-confidence reading stays a check', () => {
    const loa = loaFields({ service_address: fv(addr('123 N Main St', 'Springfield', '62701')) });
    const csr = csrFields({ service_address: fv(addr('456 W Oak Ave', 'Springfield', '62704'), 0.6) });
    const r = run({ loa, csr });
    expect(r.fields.service_address.verdict).toBe('check');
    expect(codes(r)).not.toContain('LOCATION_MISMATCH');
    expect(r.checks[0]?.candidates.csr?.[0]?.value).toMatch(/456 W OAK AVE/);
  });

  it("a check row carries the ZIP database's objection to the reading (why.zip_check)", () => {
    const loa = loaFields({ service_address: fv(addr('123 N Main St', 'Springfield', '62701')) });
    const read = addr('456 W Oak Ave', 'Springfield', '62784');
    const note = 'ZIP 62784 does not exist; 62704 is Springfield, IL — check the document (a digit may be misread)';
    const csr = csrFields({
      service_address: {
        ...fv(read, 0.6),
        candidates: [{ ...fv(read, 0.6), why: { source: 'label', zip_check: { note, suggested_zip: '62704' } } }],
      },
    });
    const r = run({ loa, csr });
    const check = r.checks.find((c) => c.field === 'service_address')!;
    expect(check.candidates.csr?.[0]?.doubt).toBe(note);
    expect(check.candidates.loa?.[0]?.doubt).toBeUndefined();
  });

  it('a service address read from the billing block is found again under the service label: a match', () => {
    const csr = csrFields({ service_address: fv(addr('123 N Main St', 'Springfield', '62701'), 0.9) });
    const r = run({ loa: loaFields(), csr, pages: { csr: CSR_PAGE } });
    expect(['match', 'equivalent']).toContain(r.fields.service_address.verdict);
    expect(codes(r)).not.toContain('LOCATION_MISMATCH');
  });

  it('a number the CSR reading missed but its list shows is on the account', () => {
    const csr = csrFields({ phone_numbers: fv(['+12175550100'], 0.7) });
    const r = run({ loa: loaFields(), csr, pages: { csr: CSR_PAGE } });
    expect(codes(r)).not.toContain('PHONE_NUMBER_MISMATCH');
    expect(r.numbers.not_on_account).toEqual([]);
  });
});

describe('agreement across documents', () => {
  it('an invoice agreeing with a low-confidence CSR makes the difference certain', () => {
    const r = run({
      loa: loaFields(),
      csr: csrFields({ account_number: fv('8310 4455 0197', 0.45) }),
      invoice: { account_number: fv('831044550197', 0.9) },
    });
    expect(r.fields.account_number.verdict).toBe('mismatch');
    expect(codes(r)).toContain('ACCOUNT_NUMBER_MISMATCH');
  });

  it('an invoice agreeing with the LOA against the CSR is a check that says so', () => {
    const r = run({
      loa: loaFields(),
      csr: csrFields({ account_number: fv('8310 4455 0197', 0.97) }),
      invoice: { account_number: fv('831044550192', 0.97) },
    });
    expect(r.fields.account_number.verdict).toBe('check');
    expect(r.checks[0]!.why).toMatch(/invoice shows "831044550192" like the LOA/);
    expect(r.checks[0]!.candidates.invoice?.[0]?.value).toBe('831044550192');
  });

  it('an invoice and a CSR that disagree with each other are said in a banner', () => {
    const r = run({ loa: loaFields(), csr: csrFields(), invoice: { account_name: fv('BETA BAKERY INC', 0.95) } });
    expect(r.banners.map((b) => b.kind)).toContain('documents_disagree');
    expect(r.fields.account_name.reason).toMatch(/wrong account or an outdated bill/);
  });
});

describe('the documents as a whole', () => {
  it('an LOA whose name, account and numbers belong to no other document gets a banner', () => {
    const loa = loaFields({
      account_name: fv('Zenith Dental PC'),
      account_number: fv('999000111'),
      phone_numbers: fv(['+13125550999']),
    });
    const r = run({ loa, csr: csrFields() });
    const banner = r.banners.find((b) => b.kind === 'wrong_document');
    expect(banner?.source).toBe('loa');
    expect(banner?.message).toMatch(/another customer's LOA/);
  });

  it("an LOA with one planted difference is not called another customer's", () => {
    const r = run({ loa: loaFields({ account_number: fv('999000111') }), csr: csrFields() });
    expect(r.banners.map((b) => b.kind)).not.toContain('wrong_document');
  });

  it("with no CSR or invoice, nothing on the LOA is called the carrier's", () => {
    const r = run({ loa: loaFields(), caseData: { entity_name: 'Acme Plumbing LLC', account_number: '831044550192' } });
    expect(r.banners.map((b) => b.kind)).toContain('no_carrier_record');
    for (const f of Object.values(r.fields))
      expect(f.reason).not.toMatch(/the carrier (has|shows)|carrier's (value|record) is/i);
    expect(r.predicted_rejections.filter((p) => /carrier has/.test(p.reason))).toEqual([]);
  });
});

describe('say each thing once', () => {
  it('one prediction per code and field, listing every source it applies to', () => {
    const r = run({
      loa: loaFields({ account_number: fv('831044550111') }),
      csr: csrFields(),
      caseData: { account_number: '831044550111' },
    });
    const acct = r.predicted_rejections.filter((p) => p.code === 'ACCOUNT_NUMBER_MISMATCH');
    expect(acct).toHaveLength(1);
    expect(acct[0]!.sources.sort()).toEqual(['case', 'loa']);
    expect(acct[0]!.reason).toMatch(/LOA "831044550111" and Case "831044550111"/);
  });
});

describe('one reason per row', () => {
  it('the same reason for the LOA and the case is said once, for both', () => {
    const r = run({
      loa: loaFields({ account_name: fv('acme plumbing llc') }),
      csr: csrFields(),
      caseData: { entity_name: 'acme plumbing llc' },
    });
    expect(r.fields.account_name.verdict).toBe('equivalent');
    expect(r.fields.account_name.reason).toMatch(/^LOA and Case: /);
    expect(r.fields.account_name.reason.match(/letter case/g)).toHaveLength(1);
    // and one risk for the code, listing both sources
    const risks = r.risks.filter((p) => p.code === 'ENTITY_NAME_MISMATCH');
    expect(risks).toHaveLength(1);
    expect(risks[0]!.sources.sort()).toEqual(['case', 'loa']);
  });
});

describe('numbers written as a range', () => {
  const LOA_RANGE_PAGE = page([
    [40, 60, 'LETTER OF AUTHORIZATION'],
    [40, 100, 'Customer Name: ACME PLUMBING LLC'],
    [40, 140, 'Numbers to port: 217.555.0100 217.555.0150 through 217.555.0154'],
  ]);
  const block = ['+12175550100', '+12175550150', '+12175550151', '+12175550152', '+12175550153', '+12175550154'];
  const csr = csrFields({ btn: fv('217-555-0100'), phone_numbers: fv(block) });

  it('an LOA whose reader kept only the ends of "A through B" ports the numbers between: no partial port, no MAIN_BTN_PORTING', () => {
    const loa = loaFields({ phone_numbers: fv(['+12175550100', '+12175550150', '+12175550154']) });
    const r = run({ loa, csr, pages: { loa: LOA_RANGE_PAGE } });
    expect(codes(r)).not.toContain('MAIN_BTN_PORTING');
    expect(r.numbers.partial_port).toBe(false);
    expect(r.numbers.to_port).toEqual(block);
  });

  it('a bulleted list ("- 217.555.0100 - 217.555.0150") is no range', () => {
    const bullets = page([[40, 140, 'Numbers to port: - 217.555.0100 - 217.555.0150 - 217.555.0154']]);
    const loa = loaFields({ phone_numbers: fv(['+12175550100', '+12175550150', '+12175550154'], 0.97) });
    const r = run({ loa, csr, pages: { loa: bullets } });
    expect(r.numbers.to_port).toEqual(['+12175550100', '+12175550150', '+12175550154']);
  });

  it('without the range written, the same list is a partial port that ports the BTN', () => {
    const loa = loaFields({ phone_numbers: fv(['+12175550100', '+12175550150', '+12175550154'], 0.97) });
    const r = run({ loa, csr });
    expect(r.numbers.partial_port).toBe(true);
    expect(codes(r)).toContain('MAIN_BTN_PORTING');
  });
});

describe('implausible readings are not asserted as differences', () => {
  const csr = csrFields({ service_address: fv(addr('456 W Oak Ave', 'Springfield', '62704'), 0.85) });

  it.each([
    ['a heading read into the city', 'Section C'],
    ['a label read into the city', 'Telephone Numbers'],
  ])('%s ("%s") makes the address a check, not LOCATION_MISMATCH', (_label, city) => {
    const loa = loaFields({ service_address: fv(addr('456 West Oak Avenue', city, '62704'), 0.9) });
    const r = run({ loa, csr });
    expect(codes(r)).not.toContain('LOCATION_MISMATCH');
    expect(r.fields.service_address.verdict).toBe('check');
    expect(r.checks.find((c) => c.field === 'service_address')?.why).toMatch(/heading or label word/);
  });

  it('a city with its state read onto its end ("Springfield IL", state IL) is the same city', () => {
    const loa = loaFields({ service_address: fv(addr('456 West Oak Avenue', 'Springfield IL', '62704'), 0.9) });
    const r = run({ loa, csr });
    expect(['match', 'equivalent']).toContain(r.fields.service_address.verdict);
    expect(codes(r)).not.toContain('LOCATION_MISMATCH');
  });

  it('a heading in the city does not excuse a street that differs too', () => {
    const loa = loaFields({ service_address: fv(addr('9 Harbor Ave', 'Springfield Section C', '62704'), 0.9) });
    expect(codes(run({ loa, csr }))).toContain('LOCATION_MISMATCH');
  });

  it('a real other city is still a difference', () => {
    const loa = loaFields({ service_address: fv(addr('456 West Oak Avenue', 'Chatham', '62629'), 0.95) });
    const r = run({ loa, csr });
    expect(codes(r)).toContain('LOCATION_MISMATCH');
  });
});

describe('a real other city is asserted even from an unsure reading', () => {
  const ndCsr = csrFields({
    service_address: fv({ ...addr('8750 Cypress Street', 'Fargo', '58103'), state: 'ND' }, 0.85),
  });
  it('Bismarck on the LOA where the CSR says Fargo (same street and ZIP) is LOCATION_MISMATCH, not a check', () => {
    const loa = loaFields({
      service_address: fv({ ...addr('8750 Cypress Street', 'Bismarck', '58103'), state: 'ND' }, 0.59),
    });
    const r = run({ loa, csr: ndCsr });
    expect(codes(r)).toContain('LOCATION_MISMATCH');
  });
  it('an OCR-near city ("Fargu") from an unsure reading stays a check', () => {
    const loa = loaFields({
      service_address: fv({ ...addr('8750 Cypress Street', 'Fargu', '58103'), state: 'ND' }, 0.59),
    });
    const r = run({ loa, csr: ndCsr });
    expect(codes(r)).not.toContain('LOCATION_MISMATCH');
  });
});

describe('MAIN_BTN_PORTING only from a BTN and staying numbers the documents agree on', () => {
  const account = ['+12175550100', '+12175550101', '+12175550102'];
  const csr = csrFields({ btn: fv('217-555-0100'), phone_numbers: fv(account) });
  const loa = loaFields({ phone_numbers: fv(['+12175550100', '+12175550101'], 0.97) });

  it('is asserted when CSR and invoice agree on the BTN and the LOA leaves a number out', () => {
    const invoice = { btn: fv('217-555-0100'), phone_numbers: fv(account) };
    expect(codes(run({ loa, csr, invoice }))).toContain('MAIN_BTN_PORTING');
  });

  it('is a check when the invoice gives another BTN (one of them is misread)', () => {
    const invoice = { btn: fv('217-555-0102'), phone_numbers: fv(account) };
    const r = run({ loa, csr, invoice });
    expect(codes(r)).not.toContain('MAIN_BTN_PORTING');
    expect(r.checks.find((c) => c.code === 'MAIN_BTN_PORTING')?.why).toMatch(
      /CSR gives the BTN as \+12175550100 and the invoice as \+12175550102/,
    );
  });

  it('is a check when the LOA names the staying number as its BTN', () => {
    const r = run({ loa: { ...loa, btn: fv('(217) 555-0102') }, csr });
    expect(codes(r)).not.toContain('MAIN_BTN_PORTING');
    expect(r.checks.map((c) => c.code)).toContain('MAIN_BTN_PORTING');
  });

  it('is a check when the staying number is written on the LOA in a form the list reader missed', () => {
    const loaPage = page([
      [40, 60, 'LETTER OF AUTHORIZATION'],
      [40, 100, 'Numbers: 217-555-0100, 217-555-0101'],
      [40, 120, 'Fax line 217 555 0102 also moves'],
    ]);
    const r = run({ loa, csr, pages: { loa: loaPage } });
    expect(codes(r)).not.toContain('MAIN_BTN_PORTING');
    expect(r.checks.find((c) => c.code === 'MAIN_BTN_PORTING')?.why).toMatch(/written on the LOA/);
  });
});

describe('agreement across documents', () => {
  it('an unsure CSR address that the invoice writes with the same letters (OCR spaces) is the carrier record: a sure LOA difference is asserted', () => {
    const csr = { service_address: fv(addr('38 Pearl Ct', 'Greenbay', '54324'), 0.6) };
    const invoice = { service_address: fv(addr('38 Pe arl Ct', 'Green Bay', '54324'), 0.7) };
    const loa = loaFields({ service_address: fv(addr('38 Pearl Ct', 'Green Bay', '54324', 'FL 6'), 0.95) });
    const r = run({ loa, csr, invoice });
    expect(codes(r)).toContain('LOCATION_MISMATCH');
  });
});
