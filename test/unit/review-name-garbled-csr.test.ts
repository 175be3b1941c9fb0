import { describe, expect, it } from 'vitest';
import type { PageText } from '../../shared/domain/document.js';
import { codes, fv, run } from '../helpers/compare.js';
import { pageOfLines as page } from '../helpers/pages.js';

/*
 * A scanned CSR whose reader took garbled words for the entity's name (a listing code, a site caption, a
 * heading's word) at low confidence, while the LOA and the invoice, read apart, agree on the name and the
 * CSR itself writes that name's words on a line: the documents settle it, the specialist is asked nothing.
 * A CSR that names another business is still raised, whatever its reader's confidence.
 */

const AGREED = 'Harbor Light Accounting Services Co.';
const LOA_NAME = 'Harbor Light Accounting Services Company';

/** The CSR's reading: garbled words at the box the reader took them from (line `y` of the page). */
const csrReading = (value: string, y: number, conf = 0.35) => fv(value, conf, [100, y, 100 + 6 * value.length, y + 10]);

const review = (csrPages: PageText[], csrName: ReturnType<typeof fv<string>>, invoiceName = AGREED) =>
  run({
    loa: { account_name: fv(LOA_NAME, 0.97) },
    invoice: { account_name: fv(invoiceName, 0.7) },
    csr: { account_name: csrName },
    pages: { csr: csrPages },
  });

const nameLooks = (r: ReturnType<typeof run>) => r.checks.filter((c) => c.field === 'account_name');

describe('a garbled CSR name reading beside the name the LOA and the invoice agree on', () => {
  it("a service-order print's listing code read as the name (the name line above it): no look, no rejection", () => {
    const csr = page(
      [
        [48, 40, 'CUSTOMER SERVICE RECORD'],
        [48, 60, 'BILL ACCT 5959021836881 PG 1'],
        [48, 80, 'NAME. HARBOR LIGHT ACCOUNTING SERVICES CO.'],
        [48, 100, 'LN AME HLASC SHOP'],
        [48, 120, 'ACCT STAT ACTIVE'],
      ],
      'ocr',
    );
    const r = review(csr, csrReading('AME HLASC SHOP', 100, 0.29));
    expect(nameLooks(r)).toEqual([]);
    expect(codes(r)).not.toContain('ENTITY_NAME_MISMATCH');
    expect(r.fields.account_name.reason).toMatch(/seems to come from another block/);
  });

  it("a profile's site caption read as the name, the name parted over two lines: no look", () => {
    const csr = page(
      [
        [48, 40, 'Customer Account Profile'],
        [48, 60, 'NAME, Harbor Light Accounting Services'],
        [48, 72, 'CUSTOMER: Co.'],
        [120, 86, 'Location 1 - Shop'],
        [48, 100, 'ACCOUNT Active'],
      ],
      'ocr',
    );
    const r = review(csr, csrReading('Location 1 Shop', 86, 0.41));
    expect(nameLooks(r)).toEqual([]);
    expect(codes(r)).not.toContain('ENTITY_NAME_MISMATCH');
  });

  it("a heading's word read as the name, the name under its own caption: no look", () => {
    const csr = page(
      [
        [48, 40, 'CSR INQUIRY RESPONSE'],
        [48, 60, 'ACCT NAME HARBOR LIGHT ACCOUNTING SERVICES,'],
        [48, 74, 'CO.'],
      ],
      'ocr',
    );
    const r = review(csr, csrReading('RESPONSE', 40, 0.49));
    expect(nameLooks(r)).toEqual([]);
    expect(codes(r)).not.toContain('ENTITY_NAME_MISMATCH');
  });

  it('a CSR that names another business (its reading as unsure) is still raised', () => {
    const csr = page(
      [
        [48, 40, 'CUSTOMER SERVICE RECORD'],
        [48, 80, 'NAME. LAKEVIEW DENTAL GROUP LLC'],
        [48, 120, 'ACCT STAT ACTIVE'],
      ],
      'ocr',
    );
    const r = review(csr, csrReading('LAKEVIEW DENTAL GROUP LLC', 80, 0.35));
    expect(codes(r).includes('ENTITY_NAME_MISMATCH') || nameLooks(r).length > 0).toBe(true);
    expect(r.fields.account_name.verdict).not.toBe('match');
    expect(r.fields.account_name.verdict).not.toBe('equivalent');
  });

  it("a garbled reading on a CSR that writes the agreed name nowhere stays a look (the CSR's words do not say it)", () => {
    const csr = page(
      [
        [48, 40, 'CUSTOMER SERVICE RECORD'],
        [48, 100, 'LN AME HLASC SHOP'],
        [48, 120, 'ACCT STAT ACTIVE'],
      ],
      'ocr',
    );
    const r = review(csr, csrReading('AME HLASC SHOP', 100, 0.29));
    expect(nameLooks(r).length).toBe(1);
  });

  it('a garbled reading the CSR read surely is what it says: no setting aside', () => {
    const csr = page(
      [
        [48, 40, 'CUSTOMER SERVICE RECORD'],
        [48, 80, 'NAME. HARBOR LIGHT ACCOUNTING SERVICES CO.'],
        [48, 100, 'LN AME HLASC SHOP'],
      ],
      'ocr',
    );
    const r = review(csr, csrReading('AME HLASC SHOP', 100, 0.97));
    expect(r.fields.account_name.verdict).not.toBe('equivalent');
    expect(r.fields.account_name.verdict).not.toBe('match');
  });
});

describe('an LOA name reading that is only a legal form', () => {
  const csr = page(
    [
      [48, 40, 'CUSTOMER SERVICE RECORD'],
      [48, 60, 'Customer Name: Copper Canyon Tire & Wheel Corp'],
    ],
    'text',
  );
  for (const form of ['CORPORATION', 'L.L.C.', 'Inc.', 'P.C.']) {
    it(`"${form}" is no name that differs from the carrier's: a look, no ENTITY_NAME rejection`, () => {
      const r = run({
        loa: { account_name: fv(form, 0.72) },
        csr: { account_name: fv('Copper Canyon Tire & Wheel Corp', 0.99, [150, 60, 340, 70]) },
        pages: { csr },
      });
      expect(codes(r)).not.toContain('ENTITY_NAME_MISMATCH');
      expect(nameLooks(r).length).toBe(1);
      expect(nameLooks(r)[0]!.why).toMatch(/only a legal form/);
    });
  }

  it('an LOA naming another business with its legal form is still a rejection', () => {
    const r = run({
      loa: { account_name: fv('Mesa Verde Brewing Corporation', 0.97) },
      csr: { account_name: fv('Copper Canyon Tire & Wheel Corp', 0.99, [150, 60, 340, 70]) },
      pages: { csr },
    });
    expect(codes(r)).toContain('ENTITY_NAME_MISMATCH');
  });
});

describe('a name reading that opens with a joining word', () => {
  const csr = page([[48, 60, 'Customer Name: High Desert Title & Escrow Corporation']], 'text');
  for (const cut of ['and Escrow Corp.', '& Escrow Corporation', 'of Commerce LLC'])
    it(`"${cut}" on the LOA is a name cut short: a look, no ENTITY_NAME rejection`, () => {
      const r = run({
        loa: { account_name: fv(cut, 0.6) },
        csr: { account_name: fv('High Desert Title & Escrow Corporation', 0.99, [150, 60, 380, 70]) },
        pages: { csr },
      });
      expect(codes(r)).not.toContain('ENTITY_NAME_MISMATCH');
      expect(nameLooks(r)[0]?.why).toMatch(/the end of a name cut short/);
    });
});
