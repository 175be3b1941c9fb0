import { describe, expect, it } from 'vitest';
import { cityStateZip } from '../../electron/core/extract/address.js';
import { extractFields } from '../../electron/core/extract/index.js';
import type { PageText } from '../../shared/domain/document.js';
import { pageOf, type TextLine } from '../fixtures/generator/handmade.js';
import { devBadScanPort } from '../bench/review-ports.js';

/*
 * Carrier values the extractor did not read on bad scans: a CSR's address block whose ZIP came out of
 * OCR with lookalike letters ("NY 12B66", "Dayton,OH 454S8") was not taken for an address at all.
 * The dev ports are the review bench's (dev seeds); the hand-built pages use other wordings and places.
 */

/** A hand-built page read as OCR (lower confidence), as a bad scan is. */
const scanOf = (lines: TextLine[]): PageText[] => {
  const p = pageOf(lines);
  return [{ ...p, method: 'ocr', words: p.words.map((w) => ({ ...w, conf: 0.8 })) }];
};

describe('a ZIP read through OCR lookalikes', () => {
  it.each([
    ['SARATOGA SPRINGS, NY 12B66', 'SARATOGA SPRINGS', 'NY', '12866', ''],
    ['Dayton,OH 454S8', 'Dayton', 'OH', '45458', ''],
    ['Boise, ID 8370Z-1O44', 'Boise', 'ID', '83702', '1044'],
  ])('%s', (line, city, state, zip5, zip4) => {
    const r = cityStateZip(line);
    expect(r).toMatchObject({ cityPart: city, state, zip5, zip4 });
    // read through lookalikes: less sure than a ZIP printed as digits
    expect(r!.quality).toBeLessThan(1);
    expect(cityStateZip(line.replace(/[A-Z0-9-]+$/, zip4 ? `${zip5}-${zip4}` : zip5))!.quality).toBe(1);
  });

  it('a word with fewer than three digits is no ZIP', () => {
    expect(cityStateZip('Portland, OR BOSS1')?.zip5 ?? '').toBe('');
    expect(cityStateZip('Portland, OR SOBIZ')?.zip5 ?? '').toBe('');
  });
});

describe('dev bad-scan ports: the CSR address block under the customer name', () => {
  for (const seed of [421, 437]) {
    it(`dev port ${seed}`, () => {
      const p = devBadScanPort(seed);
      expect(p!.csr.scanned).toBe(true);
      const got = extractFields(p!.csr.pages, 'csr').fields.service_address;
      const want = p!.csr.truth.service_address!;
      const up = (v: { street_line: string; city: string; zip5: string } | undefined) =>
        v && { street_line: v.street_line.toUpperCase(), city: v.city.toUpperCase(), zip5: v.zip5 };
      expect(up(got?.value)).toEqual(up(want));
    });
  }
});

describe('hand-built scanned CSR pages', () => {
  it('an unlabelled block under the customer name, its ZIP with a lookalike', () => {
    const got = extractFields(
      scanOf([
        [60, 80, 'Here is the record you asked for.'],
        [80, 120, 'Lakeview Dental Group PLLC'],
        [80, 134, '2214 Orchard Ave'],
        [80, 148, 'Spokane, WA 992O1'],
        [80, 170, 'Acct No: 5512-0098-17'],
        [80, 184, 'Main Line: (509) 555-0142'],
      ]),
      'csr',
    ).fields.service_address;
    expect(got?.value).toMatchObject({ street_line: '2214 Orchard Ave', city: 'Spokane', state: 'WA', zip5: '99201' });
  });

  it('guard: a billing block with a damaged ZIP stays the billing address, not the service address', () => {
    const f = extractFields(
      scanOf([
        [60, 80, 'Customer Service Record'],
        [60, 110, 'Service Address: 2214 Orchard Ave, Spokane, WA 99201'],
        [60, 140, 'Bill To:'],
        [60, 154, 'PO Box 4410'],
        [60, 168, 'Spokane, WA 992l0'],
      ]),
      'csr',
    ).fields;
    expect(f.service_address?.value).toMatchObject({ street_line: '2214 Orchard Ave', zip5: '99201' });
    expect(f.billing_address?.value).toMatchObject({ street_line: expect.stringMatching(/box 4410/i), zip5: '99210' });
  });
});

describe('a PIN the OCR glued to its label or split', () => {
  it('dev port 269: "The PINon file for this account is 6929."', () => {
    const p = devBadScanPort(269);
    expect(p.csr.scanned).toBe(true);
    expect(extractFields(p.csr.pages, 'csr').fields.pin?.value).toBe(p.csr.truth.pin);
  });

  it('a passcode word glued to the next word in a letter', () => {
    const f = extractFields(
      [
        pageOf([
          [72, 90, 'To whom it may concern,'],
          [72, 110, 'We ask that our numbers be ported. The PASSCODEfor our account is 508812.'],
          [72, 130, 'Sincerely, Dana Whitfield'],
        ]),
      ],
      'loa',
    ).fields;
    expect(f.pin?.value).toBe('508812');
  });

  it('guard: a word that only begins with the letters of "pin" is no PIN word', () => {
    const f = extractFields(
      [
        pageOf([
          [72, 90, 'To whom it may concern,'],
          [72, 110, 'Please port the pinon orchard office line; the suite is 4410.'],
        ]),
      ],
      'loa',
    ).fields;
    expect(f.pin?.value).not.toBe('4410');
  });

  const pinPage = (value: string) =>
    scanOf([
      [60, 80, 'Customer Service Record'],
      [60, 110, 'Account Number: 8812-4410-77'],
      [60, 130, 'Account PIN:'],
      [200, 130, value],
      [60, 150, 'Service Address: 2214 Orchard Ave, Spokane, WA 99201'],
    ]);

  it('one PIN split by a space is joined, less sure than the PIN in one piece', () => {
    const split = extractFields(pinPage('1 823'), 'csr').fields.pin;
    const whole = extractFields(pinPage('1823'), 'csr').fields.pin;
    expect(split?.value).toBe('1823');
    expect(whole?.value).toBe('1823');
    expect(split!.confidence).toBeLessThan(whole!.confidence);
  });

  it.each([
    ['4471 8823', '4471'],
    ['12 555-0142', undefined],
    ['1 2 3456', undefined],
  ])('guard: digits of two numbers are not joined (%s)', (value, want) => {
    expect(extractFields(pinPage(value), 'csr').fields.pin?.value).toBe(want);
  });
});

describe('the authorized person under a clipped tag or a spaced-out role', () => {
  it('dev port 343: "/AUTHZD PATRICIA E. ZHANG" in a slash-tag record', () => {
    const p = devBadScanPort(343);
    expect(extractFields(p.csr.pages, 'csr').fields.authorized_person?.value).toBe(p.csr.truth.authorized_person);
  });

  it('a hand-built slash-tag record with "/AUTHD" over a row of tags', () => {
    const f = extractFields(
      [
        pageOf([
          [40, 80, '/ACCT 5512 0098 17'],
          [40, 100, '/SADR 2214 ORCHARD AVE'],
          [40, 120, '/CTY SPOKANE /ST WA /ZIP 99201'],
          [40, 150, '---- NOTES ----'],
          [40, 170, '/AUTHD'],
          [90, 170, 'MARISOL T. OKAFOR'],
          [40, 190, '/REF4410'],
          [110, 190, '/LREF 1780'],
        ]),
      ],
      'csr',
    ).fields;
    expect(f.authorized_person?.value).toBe('MARISOL T. OKAFOR');
  });

  it('dev port 119: "Anh K. Martinez (Primary | accountmanager)" in a roster', () => {
    const p = devBadScanPort(119);
    expect(extractFields(p.csr.pages, 'csr').fields.authorized_person?.value).toBe(p.csr.truth.authorized_person);
  });

  it('a roster line whose role OCR glued and spaced out, in other words', () => {
    const f = extractFields(
      scanOf([
        [60, 80, 'Account contacts'],
        [60, 100, 'Trevor Nakamura (Viewer)'],
        [60, 118, 'Maria L. Gomez (Main'],
        [220, 118, 'accountadmin)'],
        [60, 150, 'Account Number: 8812-4410-77'],
      ]),
      'csr',
    ).fields;
    expect(f.authorized_person?.value).toBe('Maria L. Gomez');
  });
});

describe('a header caption OCR split inside its last word', () => {
  it('fresh-tune dev port 149: the BTN under "BILLING TEL. NUMBER" beside "BUSINESS LEGAL N AME"', () => {
    const p = devBadScanPort(149, 'tune');
    expect(extractFields(p.csr.pages, 'csr').fields.btn?.value).toBe(p.csr.truth.btn);
  });

  it('hand-built: "ISSUED | MAIN TEL. NUMBER | CUSTOMER LEGAL N AME" over its values', () => {
    const f = extractFields(
      scanOf([
        [56, 80, 'ISSUED'],
        [200, 80, 'MAIN TEL. NUMBER'],
        [330, 80, 'CUSTOMER LEGAL N AME'],
        [56, 96, 'Apr 2, 2024'],
        [200, 96, '509.555.0142'],
        [330, 96, 'Lakeview Dental Group PLLC'],
      ]),
      'csr',
    ).fields;
    expect(f.btn?.value).toBe('+15095550142');
  });
});
