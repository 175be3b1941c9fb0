/**
 * A bill printed two pages per landscape sheet (two-up.ts; the dev stand-in inv-2up, standin-ac.ts, imitates
 * such sheets): the left half's summary and the right half's detail stand on the same baselines a gutter
 * apart, and the sheet is read as its two pages one after the other, so the calls to other numbers in the
 * right page's usage table stay in that table. And a landscape table whose column gap happens to fall on the
 * centre line is one page. Wordings, names and numbers below are ours; the pages are synthetic.
 */
import { describe, expect, it } from 'vitest';
import { extractFields } from '../../electron/core/extract/index.js';
import { recastTwoUp } from '../../electron/core/extract/two-up.js';
import type { PageText } from '../../shared/domain/document.js';
import { layoutWords, PageBuilder } from '../fixtures/generator/layout.js';
import { generateRandom } from '../fixtures/generator/random.js';

const S = { font: 'sans' as const, size: 7 };
type Row = [x: number, text: string];

/** A landscape sheet: rows of [x, text] cells at a shared baseline each (a row may hold both halves' lines). */
function sheet(rows: Row[][], top = 40, lead = 11): PageText {
  const p = new PageBuilder(792, 612);
  rows.forEach((cells, i) => {
    for (const [x, t] of cells) p.text(x, top + i * lead, t, S);
  });
  return layoutWords({ pages: [p.build()] })[0]!;
}

const R = 420; // the right page's left margin (the sheet's centre is 396)
const TWO_UP: Row[][] = [
  [
    [30, 'Bitterroot Telephone Cooperative'],
    [R, 'Bitterroot Telephone Cooperative   Account 55-20931-7'],
  ],
  [
    [30, 'Account Summary'],
    [R, 'Charges by Line'],
  ],
  [
    [30, 'Account Number: 55-20931-7'],
    [R, '406-555-0131'],
    [R + 80, 'Business Line'],
    [R + 200, '$42.10'],
  ],
  [
    [30, 'Statement Date: 02/14/2026'],
    [R, '406-555-0169'],
    [R + 80, 'Fax Line'],
    [R + 200, '$18.00'],
  ],
  [
    [30, 'Amount Due: $212.40'],
    [R, 'Long Distance Calls'],
  ],
  [
    [30, 'Due Date: 03/09/2026'],
    [R, '01/22/26'],
    [R + 50, '303-555-0114'],
    [R + 130, '12 min'],
    [R + 200, '$0.84'],
  ],
  [
    [30, 'Aspen Grove Dental Studio'],
    [R, '01/25/26'],
    [R + 50, '720-555-0192'],
    [R + 130, '3 min'],
    [R + 200, '$0.21'],
  ],
  [
    [30, '219 Kettle Pond Rd'],
    [R, '01/29/26'],
    [R + 50, '303-555-0150'],
    [R + 130, '41 min'],
    [R + 200, '$2.87'],
  ],
  [[30, 'Hamilton, MT 59840']],
  [[30, 'Service Address: 219 Kettle Pond Rd, Hamilton, MT 59840']],
  [
    [150, 'Page 1 of 2'],
    [R + 120, 'Page 2 of 2'],
  ],
];

describe('two bill pages on one landscape sheet', () => {
  it('reads the halves one after the other: the right page’s calls are not the account’s numbers', () => {
    const f = extractFields([sheet(TWO_UP)], 'invoice').fields;
    expect(f.account_number?.value).toBe('55-20931-7');
    expect([...(f.phone_numbers?.value ?? [])].sort()).toEqual(['+14065550131', '+14065550169']);
  });

  it('is one page where a landscape table’s column gap falls on the centre line', () => {
    const table: Row[][] = [
      [
        [30, 'Account      BTN            Customer'],
        [R, 'Service Address         City       ST   ZIP'],
      ],
      ...['0131', '0169', '0177', '0188'].map((n): Row[] => [
        [30, `55-20931-7   406-555-${n}   Aspen Grove Dental`],
        [R, '219 Kettle Pond Rd      Hamilton   MT   59840'],
      ]),
    ];
    expect(recastTwoUp([sheet(table)])).toBeNull();
  });

  it('reads the stand-in family’s numbers on a few dev seeds', () => {
    for (const seed of [42102, 42104, 42112, 42122]) {
      const fx = generateRandom(seed, { family: 'inv-2up' });
      const f = extractFields(fx.pages, 'invoice').fields;
      expect([...(f.phone_numbers?.value ?? [])].sort(), `seed ${seed}`).toEqual([...fx.truth.phone_numbers!].sort());
    }
  });
});
