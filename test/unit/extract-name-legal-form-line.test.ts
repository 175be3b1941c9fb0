import { describe, expect, it } from 'vitest';
import { extractFields } from '../../electron/core/extract/index.js';
import { pageOf, type TextLine } from '../fixtures/generator/handmade.js';
import { ocrWords } from '../helpers/pages.js';

/*
 * An LOA's business name wrapped over the lines of a narrow cell, down to its legal form alone on the
 * last line ("High Desert Print" / "Services Sign" / "L.L.C."): the whole name is read, even when a line
 * in between reads like a caption of its own ("… Sign"), and never past the next row. Wordings and
 * layouts written for this test (not the generator's).
 */

const nameOf = (pages: ReturnType<typeof pageOf>[]) => extractFields(pages, 'loa').fields.account_name?.value;

/** A grid of captions over their values: the name's cell, the signer's beside it, a next row under it. */
function grid(caption: string, nameLines: string[]): TextLine[] {
  return [
    [208, 41, 'LETTER OF AGENCY'],
    [51, 85, caption],
    [184, 85, 'Person Authorizing'],
    [318, 85, 'Title'],
    ...nameLines.map((t, i): TextLine => [53, 97 + 12.5 * i, t]),
    [186, 97, 'Elizabeth Morales'],
    [320, 97, 'President'],
    [51, 150, 'Account Nr.'],
    [184, 150, 'Billing Phone No.'],
    [53, 162, 'CUS-T61-471902'],
    [186, 162, '(859) 863-4467'],
    [51, 195, 'Where Service Is Located'],
    [53, 207, '68 Cypress St Bldg 1'],
    [53, 219, 'Lexington, KY 40574-5434'],
  ];
}

/** Label-left rows: the name's caption with its value beside it, the next caption under the name. */
function rows(caption: string, nameLines: string[]): TextLine[] {
  return [
    [200, 41, 'Authorization to Port'],
    [48, 90, caption],
    ...nameLines.map((t, i): TextLine => [190, 90 + 12 * i, t]),
    [48, 90 + 12 * nameLines.length + 8, 'Authorized Signer:'],
    [190, 90 + 12 * nameLines.length + 8, 'Dana Whitfield'],
    [48, 90 + 12 * nameLines.length + 28, 'Account Number:'],
    [190, 90 + 12 * nameLines.length + 28, '4471 2290 15'],
  ];
}

describe('a name wrapped over three lines down to its legal form alone', () => {
  for (const [caption, lines] of [
    ['Subscriber', ['High Desert Print', 'Services Sign', 'L.L.C.']],
    ['Customer Name', ['Blue Mesa Graphics', 'Print & Sign', 'Inc.']],
    ['Business', ['North Fork Auto', 'Glass Services', 'LLC']],
  ] as const)
    it(`captions over values: "${lines.join('" / "')}" under "${caption}"`, () => {
      expect(nameOf([pageOf(grid(caption, [...lines]))])).toBe(lines.join(' '));
    });

  for (const [caption, lines] of [
    ['Business Name:', ['High Desert Print', 'Services Sign', 'L.L.C.']],
    ['Company:', ['Lakeshore Fence', 'Repair Services', 'Llc']],
  ] as const)
    it(`caption beside the value: "${lines.join('" / "')}" beside "${caption}"`, () => {
      expect(nameOf([pageOf(rows(caption, [...lines]))])).toBe(lines.join(' '));
    });

  it('an OCR read of the grid (words placed one by one, a little off the column)', () => {
    const words: [number, number, string, number][] = [
      [208, 41, 'LETTER', 52],
      [264, 41, 'OF', 18],
      [286, 41, 'AGENCY', 56],
      [51, 85, 'Subscriber', 58],
      [184, 85, 'Person', 36],
      [224, 85, 'Authorizing', 64],
      [53, 97, 'High', 26],
      [83, 97, 'Desert', 38],
      [125, 97, 'Print', 28],
      [186, 97, 'Elizabeth', 52],
      [242, 97, 'Morales', 44],
      [54, 110, 'Services', 48],
      [106, 110, 'Sign', 24],
      [52, 122, 'L.L.C.', 32],
      [51, 150, 'Account', 44],
      [99, 150, 'Nr.', 18],
      [53, 162, 'CUS-T61-471902', 88],
    ];
    expect(nameOf(ocrWords(words))).toBe('High Desert Print Services Sign L.L.C.');
  });

  it('the next row under the name is not taken, though it ends with a legal form', () => {
    // the line under the name's first line opens in the caption's column: another row, whatever follows
    const page = pageOf([
      [200, 41, 'Authorization to Port'],
      [48, 90, 'Business Name:'],
      [190, 90, 'Harbor Light Marine'],
      [48, 102, 'Sign'],
      [190, 102, 'here'],
      [190, 114, 'LLC'],
      [48, 140, 'Account Number:'],
      [190, 140, '4471 2290 15'],
    ]);
    expect(nameOf([page])).toBe('Harbor Light Marine');
  });
});

describe('a name wrapped over two lines, the second only its legal form', () => {
  for (const form of ['LLC', 'L.L.C.', 'Llc', 'Inc.', 'P.C.'])
    it(`"Harbor Light Marine Supply" / "${form}"`, () => {
      expect(nameOf([pageOf(grid('Subscriber', ['Harbor Light Marine Supply', form]))])).toBe(
        `Harbor Light Marine Supply ${form}`,
      );
      expect(nameOf([pageOf(rows('Legal name of business:', ['Harbor Light Marine Supply', form]))])).toBe(
        `Harbor Light Marine Supply ${form}`,
      );
    });
});
