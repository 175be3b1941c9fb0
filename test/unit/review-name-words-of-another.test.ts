import { describe, expect, it } from 'vitest';
import { codes, fv, run } from '../helpers/compare.js';
import { pageOfLines as page } from '../helpers/pages.js';

/*
 * An LOA read with low confidence is settled by its own words: when the carrier's name is nowhere on it,
 * the LOA's other name is a difference the carrier will reject. The carrier's name words with its legal
 * form taken off ("Mesa Verde Brewing" of "MESA VERDE BREWING COMPANY PA") written as the opening words of
 * the LOA's longer name ("Mesa Verde Brewing Group P.A.") are not the carrier's name written there: the
 * ENTITY difference is asserted, not left as a look. Where the LOA does write the carrier's name whole —
 * its legal form spelt otherwise, or nothing after it — the doubt stays (a check, never a silent match).
 */

type Line = [number, number, string];

const loaCase = (loaName: string, carrierName: string, loaLines: string[]) =>
  run({
    loa: { account_name: fv(loaName, 0.62, [72, 96, 400, 108]) },
    invoice: { account_name: fv(carrierName, 0.9) },
    csr: { account_name: fv(carrierName.toUpperCase(), 0.97) },
    pages: {
      loa: page(
        loaLines.map((text, k): Line => [72, 60 + k * 16, text]),
        'text',
      ),
    },
  });

// [shape, the LOA's name, the carrier's name (another business word where the LOA has one more)]
const SHAPES: [string, string, string][] = [
  [
    'another business word before the same legal form',
    'Mesa Verde Brewing Group P.A.',
    'Mesa Verde Brewing Company, P.A.',
  ],
  ['a business word more, no legal form', 'Harbor Point Dental Care Associates', 'Harbor Point Dental Co.'],
  [
    'a place word more, legal form spelt out',
    'Copper Kettle Catering Tucson Incorporated',
    'Copper Kettle Catering Co.',
  ],
];

const letter = (name: string) => [
  'Re: Letter of Authorization',
  `On behalf of ${name}, I, Carlos Reyes, Managing Partner, give Telnyx LLC permission`,
  'to act as our agent to port the numbers listed in this letter.',
  'Regards, Carlos Reyes',
  `Managing Partner, ${name}`,
];

describe("the carrier's name words opening the LOA's longer name are not the carrier's name", () => {
  for (const [shape, loaName, carrierName] of SHAPES)
    it(`${shape}: ENTITY_NAME_MISMATCH asserted`, () => {
      const r = loaCase(loaName, carrierName, letter(loaName));
      expect(codes(r)).toContain('ENTITY_NAME_MISMATCH');
      expect(r.fields.account_name.verdict).toBe('mismatch');
    });
});

describe("the carrier's name written whole on the unsure LOA keeps the doubt", () => {
  for (const [shape, loaName, carrierName] of SHAPES) {
    const letterhead = carrierName.toUpperCase().replace(/[.,]/g, '');
    it(`${shape}: "${letterhead}" on the letterhead — a check, not asserted`, () => {
      const r = loaCase(loaName, carrierName, [letterhead, ...letter(loaName)]);
      expect(codes(r)).not.toContain('ENTITY_NAME_MISMATCH');
      expect(r.checks.some((c) => c.field === 'account_name')).toBe(true);
    });
  }
});
