import { describe, expect, it } from 'vitest';
import { codes, fv, run } from '../helpers/compare.js';
import { pageOfLines as page } from '../helpers/pages.js';

/*
 * An LOA that prints no BTN: the extractor still reports the first number it lists at low confidence
 * (the likeliest BTN, right on most bills). The carrier's BTN missing from such an LOA proves nothing
 * about a BTN the LOA never states, so that guess may never become a predicted BTN rejection.
 */

const LOA_NO_BTN = page([
  [40, 40, 'LETTER OF AUTHORIZATION'],
  [40, 70, 'Business name: Lakeview Dental Group LLC'],
  [40, 90, 'Numbers to port:'],
  [60, 104, '(918) 555-0142'],
  [60, 116, '(918) 555-0143'],
  [40, 150, 'Authorized signature: Maria Ortiz'],
]);

const LOA_WITH_BTN = page([
  [40, 40, 'LETTER OF AUTHORIZATION'],
  [40, 70, 'Business name: Lakeview Dental Group LLC'],
  [40, 84, 'Billing telephone number: (918) 555-0142'],
  [40, 100, 'Numbers to port:'],
  [60, 114, '(918) 555-0142'],
  [60, 126, '(918) 555-0143'],
]);

describe("an LOA's guessed BTN (the LOA prints none)", () => {
  it('is no predicted BTN rejection when the carrier names another BTN', () => {
    const r = run({
      loa: { btn: fv('+19185550142', 0.3), phone_numbers: fv(['+19185550142', '+19185550143'], 0.9) },
      csr: { btn: fv('+19185550105', 0.95), phone_numbers: fv(['+19185550105', '+19185550142', '+19185550143'], 0.95) },
      pages: { loa: LOA_NO_BTN },
    });
    expect(codes(r)).not.toContain('BTN_ATN_MISMATCH');
    expect(r.fields.btn.verdict).toBe('check');
  });

  it('but an LOA that states its BTN under a label, read surely, still differs from the carrier', () => {
    const r = run({
      loa: { btn: fv('+19185550142', 0.95), phone_numbers: fv(['+19185550142', '+19185550143'], 0.9) },
      csr: { btn: fv('+19185550105', 0.95), phone_numbers: fv(['+19185550105', '+19185550142', '+19185550143'], 0.95) },
      pages: { loa: LOA_WITH_BTN },
    });
    expect(codes(r)).toContain('BTN_ATN_MISMATCH');
  });

  it("and a BTN label on the LOA whose low-confidence reading is not the carrier's, the carrier's BTN nowhere on it, still differs", () => {
    const r = run({
      loa: { btn: fv('+19185550142', 0.5), phone_numbers: fv(['+19185550142', '+19185550143'], 0.9) },
      csr: { btn: fv('+19185550105', 0.95), phone_numbers: fv(['+19185550105', '+19185550142', '+19185550143'], 0.95) },
      pages: { loa: LOA_WITH_BTN },
    });
    expect(codes(r)).toContain('BTN_ATN_MISMATCH');
  });
});

/*
 * A carrier document that prints no BTN: its reading is the extractor's guess from the numbers it lists (why
 * 'layout', no label). The specialist is told the document names no BTN and the number is a guess — not that
 * a BTN was "read with low confidence" — and the LOA's BTN under its label is never rejected against it.
 */
const LOA_BTN_0105 = page([
  [40, 40, 'LETTER OF AUTHORIZATION'],
  [40, 70, 'Business name: Lakeview Dental Group LLC'],
  [40, 84, 'Billing telephone number: (918) 555-0105'],
  [40, 100, 'Numbers to port:'],
  [60, 114, '(918) 555-0142'],
  [60, 126, '(918) 555-0105'],
]);

describe("a carrier document's guessed BTN (it prints none)", () => {
  const guess = (value: string) => ({
    ...fv(value, 0.3),
    candidates: [{ ...fv(value, 0.3), why: { source: 'layout' as const } }],
  });
  const CSR_LISTS = [
    ['Lines on the account', '(918) 555-0142   Active', '(918) 555-0105   Active'],
    ['TN            STATUS', '918-555-0142  WKG', '918-555-0105  WKG'],
    ['Telephone numbers', '918.555.0142   Business line', '918.555.0105   Fax line'],
  ] as const;
  for (const [heading, a, b] of CSR_LISTS)
    it(`under "${heading}": a look that says the BTN is a guess, never a BTN rejection`, () => {
      const csrPage = page([
        [40, 40, 'CUSTOMER SERVICE RECORD'],
        [40, 70, 'Customer: Lakeview Dental Group LLC'],
        [40, 90, heading],
        [60, 104, a],
        [60, 116, b],
      ]);
      const r = run({
        loa: { btn: fv('+19185550105', 0.95), phone_numbers: fv(['+19185550142', '+19185550105'], 0.9) },
        csr: { btn: guess('+19185550142'), phone_numbers: fv(['+19185550142', '+19185550105'], 0.95) },
        pages: { loa: LOA_BTN_0105, csr: csrPage },
      });
      expect(codes(r)).not.toContain('BTN_ATN_MISMATCH');
      expect(r.fields.btn.verdict).toBe('check');
      expect(r.fields.btn.reason).toMatch(
        /CSR names no BTN: "\+19185550142" is a number it lists, taken for it as a guess/,
      );
      expect(r.fields.btn.reason).not.toMatch(/read with low confidence/);
    });

  it('a reading under a BTN label, however unsure, still says how surely it was read', () => {
    const csrPage = page([
      [40, 40, 'CUSTOMER SERVICE RECORD'],
      [40, 70, 'Customer: Lakeview Dental Group LLC'],
      [40, 84, 'BTN: (918) 555-0142'],
      [60, 104, '(918) 555-0142   Active'],
      [60, 116, '(918) 555-0105   Active'],
    ]);
    const r = run({
      loa: { btn: fv('+19185550105', 0.95), phone_numbers: fv(['+19185550142', '+19185550105'], 0.9) },
      csr: {
        btn: {
          ...fv('+19185550142', 0.4),
          candidates: [{ ...fv('+19185550142', 0.4), why: { source: 'label' as const, label: 'BTN:' } }],
        },
        phone_numbers: fv(['+19185550142', '+19185550105'], 0.95),
      },
      pages: { loa: LOA_BTN_0105, csr: csrPage },
    });
    expect(r.fields.btn.reason ?? '').not.toMatch(/names no BTN/);
  });
});
