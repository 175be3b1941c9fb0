import { describe, expect, it } from 'vitest';
import { addr, codes, fv, run } from '../helpers/compare.js';
import { pageOfLines as page } from '../helpers/pages.js';

/*
 * Guided verification looks on the CSR's page for the LOA's address when the CSR's own reading is unsure.
 * A block there that writes the CSR reading's unit number as a bare word (OCR lost its designator: "996 OLD
 * MILLTERRACE 871 SAN ANTONIO TX 78251" for "… UNIT 871") holds that unit: it shows no address without it,
 * so the unit the LOA leaves out stays a difference instead of a match.
 */

const csr = (caption: string, line: string) =>
  page(
    [
      [48, 40, 'CUSTOMER SERVICE RECORD'],
      [48, 60, caption],
      [48, 74, line],
    ],
    'ocr',
  );

const review = (caption: string, line: string, loaStreet = '996 Old Mill Terrace') =>
  run({
    loa: { service_address: fv(addr(loaStreet, 'San Antonio', 'TX', '78251'), 0.54) },
    csr: {
      service_address: fv(
        addr('996 OLD MILLTERRACE', 'SAN ANTONIO', 'TX', '78251', 'UNIT 871'),
        0.61,
        [48, 74, 300, 84],
      ),
    },
    pages: { csr: csr(caption, line) },
  });

describe("a CSR block that writes the unit's number without its designator", () => {
  const wordings: [caption: string, line: string][] = [
    ['SERVICE ADDRESS', '996 OLD MILLTERRACE 871 SAN ANTONIO TX 78251'],
    ['Service location:', '996 OLD MILLTERRACE 871 SAN ANTONIO, TX 78251'],
  ];
  for (const [caption, line] of wordings)
    it(`"${line}": the unit the LOA lacks is no match`, () => {
      const r = review(caption, line);
      expect(r.fields.service_address.verdict).not.toBe('match');
      expect(codes(r).includes('LOCATION_MISMATCH') || r.checks.some((c) => c.field === 'service_address')).toBe(true);
    });

  it('a block that writes no unit number at all still shows the LOA address (as before)', () => {
    expect(review('SERVICE ADDRESS', '996 OLD MILLTERRACE SAN ANTONIO TX 78251').fields.service_address.verdict).toBe(
      'match',
    );
  });
});
