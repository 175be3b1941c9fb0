/**
 * BTN looks the review asked on bad-scan dev ports where nothing differed (TUNE, fresh wordings, heavy scans):
 * - a CSR that names no BTN (its reading the extractor's first-number guess, no BTN label recognised)
 *   beside an invoice that names one under its label: the invoice's BTN is the carrier's, the guess no
 *   value to hold the LOA against. Two guesses stay a look: a BTN under a caption no wording names is
 *   guessed right as often as not, and a planted difference must keep its look. An LOA's own guess that is
 *   only the first line of its list is an LOA without a BTN (review-btn-loa-guess.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { codes, fv, run } from '../helpers/compare.js';
import { pageOfLines as page } from '../helpers/pages.js';

const BTN = 'BTN_ATN_MISMATCH';
const guess = (value: string) => ({
  ...fv(value, 0.3),
  candidates: [{ ...fv(value, 0.3), why: { source: 'layout' as const } }],
});
const labelled = (value: string, label: string, confidence = 0.9) => ({
  ...fv(value, confidence),
  candidates: [{ ...fv(value, confidence), why: { source: 'label' as const, label } }],
});
const btnChecks = (r: ReturnType<typeof run>) => r.checks.filter((c) => c.field === 'btn');

const LOA_BTN_0105 = page([
  [40, 40, 'LETTER OF AUTHORIZATION'],
  [40, 70, 'Business name: Lakeview Dental Group LLC'],
  [40, 84, 'Billing telephone number: (918) 555-0105'],
  [40, 100, 'Numbers to port:'],
  [60, 114, '(918) 555-0142'],
  [60, 126, '(918) 555-0105'],
]);
const NUMBERS = ['+19185550142', '+19185550105'];

/** A CSR listing its lines under a heading that names no BTN. */
const csrListing = (heading: string, a: string, b: string) =>
  page([
    [40, 40, 'CUSTOMER SERVICE RECORD'],
    [40, 70, 'Customer: Lakeview Dental Group LLC'],
    [40, 90, heading],
    [60, 104, a],
    [60, 116, b],
  ]);
const CSR_LISTS = [
  ['Lines on the account', '(918) 555-0142   Active', '(918) 555-0105   Active'],
  ['TN            STATUS', '918-555-0142  WKG', '918-555-0105  WKG'],
  ['Telephone numbers', '918.555.0142   Business line', '918.555.0105   Fax line'],
] as const;

const invoiceWithBtn = (caption: string, number: string) =>
  page([
    [40, 40, 'INVOICE'],
    [40, 70, 'Lakeview Dental Group LLC'],
    [40, 86, `${caption} ${number}`],
    [40, 110, 'Monthly service charges   $212.40'],
  ]);
const INVOICE_CAPTIONS = [
  ['BTN:', 'BTN:'],
  ['Billing telephone number:', 'Billing telephone number:'],
  ['Billing Telephone No.', 'Billing Telephone No.'],
] as const;

describe('a CSR naming no BTN beside an invoice that names one under its label', () => {
  for (const [heading, a, b] of CSR_LISTS)
    for (const [caption, label] of INVOICE_CAPTIONS)
      it(`CSR "${heading}", invoice "${caption}" giving the LOA's BTN: no look, no rejection`, () => {
        const r = run({
          loa: { btn: labelled('+19185550105', 'Billing telephone number:', 0.95), phone_numbers: fv(NUMBERS, 0.9) },
          invoice: { btn: labelled('+19185550105', label), phone_numbers: fv(NUMBERS, 0.9) },
          csr: { btn: guess('+19185550142'), phone_numbers: fv(NUMBERS, 0.95) },
          pages: {
            loa: LOA_BTN_0105,
            invoice: invoiceWithBtn(caption, '(918) 555-0105'),
            csr: csrListing(heading, a, b),
          },
        });
        expect(btnChecks(r)).toEqual([]);
        expect(codes(r)).not.toContain(BTN);
        expect(r.fields.btn.verdict).toBe('match');
        expect(r.fields.btn.reason).toMatch(/CSR names no BTN: "\+19185550142" is a number it lists/);
      });

  it("…while an invoice BTN under its label that is not the LOA's is held against it: a rejection", () => {
    const r = run({
      loa: { btn: labelled('+19185550105', 'Billing telephone number:', 0.95), phone_numbers: fv(NUMBERS, 0.9) },
      invoice: { btn: labelled('+19185550177', 'BTN:', 0.95), phone_numbers: fv(NUMBERS, 0.9) },
      csr: { btn: guess('+19185550142'), phone_numbers: fv(NUMBERS, 0.95) },
      pages: {
        loa: LOA_BTN_0105,
        invoice: invoiceWithBtn('BTN:', '(918) 555-0177'),
        csr: csrListing(...CSR_LISTS[0]),
      },
    });
    expect(codes(r)).toContain(BTN);
    expect(r.fields.btn.reference).toBe('invoice');
  });

  it('…and a CSR guess the invoice gives too stays as it was (a look when both are guesses)', () => {
    const r = run({
      loa: { btn: labelled('+19185550105', 'Billing telephone number:', 0.95), phone_numbers: fv(NUMBERS, 0.9) },
      invoice: { btn: guess('+19185550142'), phone_numbers: fv(NUMBERS, 0.9) },
      csr: { btn: guess('+19185550142'), phone_numbers: fv(NUMBERS, 0.95) },
      pages: {
        loa: LOA_BTN_0105,
        invoice: csrListing('Numbers billed', '(918) 555-0142', '(918) 555-0105'),
        csr: csrListing(...CSR_LISTS[0]),
      },
    });
    expect(codes(r)).not.toContain(BTN);
    expect(r.fields.btn.verdict).toBe('check');
  });
});

describe("a CSR's surer layout pick, no BTN label on it, beside an invoice's BTN under its label", () => {
  // (the extractor's pick by where a number stands, surer than its first-number guess: still no number the
  // CSR calls its BTN, and the invoice names one)
  const picked = (value: string, confidence: number) => ({
    ...fv(value, confidence),
    candidates: [{ ...fv(value, confidence), why: { source: 'layout' as const } }],
  });
  for (const confidence of [0.6, 0.75, 0.85])
    for (const [caption, label] of INVOICE_CAPTIONS)
      it(`a pick at ${confidence}, invoice "${caption}" giving the LOA's BTN: no look, no rejection`, () => {
        const r = run({
          loa: { btn: labelled('+19185550105', 'Billing telephone number:', 0.95), phone_numbers: fv(NUMBERS, 0.9) },
          invoice: { btn: labelled('+19185550105', label), phone_numbers: fv(NUMBERS, 0.9) },
          csr: { btn: picked('+19185550142', confidence), phone_numbers: fv(NUMBERS, 0.95) },
          pages: {
            loa: LOA_BTN_0105,
            invoice: invoiceWithBtn(caption, '(918) 555-0105'),
            csr: csrListing(CSR_LISTS[0][0], CSR_LISTS[0][1], CSR_LISTS[0][2]),
          },
        });
        expect(btnChecks(r)).toEqual([]);
        expect(codes(r)).not.toContain(BTN);
      });

  it("…and an invoice BTN under its label that is not the LOA's is a rejection", () => {
    const r = run({
      loa: { btn: labelled('+19185550105', 'Billing telephone number:', 0.95), phone_numbers: fv(NUMBERS, 0.9) },
      invoice: { btn: labelled('+19185550177', 'BTN:'), phone_numbers: fv(NUMBERS, 0.9) },
      csr: { btn: picked('+19185550142', 0.75), phone_numbers: fv(NUMBERS, 0.95) },
      pages: {
        loa: LOA_BTN_0105,
        invoice: invoiceWithBtn('BTN:', '(918) 555-0177'),
        csr: csrListing(CSR_LISTS[0][0], CSR_LISTS[0][1], CSR_LISTS[0][2]),
      },
    });
    expect(codes(r)).toContain(BTN);
  });
});

describe('two carrier documents naming no BTN, their guesses different numbers', () => {
  for (const [heading, a, b] of CSR_LISTS)
    it(`CSR "${heading}": still a look (a BTN under a caption no wording names is guessed right as often as not)`, () => {
      const r = run({
        loa: { btn: labelled('+19185550105', 'Billing telephone number:', 0.95), phone_numbers: fv(NUMBERS, 0.9) },
        invoice: { btn: guess('+19185550105'), phone_numbers: fv(NUMBERS, 0.9) },
        csr: { btn: guess('+19185550142'), phone_numbers: fv(NUMBERS, 0.95) },
        pages: {
          loa: LOA_BTN_0105,
          invoice: csrListing('Numbers billed', '(918) 555-0105', '(918) 555-0142'),
          csr: csrListing(heading, a, b),
        },
      });
      expect(codes(r)).not.toContain(BTN);
      expect(r.fields.btn.verdict).toBe('check');
    });
});

describe("an LOA naming no BTN under a known label, its guess another number than the carrier's", () => {
  it('is an LOA without a BTN when the guess is only the first line of its list (review-btn-loa-guess), never a rejection', () => {
    const loa = page([
      [40, 40, 'LETTER OF AUTHORIZATION'],
      [40, 70, 'Business name: Lakeview Dental Group LLC'],
      [40, 90, 'Numbers to port:'],
      [60, 104, '(918) 555-0142'],
      [60, 116, '(918) 555-0105'],
    ]);
    const r = run({
      loa: { btn: guess('+19185550142'), phone_numbers: fv(NUMBERS, 0.9) },
      csr: { btn: labelled('+19185550105', 'BTN:', 0.95), phone_numbers: fv(NUMBERS, 0.95) },
      pages: { loa, csr: invoiceWithBtn('BTN:', '(918) 555-0105') },
    });
    expect(codes(r)).not.toContain(BTN);
    expect(btnChecks(r)).toEqual([]);
    expect(r.fields.btn.verdict).toBe('missing');
  });
});
