import { describe, expect, it } from 'vitest';
import { cityProblem } from '../../electron/core/compare/plausible.js';
import { codes, fv, run } from '../helpers/compare.js';
import { pageOfLines as page } from '../helpers/pages.js';

/*
 * A check costs the specialist a look. Where the documents themselves answer the doubt — a number the
 * CSR's reader missed that the CSR writes and the invoice lists, a fax header's number read into the
 * account, a name cut short or run into a label while the other documents give it whole — the review
 * asks nothing. The same shape with a real difference is still raised.
 */

const flagged = (r: ReturnType<typeof run>, field: string, code: string) =>
  codes(r).includes(code as never) || r.checks.some((c) => c.field === field);

const invoicePage = (numbers: string[]) =>
  page([
    [48, 40, 'MONTHLY STATEMENT'],
    [48, 60, 'Account Number: 866063747'],
    [48, 80, 'Lines billed this period:'],
    ...numbers.map((n, i): [number, number, string] => [52, 94 + i * 14, `${n} Business line 24.95`]),
  ]);

describe('numbers to port the CSR writes, though its reader missed them', () => {
  // the reader lost 918-555-0107: OCR wrote a letter O for its zero, on a feature row of its own
  const csrLines = (row: string): [number, number, string][] => [
    [48, 40, 'CUSTOMER SERVICE RECORD'],
    [48, 60, 'Account Number: 866063747'],
    [48, 80, 'Services and Features'],
    [52, 94, '2 1FB Flat rate business line 918-555-0105'],
    [52, 108, '1 1MB Measured business line 918-555-0106'],
    [52, 122, '1 NSD Caller ID deluxe'],
    [52, 136, row],
  ];
  const input = (loaNumbers: string[], csrRow: string, invoiceNumbers: string[]) => ({
    loa: { phone_numbers: fv(loaNumbers, 0.97) },
    invoice: {
      phone_numbers: fv(
        invoiceNumbers.map((n) => `+1${n.replace(/O/g, '0').replace(/\D/g, '')}`),
        0.76,
      ),
    },
    csr: { phone_numbers: fv(['+19185550105', '+19185550106'], 0.76) },
    pages: { csr: page(csrLines(csrRow), 'ocr'), invoice: invoicePage(invoiceNumbers) },
  });
  const all = ['918-555-0105', '918-555-0106', '918-555-O107'];

  it('written on the CSR (a lookalike letter in it) and listed on the invoice: on the account, no look', () => {
    const r = run(input(['+19185550105', '+19185550106', '+19185550107'], '918-555-O107', all));
    expect(codes(r)).not.toContain('PHONE_NUMBER_MISMATCH');
    expect(r.checks.filter((c) => c.field === 'phone_numbers')).toEqual([]);
  });

  it('a foreign number on the LOA, on neither carrier document, is still not on the account', () => {
    const r = run(input(['+19185550105', '+19185550106', '+19185550107', '+19187364411'], '918-555-O107', all));
    expect(codes(r)).toContain('PHONE_NUMBER_MISMATCH');
  });

  it('written on the CSR but on no invoice: still a look (the CSR alone does not settle a number it did not list)', () => {
    const r = run(input(['+19185550105', '+19185550106', '+19185550107'], '918-555-O107', all.slice(0, 2)));
    expect(flagged(r, 'phone_numbers', 'PHONE_NUMBER_MISMATCH')).toBe(true);
  });

  it("a block written as a range with a dash ('918 .555 0110 - 0114') holds the numbers between its ends", () => {
    const block = ['+19185550110', '+19185550111', '+19185550112', '+19185550113', '+19185550114'];
    const r = run({
      loa: { phone_numbers: fv(['+19185550105', ...block], 0.97) },
      csr: { phone_numbers: fv(['+19185550105', '+19185550110'], 0.78) },
      pages: {
        csr: page(
          [
            [48, 40, 'ACCOUNT SERVICE RECORD'],
            [48, 60, 'Telephone Numbers'],
            [52, 74, '918 555 0105 POTS'],
            [52, 88, '918 .555 0110 - 0114 DID'],
          ],
          'ocr',
        ),
      },
    });
    expect(codes(r)).not.toContain('PHONE_NUMBER_MISMATCH');
    expect(r.checks.filter((c) => c.field === 'phone_numbers')).toEqual([]);
  });

  it('a number past the range’s end is not on the account', () => {
    const r = run({
      loa: { phone_numbers: fv(['+19185550105', '+19185550110', '+19185550114', '+19185550118'], 0.97) },
      csr: { phone_numbers: fv(['+19185550105', '+19185550110'], 0.78) },
      pages: {
        csr: page(
          [
            [48, 40, 'ACCOUNT SERVICE RECORD'],
            [48, 60, 'Telephone Numbers'],
            [52, 74, '918 555 0105 POTS'],
            [52, 88, '918 555 0110 - 0114 DID'],
          ],
          'ocr',
        ),
      },
    });
    expect(flagged(r, 'phone_numbers', 'PHONE_NUMBER_MISMATCH')).toBe(true);
    expect(r.checks.find((c) => c.field === 'phone_numbers')?.why ?? codes(r).join()).toMatch(/0118|PHONE/);
  });
});

describe('a number read into the account from outside the CSR’s number list', () => {
  const PORTED = ['+19185550105', '+19185550106'];
  const csr = (header: string) =>
    page([
      [30, 14, header],
      [48, 40, 'ACCOUNT SERVICE RECORD'],
      [48, 60, 'Account Number: 866063747'],
      [48, 80, 'BTN: 918-555-0105'],
      [48, 100, 'Telephone Numbers:'],
      [52, 114, '918-555-0105 BUSINESS LINE'],
      [52, 128, '918-555-0106 BUSINESS LINE'],
    ]);
  const input = (header: string, invoiceNumbers: string[], extra: string) => ({
    loa: { phone_numbers: fv(PORTED, 0.97) },
    invoice: {
      phone_numbers: fv(
        invoiceNumbers.map((n) => `+1${n.replace(/\D/g, '')}`),
        0.8,
      ),
    },
    csr: { btn: fv('918-555-0105', 0.97), phone_numbers: fv([extra, ...PORTED], 0.95) },
    pages: { csr: csr(header), invoice: invoicePage(invoiceNumbers) },
  });

  for (const [what, header, stray] of [
    ['a fax header', 'Received 05/20/2024 14:19 from 918-360-5050 - page 1 of 1', '+19183605050'],
    ['a sender line', 'FROM: 918-360-7070 TO: 888-615-9743 P. 1/1', '+19183607070'],
  ] as const) {
    it(`${what}'s number, on no invoice, stays on no account: no partial port, no BTN look`, () => {
      const r = run(input(header, ['918-555-0105', '918-555-0106'], stray));
      expect(codes(r)).not.toContain('MAIN_BTN_PORTING');
      expect(r.checks.filter((c) => c.field === 'phone_numbers')).toEqual([]);
      expect(r.numbers.staying).toEqual([]);
    });
  }

  it('the same number listed on the invoice is the account’s: the BTN ported while it stays is still raised', () => {
    const r = run(
      input(
        'Received 05/20/2024 14:19 from 918-360-5050 - page 1 of 1',
        ['918-555-0105', '918-555-0106', '918-360-5050'],
        '+19183605050',
      ),
    );
    expect(flagged(r, 'phone_numbers', 'MAIN_BTN_PORTING')).toBe(true);
    expect(r.numbers.staying).toEqual(['+19183605050']);
  });
});

describe('a name read cut short where the document gives it whole', () => {
  const loaLetter = (name: string) =>
    page([
      [48, 60, 'RE: Request to port our numbers'],
      [48, 90, `On behalf of ${name}, I, Kenji`],
      [48, 104, 'Schmidt, Operations Manager, give PortDesk Voice LLC permission to'],
      [48, 118, 'act as our agent to port the numbers listed in this letter.'],
    ]);
  const input = (loaName: string) => ({
    loa: { account_name: fv('Palmetto Tire', 0.43) },
    invoice: { account_name: fv('Palmetto Tire & Wheel Inc.', 0.8) },
    csr: { account_name: fv('Palmetto Tire & Wheel Inc.', 0.9) },
    pages: { loa: loaLetter(loaName) },
  });

  it("the LOA's sentence writes the carrier's name from the reading on ('and' for '&'): no look", () => {
    const r = run(input('Palmetto Tire and Wheel Incorporated'));
    expect(codes(r)).not.toContain('ENTITY_NAME_MISMATCH');
    expect(r.checks.filter((c) => c.field === 'account_name')).toEqual([]);
  });

  it('the LOA writes another name that begins the same: still raised', () => {
    const r = run(input('Palmetto Tire Outlet LLC'));
    expect(flagged(r, 'account_name', 'ENTITY_NAME_MISMATCH')).toBe(true);
  });
});

describe("a CSR name that differs only by its reader's cut or run-on, the LOA and the invoice agreeing", () => {
  const csrPage = (name: string) =>
    page(
      [
        [48, 40, 'Customer Service Record'],
        // (a record whose name caption the review does not know: no label region to search)
        [48, 60, `${name} Status:`],
        [48, 68, 'ACTIVE'],
        [48, 84, 'Number, Account: 482849146'],
      ],
      'ocr',
    );
  const input = (loa: string, invoice: string, csr: string, csrConf = 0.82) => ({
    loa: { account_name: fv(loa, 0.97) },
    invoice: { account_name: fv(invoice, 0.85) },
    csr: { account_name: fv(csr, csrConf) },
    pages: { csr: csrPage(csr.replace(/ Status$/, '')) },
  });

  it("a label's word read on ('… LLC Status'): no look", () => {
    const r = run(
      input('Mesa Verde Bakery & Cafe LLC', 'Mesa Verde Bakery &. Cafe LLC', 'Mesa Verde Bakery & Cafe LLC Status'),
    );
    expect(r.checks.filter((c) => c.field === 'account_name')).toEqual([]);
    expect(codes(r)).not.toContain('ENTITY_NAME_MISMATCH');
  });

  it("a name's own word more ('… Cafe Tucson LLC'): a CSR read surely says another name, still raised", () => {
    const r = run(
      input(
        'Mesa Verde Bakery & Cafe LLC',
        'Mesa Verde Bakery & Cafe LLC',
        'Mesa Verde Bakery & Cafe Tucson LLC',
        0.93,
      ),
    );
    expect(flagged(r, 'account_name', 'ENTITY_NAME_MISMATCH')).toBe(true);
  });

  it('only the first words of the name the LOA and the invoice agree on: no look', () => {
    const r = run(
      input('Granite Peak Marine Supply Inc.', 'Granite Peak Marine Supply Incorporated', 'Granite Peak Marine'),
    );
    expect(r.checks.filter((c) => c.field === 'account_name')).toEqual([]);
  });

  it('a planted name on the LOA that the invoice does not back: still raised', () => {
    const r = run(
      input('Harbor Point Marine Supply Inc.', 'Granite Peak Marine Supply Incorporated', 'Granite Peak Marine'),
    );
    expect(flagged(r, 'account_name', 'ENTITY_NAME_MISMATCH')).toBe(true);
  });
});

describe('a CSR account number read as only its first groups, the LOA and the invoice agreeing', () => {
  const csr = page(
    [
      [48, 40, 'Customer Service Record'],
      [48, 60, 'Account No: 739648 413'],
      [48, 72, '0241879'],
    ],
    'ocr',
  );
  const input = (loa: string) => ({
    loa: { account_number: fv(loa, 0.88) },
    invoice: { account_number: fv('7396 48 413 0241879', 0.73) },
    csr: { account_number: fv('739648 413', 0.89) },
    pages: { csr },
  });

  it('the number the LOA and the invoice give begins with the reading: no look', () => {
    const r = run(input('7396 48 413 0241879'));
    expect(r.checks.filter((c) => c.field === 'account_number')).toEqual([]);
    expect(codes(r)).not.toContain('ACCOUNT_NUMBER_MISMATCH');
  });

  it('another number on the LOA than the invoice gives: still raised', () => {
    const r = run(input('7396 48 413 0241880'));
    expect(flagged(r, 'account_number', 'ACCOUNT_NUMBER_MISMATCH')).toBe(true);
  });
});

describe('address readings with a label read in', () => {
  const addr = (street: string, city = 'New Haven', zip = '06519') => ({
    street_line: street,
    unit: '',
    city,
    state: 'CT',
    zip5: zip,
    zip4: '',
  });
  it("a street line the reader began with its label ('Addr 2959 Spring Way') is the address", () => {
    const r = run({
      loa: { service_address: fv(addr('Addr 2959 Spring Way'), 0.55) },
      csr: { service_address: fv(addr('2959 Spring Way'), 0.9) },
    });
    expect(r.checks.filter((c) => c.field === 'service_address')).toEqual([]);
    expect(codes(r)).not.toContain('LOCATION_MISMATCH');
  });

  it('…and another house number behind the label is still a difference', () => {
    const r = run({
      loa: { service_address: fv(addr('Addr 2995 Spring Way'), 0.97) },
      csr: { service_address: fv(addr('2959 Spring Way'), 0.97) },
    });
    expect(flagged(r, 'service_address', 'LOCATION_MISMATCH')).toBe(true);
  });

  const ar = (street: string, city: string) => ({ ...addr(street, city, '72199'), state: 'AR' });
  const csrMisread = (loaStreet: string) => ({
    loa: { service_address: fv(ar(loaStreet, 'North Little Rock'), 0.59) },
    invoice: { service_address: fv(ar('9417 SW Canal Ln', 'North Little Rock'), 0.75) },
    csr: { service_address: fv(ar('9417 SW Canal Ln', 'Little Rock'), 0.82) },
    pages: {
      csr: page(
        [
          [48, 40, 'Customer Service Record'],
          [48, 60, 'Premises'],
          [48, 74, '9417 SW Canal Ln'],
          [48, 86, 'North Little Rock, AR 72199'],
        ],
        'ocr',
      ),
    },
  });

  it("a CSR reading cut short ('Little Rock'), the invoice and the LOA agreeing and the CSR writing their address: no look", () => {
    const r = run(csrMisread('9417 SW Canal Lane'));
    expect(r.checks.filter((c) => c.field === 'service_address')).toEqual([]);
    expect(codes(r)).not.toContain('LOCATION_MISMATCH');
  });

  it('…and another house number on the LOA than the invoice and the CSR give: still raised', () => {
    const r = run(csrMisread('9471 SW Canal Lane'));
    expect(flagged(r, 'service_address', 'LOCATION_MISMATCH')).toBe(true);
  });

  it("a city named with 'City' at its end is a city; a label's 'City' is not", () => {
    expect(cityProblem('Lake Havasu City', 'OR')).toBeNull();
    expect(cityProblem('CARSON CITY', 'TX')).toBeNull();
    expect(cityProblem('City', 'OR')).not.toBeNull();
    expect(cityProblem('CITY NAME', 'OR')).not.toBeNull();
    expect(cityProblem('ZIP SAVANNAH', 'GA')).not.toBeNull();
  });
});
