import { describe, expect, it } from 'vitest';
import type { PageText } from '../../shared/domain/document.js';
import { type BenchPort, devPort, reviewPort, type ScanDraw } from '../bench/review-ports.js';
import { makePorts, SCAN_DRAWS } from '../bench/review-ports.js';
import { codes, fv, run } from '../helpers/compare.js';
import { pageOfLines } from '../helpers/pages.js';

/*
 * Issue 10 at stop 49, on dev tune ports 45601–46000 (70 stand-ins) and near misses planted on them:
 * - an LOA whose business name differs from the carrier's only in its legal form ("… LLC" for "… Inc."): the
 *   review found the carrier's own name again on the CSR (its header, or the name without its form) and held
 *   that as "the LOA's name written elsewhere, the CSR's reader may have taken another block": a look, where
 *   the carrier rejects another legal form. A name found elsewhere sides with the LOA only if it writes the
 *   LOA's form;
 * - a PIN one digit off on text layers, the digits a pair OCR confuses (5/6, 3/8): held as a possible misread,
 *   a look. No text layer misreads: the LOA's digit is what it says, a typing slip the carrier rejects. A
 *   scan's unsure reading stays a look;
 * - a CSR lookup listing several accounts of the customer (csr-multiacct): the reader reads the account asked
 *   about, but the review's own search for a PIN took another account's PIN (and a scan's glued "ACCOUNT3" or
 *   "CustomerAccount Number" kept its reader from telling the sections apart): a PIN or a signer asserted;
 * - a letter LOA's "…billed by Brightspeed under account # 5058733172623. It is billed to 1-505-220-9746.": the
 *   account label ending the earlier sentence decided the number, read as one to port; a BTN that differs
 *   from the carrier's came out as a number not on the account (PHONE), the BTN only a look;
 * - an LOA filled in one character per box (loa-comb) whose reader took the billing block's PO box (19%) for
 *   the service address: the review's search saw single letters, not the street the form spells, and held a PO
 *   box as the service address. The review now searches the words the boxes spell, as the reader reads them;
 * - a scanned LOA's account number one character short of the carrier's ("2714 83025 322047" for "2714 83 025
 *   3220470": the scan dropped the last 0) held as "digits are missing": a look on a scan, a rejection on text.
 */

const STANDINS = 70;
const port = (seed: number, draw: ScanDraw = 'mild'): BenchPort => devPort(seed, draw, { standins: STANDINS });

/** The LOA's pages with the first word `edit` changes changed (a near miss planted on the document itself). */
function editLoa(p: BenchPort, edit: (text: string) => string | null): PageText[] {
  let done = false;
  const pages = p.loa.pages.map((pg) => ({
    ...pg,
    words: pg.words.map((w) => {
      const t = done ? null : edit(w.text);
      if (t === null || t === w.text) return w;
      done = true;
      return { ...w, text: t };
    }),
  }));
  if (!done) throw new Error(`dev port ${p.seed}: nothing to edit on the LOA`);
  return pages;
}

const OTHER_FORM: Record<string, string> = {
  LLC: 'Inc.',
  'Inc.': 'LLC',
  Incorporated: 'LLC',
  'L.L.C.': 'Inc.',
  PA: 'LLC',
  PC: 'LLC',
  'P.C.': 'LLC',
};

describe('an LOA business name differing from the carrier’s only in its legal form', () => {
  for (const seed of [45604, 45611, 45615, 45625])
    it(`dev port ${seed}: another legal form on the LOA is a rejection, the carrier's own name found twice no doubt`, () => {
      const p = port(seed);
      expect(p.planted).toEqual([]);
      expect(codes(reviewPort(p))).not.toContain('ENTITY_NAME_MISMATCH');
      const form = p.loa.truth.account_name!.split(' ').at(-1)!;
      const other = OTHER_FORM[form];
      expect(other, form).toBeDefined();
      const loa = editLoa(p, (w) => (w === form ? other! : w.endsWith(`,${form}`) ? w.replace(form, other!) : null));
      const r = reviewPort(p, { pages: { loa } });
      expect(codes(r)).toContain('ENTITY_NAME_MISMATCH');
    });
});

describe('a PIN one digit off, the digits a pair OCR confuses', () => {
  const lastDigitTo = (pin: string, to: string) => (w: string) =>
    w.replace(/\D/g, '') === pin ? w.replace(/\d(?=\D*$)/, to) : null;
  for (const [seed, to] of [
    [45684, '9'],
    [45690, '9'],
  ] as const)
    it(`dev port ${seed} (text layers): the LOA's PIN one digit off is a rejection`, () => {
      const p = port(seed, 'text');
      const pin = p.loa.truth.pin!;
      expect(pin).toBe(p.csr.truth.pin);
      const loa = editLoa(p, lastDigitTo(pin, to));
      expect(codes(reviewPort(p, { pages: { loa } }))).toContain('PASSCODE_PIN_INVALID');
    });

  it("dev port 45605 (the CSR a scan, its PIN's word read unsure): a 9 for the LOA's 0 stays a look", () => {
    const p = port(45605);
    expect(p.csr.scanned).toBe(true);
    const loa = editLoa(p, lastDigitTo(p.loa.truth.pin!, '0'));
    const r = reviewPort(p, { pages: { loa } });
    expect(codes(r)).not.toContain('PASSCODE_PIN_INVALID');
    expect(r.fields.pin.verdict).toBe('check');
  });
});

describe('a CSR lookup listing several accounts of the customer', () => {
  it("dev port 45819 (text): another account's PIN is not held against the LOA's", () => {
    const p = port(45819);
    expect(p.csr.layout).toBe('csr-multiacct');
    expect(p.csr.truth.pin).toBeUndefined();
    expect(codes(reviewPort(p))).not.toContain('PASSCODE_PIN_INVALID');
  });

  it('dev port 45642 (heavy scans, "CustomerAccount Number" glued): no PIN of another account', () => {
    const p = port(45642, 'bad');
    expect(codes(reviewPort(p))).not.toContain('PASSCODE_PIN_INVALID');
  });

  it('dev port 45740 (scan, "ACCOUNT3" glued): a closed account\'s signer is no signer; the planted BTN still comes out', () => {
    const p = port(45740);
    expect(p.planted.map((x) => x.code)).toEqual(['BTN_ATN_MISMATCH']);
    const r = reviewPort(p);
    expect(codes(r)).not.toContain('AUTH_PERSON_MISMATCH');
    expect(codes(r)).toContain('BTN_ATN_MISMATCH');
  });
});

describe("a letter's sentence naming the BTN after an account label's sentence", () => {
  for (const draw of ['mild', 'bad'] as const)
    it(`dev port 45720 (3 stand-ins, ${draw}): the BTN said in its own sentence is no number to port; the planted BTN comes out`, () => {
      const p = devPort(45720, draw, { standins: 3 });
      expect(p.loa.layout).toBe('loa-sentences');
      expect(p.loa.truth.phone_numbers).not.toContain(p.loa.truth.btn);
      const r = reviewPort(p);
      expect(codes(r)).not.toContain('PHONE_NUMBER_MISMATCH');
      expect(codes(r)).toContain('BTN_ATN_MISMATCH');
    });
});

describe('an LOA filled in one character per box', () => {
  for (const draw of ['mild', 'bad'] as const)
    it(`dev port 45775 (${draw}): the billing block's PO box read unsure is no service address; the boxes spell the carrier's street`, () => {
      const p = port(45775, draw);
      expect(p.loa.layout).toBe('loa-comb');
      const r = reviewPort(p);
      expect(codes(r)).not.toContain('LOCATION_MISMATCH');
      expect(r.fields.service_address.verdict).not.toBe('mismatch');
    });
});

describe("a scan's account number one character short of the carrier's", () => {
  it('classic dev port 46951 (the LOA a bad scan): a look, not a rejection; the planted PHONE still comes out', () => {
    const p = makePorts({ from: 46951, count: 1 }, SCAN_DRAWS.bad)[0]!;
    expect(p.loa.scanned).toBe(true);
    const r = reviewPort(p);
    expect(codes(r)).not.toContain('ACCOUNT_NUMBER_MISMATCH');
    expect(r.fields.account_number.verdict).toBe('check');
    expect(codes(r)).toContain('PHONE_NUMBER_MISMATCH');
  });

  for (const method of ['text', 'ocr'] as const)
    it(`the LOA's number less its last digit, read from ${method === 'text' ? 'a text layer: a rejection' : 'a scan: a look'}`, () => {
      const line = 'Account number: 2714 83025 322047';
      const r = run({
        loa: { account_number: fv('2714 83025 322047', 0.8, [120, 100, 220, 110]) },
        csr: { account_number: fv('2714 83 025 3220470', 0.97, [120, 100, 230, 110]) },
        pages: {
          loa: pageOfLines([[40, 100, line]], method),
          csr: pageOfLines([[40, 100, 'Account No: 2714 83 025 3220470']]),
        },
      });
      if (method === 'text') expect(codes(r)).toContain('ACCOUNT_NUMBER_MISMATCH');
      else expect(codes(r)).not.toContain('ACCOUNT_NUMBER_MISMATCH');
    });
});
