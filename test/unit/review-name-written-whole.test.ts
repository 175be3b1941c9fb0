import { describe, expect, it } from 'vitest';
import { codes, fv, run } from '../helpers/compare.js';
import { pageOfLines as page } from '../helpers/pages.js';

/*
 * The LOA's business name counts as written on a carrier document only where the page writes it as a
 * whole name: bounded by the line's or cell's edge, a caption, punctuation that ends a name, or its legal
 * form. Its words inside a longer name ("Prairie Wind Brewing" of "Prairie Wind Brewing Supply LLC") are
 * another business: the CSR's unsure reading of that longer name is still a difference (asserted or a
 * check) even where the invoice agrees with the LOA — never settled as a match on the CSR "writing" the
 * invoice's name. Where the page writes the LOA's name whole (the CSR's reader cut it short, or the legal
 * form is written otherwise), it stays a match.
 */

type Line = [number, number, string];

/** The LOA and the invoice agree; the scanned CSR's account name was read with low confidence. */
const csrCase = (name: string, csrReading: string, nameLines: Line[]) =>
  run({
    loa: { account_name: fv(name, 0.97) },
    invoice: { account_name: fv(name, 0.9) },
    csr: { account_name: fv(csrReading, 0.62, [120, 60, 420, 70]) },
    pages: {
      csr: page(
        [
          [48, 30, 'CUSTOMER SERVICE RECORD'],
          ...nameLines,
          [48, 140, 'Account Number: 866063747'],
          [48, 160, 'Service Address: 1400 W Grant Rd, Tucson, AZ 85745'],
        ],
        'ocr',
      ),
    },
  });

const difference = (r: ReturnType<typeof run>) =>
  codes(r).includes('ENTITY_NAME_MISMATCH') || r.checks.some((c) => c.field === 'account_name');

// [shape, the LOA's and invoice's name, the CSR's longer name, the CSR's lines with {name} for it]
const SHAPES: [string, string, string, string[]][] = [
  [
    'a grid row, the name in its cell, another column beside',
    'Prairie Wind Brewing LLC',
    'Prairie Wind Brewing Supply LLC',
    ['Name                                    Type', '{name}          Business'],
  ],
  [
    'under a heading, the legal form written otherwise, a city in the next cell',
    'Copper Kettle Catering Company',
    'Copper Kettle Catering Services Co.',
    ['SERVICE FOR', '{name}     Tucson AZ'],
  ],
  [
    'after a caption, a place word before the legal form',
    'Mesa Verde Bakery & Cafe LLC',
    'Mesa Verde Bakery & Cafe Tucson LLC',
    ['Customer Name: {name}'],
  ],
  [
    'after a caption, a business word before the name words',
    'Harbor Point Dental Group LLC',
    'North Harbor Point Dental Group LLC',
    ['Account Name: {name}'],
  ],
];

const lines = (shape: string[], name: string): Line[] =>
  shape.map((text, k): Line => [48, 60 + k * 14, text.replace('{name}', name)]);

describe("the LOA's name inside a longer name on the CSR is not written there", () => {
  for (const [shape, name, longer, layout] of SHAPES)
    it(`${shape}: a difference (asserted or a check), not a match`, () => {
      const r = csrCase(name, longer, lines(layout, longer));
      expect(r.fields.account_name.verdict).not.toBe('match');
      expect(r.fields.account_name.verdict).not.toBe('equivalent');
      expect(difference(r)).toBe(true);
    });
});

describe("the LOA's name written whole on the CSR still settles an unsure reading", () => {
  for (const [shape, name, , layout] of SHAPES) {
    // the CSR writes the name (its legal form as the carrier writes it), its reader cut it short
    const written = name.replace(/ Company$/, ' Co.');
    const cut = name.split(' ').slice(0, 2).join(' ');
    it(`${shape}: the reading "${cut}" cut short — no ENTITY_NAME_MISMATCH, no look`, () => {
      const r = csrCase(name, cut, lines(layout, written));
      expect(codes(r)).not.toContain('ENTITY_NAME_MISMATCH');
      expect(r.checks.filter((c) => c.field === 'account_name')).toEqual([]);
    });
  }
});
