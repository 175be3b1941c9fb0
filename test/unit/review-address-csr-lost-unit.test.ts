/**
 * The CSR's reading of the service address lost, the invoice's the reference: before asserting that the LOA's
 * unit (or another part) is not the carrier's, the review looks on the CSR's page inside its service-address
 * region. The CSR writing the LOA's address there gives it (the carrier's record); writing only the LOA's
 * differing part there (a scan's garbled street) makes the difference a look; a CSR that writes the invoice's
 * address without the unit leaves the difference standing.
 */
import { describe, expect, it } from 'vitest';
import type { PageText } from '../../shared/domain/document.js';
import { addr, codes, fv, run } from '../helpers/compare.js';
import { pageOfLines as page } from '../helpers/pages.js';

const LOCATION = 'LOCATION_MISMATCH';
const loaPage = (line1: string) =>
  page([
    [40, 40, 'LETTER OF AUTHORIZATION'],
    [40, 70, 'Business name: Lakeview Dental Group LLC'],
    [40, 86, `Service address: ${line1}`],
    [40, 98, 'Tulsa, OK 74103'],
  ]);
const invoicePage = page([
  [40, 40, 'INVOICE'],
  [40, 70, 'Service address: 410 Elm Street'],
  [40, 82, 'Tulsa, OK 74103'],
  [40, 120, 'Monthly charges  $212.40'],
]);
const csrPage = (caption: string, line1: string, line2: string): PageText[] =>
  page(
    [
      [40, 40, 'CUSTOMER SERVICE RECORD'],
      [40, 60, 'Customer: LAKEVIEW DENTAL GROUP LLC'],
      [40, 80, `${caption} ${line1}`],
      [40, 92, line2],
      [40, 130, 'Lines: 918-555-0142'],
    ],
    'ocr',
  );
const UNITS: [loaLine: string, unit: string, csrUnit: string][] = [
  ['410 Elm Street Suite 200', 'Suite 200', 'STE 200'],
  ['410 Elm Street Floor 3', 'Floor 3', 'FL 3'],
  ['410 Elm Street Unit 12B', 'Unit 12B', 'UNIT 12B'],
];
const CAPTIONS = ['Service Address:', 'Svc Addr:', 'Service Location:'];

function review(loaLine: string, unit: string, csr: PageText[]) {
  return run({
    loa: { service_address: fv(addr('410 Elm Street', 'Tulsa', 'OK', '74103', unit), 0.95) },
    invoice: { service_address: fv(addr('410 Elm Street', 'Tulsa', 'OK', '74103'), 0.9) },
    pages: { loa: loaPage(loaLine), invoice: invoicePage, csr },
  });
}

describe("the CSR's address reading lost, its page giving the LOA's unit", () => {
  for (const [i, [loaLine, unit, csrUnit]] of UNITS.entries()) {
    it(`"${CAPTIONS[i]} 410 ELM ST ${csrUnit}": the CSR gives the LOA's address — no rejection, no look`, () => {
      const r = review(loaLine, unit, csrPage(CAPTIONS[i]!, `410 ELM ST ${csrUnit}`, 'TULSA OK 74103'));
      expect(codes(r)).not.toContain(LOCATION);
      expect(r.checks.filter((c) => c.field === 'service_address')).toEqual([]);
      expect(r.fields.service_address.reason).toMatch(/The CSR shows .* under its service address label/);
    });
    it(`"${CAPTIONS[i]}" a garbled street with the LOA's ${csrUnit}: a look, not an asserted difference`, () => {
      const r = review(loaLine, unit, csrPage(CAPTIONS[i]!, `4l0 EIm Sr ${csrUnit}`, 'TULSA OK 74103'));
      expect(codes(r)).not.toContain(LOCATION);
      expect(r.fields.service_address.verdict).toBe('check');
      expect(r.fields.service_address.reason).toMatch(
        /CSR's service address was not read, and its service address label gives the LOA's unit/,
      );
    });
    it(`"${CAPTIONS[i]}" the invoice's address without the unit: the LOA's unit is the difference`, () => {
      const r = review(loaLine, unit, csrPage(CAPTIONS[i]!, '410 ELM ST', 'TULSA OK 74103'));
      expect(codes(r)).toContain(LOCATION);
    });
  }
});
