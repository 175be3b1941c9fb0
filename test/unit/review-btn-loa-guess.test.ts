/**
 * An LOA that never printed a BTN: the extractor's guess (the first of the numbers it lists, no BTN caption
 * recognised) is no value the LOA states. When the carrier's documents settle their BTN (under a caption)
 * and the guess is only the first line of the LOA's list, a line of the account, the LOA lacks a BTN — the
 * form warning to add the carrier's — and asks no look (TUNE: the largest group of looks for nothing). A
 * number the LOA prints under a caption no wording names as well as in its list, or a first number that is
 * no line of the account, stays a look: a real BTN difference must still be seen.
 * Documents are read by the extractor from their words, in several wordings.
 */
import { describe, expect, it } from 'vitest';
import { extractFields } from '../../electron/core/extract/index.js';
import type { PageText } from '../../shared/domain/document.js';
import { codes, run } from '../helpers/compare.js';
import { pageOfLines as page } from '../helpers/pages.js';

const BTN = 'BTN_ATN_MISMATCH';

function review(loa: PageText[], csr: PageText[], invoice?: PageText[]) {
  const read = {
    loa: extractFields(loa, 'loa').fields,
    csr: extractFields(csr, 'csr').fields,
    ...(invoice ? { invoice: extractFields(invoice, 'invoice').fields } : {}),
  };
  return { read, r: run({ ...read, pages: { loa, csr, ...(invoice ? { invoice } : {}) } }) };
}
const btnChecks = (r: ReturnType<typeof run>) => r.checks.filter((c) => c.field === 'btn');

/** An LOA that lists its numbers under a heading and names no BTN anywhere. */
const loaListing = (heading: string, numbers: string[], extra: [number, number, string][] = []) =>
  page([
    [40, 40, 'LETTER OF AUTHORIZATION'],
    [40, 70, 'Business name: Lakeview Dental Group LLC'],
    [40, 86, 'Service address: 410 Elm Street, Tulsa, OK 74103'],
    ...extra,
    [40, 120, heading],
    ...numbers.map((n, i): [number, number, string] => [60, 134 + 14 * i, n]),
    [40, 240, 'Authorized signature: Dana Whitfield'],
  ]);

const csrWithBtn = (caption: string, btn: string, lines: string[]) =>
  page([
    [40, 40, 'CUSTOMER SERVICE RECORD'],
    [40, 70, 'Customer: Lakeview Dental Group LLC'],
    [40, 86, `${caption} ${btn}`],
    [40, 110, 'Lines on the account'],
    ...lines.map((n, i): [number, number, string] => [60, 124 + 14 * i, `${n}   Active`]),
  ]);

const LINES = ['(918) 555-0142', '(918) 555-0105', '(918) 555-0163'];
const LISTINGS: [heading: string, numbers: string[]][] = [
  ['Numbers to port:', ['(918) 555-0142', '(918) 555-0163']],
  ['Telephone numbers to be ported', ['918.555.0142', '918.555.0105', '918.555.0163']],
  ['Please transfer the following numbers:', ['918-555-0163', '918-555-0142']],
];
const CAPTIONS = ['BTN:', 'Billing telephone number:', 'Billing Telephone No.'];

describe('an LOA that never printed a BTN, beside a CSR naming its BTN under a caption', () => {
  for (const [i, [heading, numbers]] of LISTINGS.entries())
    it(`"${heading}": no look — the LOA lacks a BTN (a form warning), never a rejection`, () => {
      const { read, r } = review(loaListing(heading, numbers), csrWithBtn(CAPTIONS[i]!, '(918) 555-0105', LINES));
      expect(read.loa.btn?.confidence).toBeLessThanOrEqual(0.3); // the extractor's first-number guess
      expect(btnChecks(r)).toEqual([]);
      expect(codes(r)).not.toContain(BTN);
      expect(r.fields.btn.verdict).toBe('missing');
      expect(r.risks.map((x) => x.code)).toContain(BTN);
      expect(r.fields.btn.proposed).toBe('+19185550105');
      expect(r.fields.btn.reason).toMatch(/LOA names no BTN: ".*" is the first of the numbers it lists/);
    });
});

describe('an LOA guess that may be a BTN the LOA prints: still a look', () => {
  it.each([
    ['Anchor number:', '(918) 555-0142'],
    ['Parent line:', '918.555.0142'],
    ['Account anchor:', '918-555-0142'],
  ])('"%s" beside the number, the number in its list too: a look', (caption, number) => {
    const loa = loaListing(
      'Numbers to port:',
      ['(918) 555-0142', '(918) 555-0163'],
      [[40, 102, `${caption} ${number}`]],
    );
    const { read, r } = review(loa, csrWithBtn('BTN:', '(918) 555-0105', LINES));
    expect(read.loa.btn?.confidence).toBeLessThanOrEqual(0.3); // a caption no wording names
    expect(r.fields.btn.verdict).not.toBe('missing');
    expect(btnChecks(r).length + codes(r).filter((c) => c === BTN).length).toBeGreaterThan(0);
  });

  it.each(LISTINGS)('"%s", its first number no line of the account: a look', (heading, numbers) => {
    const loa = loaListing(heading, ['(918) 555-0199', ...numbers]);
    const { read, r } = review(loa, csrWithBtn('BTN:', '(918) 555-0105', LINES));
    expect(read.loa.btn?.confidence).toBeLessThanOrEqual(0.3);
    expect(r.fields.btn.verdict).toBe('check');
  });

  it('a CSR whose BTN is itself a guess settles nothing: a look', () => {
    const csr = page([
      [40, 40, 'CUSTOMER SERVICE RECORD'],
      [40, 70, 'Customer: Lakeview Dental Group LLC'],
      [40, 110, 'Lines on the account'],
      ...['(918) 555-0105', '(918) 555-0142', '(918) 555-0163'].map((n, i): [number, number, string] => [
        60,
        124 + 14 * i,
        `${n}   Active`,
      ]),
    ]);
    const { r } = review(loaListing('Numbers to port:', ['(918) 555-0142', '(918) 555-0163']), csr);
    expect(r.fields.btn.verdict).toBe('check');
  });
});

describe('an LOA guess standing beside a caption no wording names, a line of the account printed once', () => {
  it.each([
    ['Parent line:', '918-555-0163'],
    ['Keystone line:', '(918) 555-0163'],
    ['Anchor no. -', '918.555.0163'],
  ])('"%s %s": still a look (the caption may name it the BTN)', (caption, number) => {
    const loa = loaListing('Numbers to port:', ['(918) 555-0142'], [[40, 102, `${caption} ${number}`]]);
    const { read, r } = review(loa, csrWithBtn('BTN:', '(918) 555-0105', LINES));
    expect(read.loa.btn?.confidence).toBeLessThanOrEqual(0.3);
    expect(r.fields.btn.verdict).toBe('check');
  });
});
