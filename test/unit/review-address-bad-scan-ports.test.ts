import { describe, expect, it } from 'vitest';
import { codes } from '../helpers/compare.js';
import { devBadScanPort, reviewPort } from '../bench/review-ports.js';

/*
 * Dev bad-scan ports (FRESH tune wordings, every document a heavy scan) whose planted service-address
 * difference was asked as a look, each pinned with the stand-in draw it was found under: a caption wrapped
 * over two lines ("Service" over "Premises:"), a CSR reading the invoice agrees with, a CSR reading of a phone
 * number's groups, a unit the LOA writes as "Suite". And one port whose invoice reading cut the CSR's street
 * short ("19503 West"), once taken for the CSR's own block: its ZIP differs, its street does not.
 */
const LOCATION = 'LOCATION_MISMATCH';

describe('planted service-address differences on bad scans are predicted rejections', () => {
  for (const [seed, standins, shape] of [
    [29013, 0, 'the invoice’s caption wrapped over two lines, the address beside its first'],
    [29269, 36, 'the CSR and the invoice give the same house number; the CSR read its city short'],
    [29116, 24, 'the CSR and the invoice give the same street, each glued otherwise'],
    [29277, 24, 'the CSR read a phone number’s groups as its street line'],
    [29048, 24, 'a unit only the LOA gives, written "Suite"'],
    [29071, 18, 'the CSR’s address row beside its label tilted, its end grouped with the line below'],
  ] as const)
    it(`dev port ${seed}: ${shape}`, () => {
      const p = devBadScanPort(seed, 'tune', standins);
      expect(p.planted.map((x) => x.code)).toContain(LOCATION);
      expect(codes(reviewPort(p))).toContain(LOCATION);
    });
});

describe("an invoice reading that cut the CSR's street short is no other block of the CSR", () => {
  it('dev port 29093: the ZIP that differs is a rejection, the street no LOCATION_MISMATCH', () => {
    const p = devBadScanPort(29093, 'tune', 0);
    const r = reviewPort(p);
    expect(codes(r)).not.toContain(LOCATION);
    expect(codes(r)).toContain('POSTAL_CODE_MISMATCH');
  });
});
