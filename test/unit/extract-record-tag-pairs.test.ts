/**
 * A record's line of tag and value pairs: the PIN's tag after other pairs, whether the printer set the pairs
 * apart by wide gaps (a cell each, the one before holding a tag of two words: "MAIN TN 915.555.0104 |
 * PSWD 6005") or by single spaces ("… MAIN TN 843.555.0116 PC 7510", a PIN's initials closing the line).
 * A two-letter tag before a state's ZIP or a non-PIN value stays no PIN.
 *
 * Every wording, name and number below is ours (none from a generator pool); each page is synthetic.
 */
import { describe, expect, it } from 'vitest';
import { extractFields } from '../../electron/core/extract/index.js';
import { pageOf, type TextLine } from '../fixtures/generator/handmade.js';

const MONO = { font: 'mono' as const, size: 8 };
const fieldsOf = (cells: [number, string][], rest: string[] = []) => {
  const lines: TextLine[] = [
    [36, 56, 'NORTHFIELD TEL        SERVICE RECORD', MONO],
    [36, 66.4, 'DT 2026-02-04                    PG 1', MONO],
    ...cells.map(([x, t]): TextLine => [x, 86, t, MONO]),
    [36, 96.4, 'CUS  Alder Brook Pottery LLC', MONO],
    ...rest.map((t, k): TextLine => [36, 106.8 + 10.4 * k, t, MONO]),
    [36, 160, 'TN 507.555.0188     1FB   BUS LINE FLAT     QTY 1', MONO],
  ];
  return extractFields([pageOf(lines)], 'csr').fields;
};

describe('a PIN tag after a pair whose tag has two words, a cell each', () => {
  for (const [tag, pin] of [
    ['PSWD', '6005'],
    ['PASSCD', '71204'],
    ['PIN', '4471'],
  ] as const)
    for (const before of ['MAIN TN 507.555.0188', 'BILL TN 507.555.0188'])
      it(`"ACCT# 621-377-9170-11 | ${before} | ${tag} ${pin}"`, () => {
        const f = fieldsOf([
          [36, 'ACCT# 621-377-9170-11'],
          [200, before],
          [360, `${tag} ${pin}`],
        ]);
        expect(f.pin?.value).toBe(pin);
        expect(f.btn?.value).toBe('+15075550188');
      });
});

describe("a PIN's initials closing a line of pairs set apart by single spaces", () => {
  for (const [tag, pin] of [
    ['PC', '7510'],
    ['PC', '95929473'],
    ['SC', '4412'],
  ] as const)
    it(`"BILL ACCT 6503 23 609 7298519 MAIN TN 507.555.0188 ${tag} ${pin}"`, () => {
      const f = fieldsOf([[36, `BILL ACCT 6503 23 609 7298519 MAIN TN 507.555.0188 ${tag} ${pin}`]]);
      expect(f.pin?.value).toBe(pin);
      // initials, not a listed tag: a PIN read from them is no near-certain reading
      expect(f.pin?.confidence).toBeLessThan(0.9);
    });

  it('two capitals before a ZIP, or before a value with letters, are no PIN', () => {
    for (const tail of ['SC 29487', 'PC WKG1', 'MN 55401'])
      expect(fieldsOf([[36, `BILL ACCT 6503 23 609 7298519 MAIN TN 507.555.0188 ${tail}`]]).pin).toBeUndefined();
  });
});
