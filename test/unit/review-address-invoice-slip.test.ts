/**
 * A look the review asked on a bad-scan dev port where nothing differed (TUNE, fresh wordings, heavy scans):
 * the invoice's service-address reading one OCR slip from the LOA's ("405B" for 4058, the same letters as
 * written) while the CSR, its own reading a tag row's letters, writes the LOA's address in full outside its
 * billing blocks — between captions its parser reads into the city ("CITY STATE ZIP"): the CSR agrees with
 * the LOA and the invoice, so there is nothing to look at.
 */
import { describe, expect, it } from 'vitest';
import { addr, codes, fv, run } from '../helpers/compare.js';
import { pageOfLines as page } from '../helpers/pages.js';

describe("an invoice's address one OCR slip from the LOA's, the CSR writing the LOA's in full", () => {
  const ks = (street: string, unit: string, zip: string, city = 'Overland Park') => ({
    ...addr(street, city, 'KS', zip, unit),
  });
  const loa = { service_address: fv(ks('4058 Martin Luther King Jr Ter', 'Ste 33', '66225'), 0.69) };
  const invoice = { service_address: fv(ks('405B Martin Luther King Jr Ter', 'Ste 33', '66225'), 0.85) };
  const csrReading = { service_address: fv(ks('SANO SASD', '33', '66210'), 0.43) };
  const WORDINGS = [
    ['SVC ADDR', '4058 MARTIN LUTHER KING JR. TER STE 33 CITY STATE ZIP OVERLAND PARK KS 66Z25'],
    ['LOCATION', '4058 MARTIN LUTHER KING JR TER STE 33 CTY ST ZIP OVERLAND PARK KS 66225'],
    ['PREMISES', '4058 Martin Luther King Jr Ter Ste 33 City/State/Zip Overland Park KS 66225'],
  ] as const;
  const csrPage = (caption: string, line: string, billing = false) =>
    page(
      [
        [40, 40, 'CUSTOMER SERVICE RECORD'],
        [40, 60, 'ACCOUNT 300-253-4377-01'],
        [40, 80, billing ? 'BILLING ADDRESS' : caption],
        [40, 94, line],
        [40, 120, 'TN 913 555 0112 WKG'],
      ],
      'ocr',
    );
  for (const [caption, line] of WORDINGS)
    it(`CSR "${caption}" row: the CSR agrees with the LOA and the invoice — no look, no rejection`, () => {
      const r = run({ loa, invoice, csr: csrReading, pages: { csr: csrPage(caption, line) } });
      expect(r.checks.filter((c) => c.field === 'service_address')).toEqual([]);
      expect(codes(r)).not.toContain('LOCATION_MISMATCH');
      expect(r.fields.service_address.verdict).toBe('match');
    });

  it("…but the LOA's address written only in the CSR's billing block settles nothing: a look", () => {
    const r = run({ loa, invoice, csr: csrReading, pages: { csr: csrPage('', WORDINGS[0][1], true) } });
    expect(r.fields.service_address.verdict).toBe('check');
  });
});
