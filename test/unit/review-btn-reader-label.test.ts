/**
 * A carrier document's BTN that only its reader placed under a label — the review finds none of the BTN's
 * labels on the page (a caption parted over two lines on a scan) — and that the reader itself was unsure of:
 * another number than the LOA's may be a neighbour's (a two-column record's list beside the caption), so the
 * difference is a look, not an asserted rejection (TUNE bad scans: the one false BTN rejection). Read surely,
 * or under a label the review sees too, another number is another number: a rejection as before.
 */
import { describe, expect, it } from 'vitest';
import type { PageText } from '../../shared/domain/document.js';
import { codes, fv, run } from '../helpers/compare.js';
import { pageOfLines as page } from '../helpers/pages.js';

const BTN = 'BTN_ATN_MISMATCH';
const NUMBERS = ['+13125550102', '+13125550171', '+13125550185'];
const labelled = (value: string, label: string, confidence: number) => ({
  ...fv(value, confidence),
  candidates: [{ ...fv(value, confidence), why: { source: 'label' as const, label } }],
});
const LOA = page([
  [40, 40, 'LETTER OF AUTHORIZATION'],
  [40, 70, 'Business name: Pinnacle Accounting Services LLP'],
  [40, 86, 'Billing telephone number: (312) 555-0102'],
  [40, 104, 'Numbers to port:'],
  [60, 118, '(312) 555-0102'],
  [60, 130, '(312) 555-0171'],
  [60, 142, '(312) 555-0185'],
]);

/** A scanned two-column record: its BTN caption parted over two lines, the site's numbers beside it. */
const csrParted = (top: string, bottom: string): PageText[] =>
  page(
    [
      [40, 40, 'Profile Summary'],
      [40, 70, 'Account Holder PINNACLE ACCOUNTING SERVICES LLP'],
      [300, 100, 'Numbers at site (3)'],
      [300, 114, '312-555-0185 Voice'],
      [40, 128, top],
      [40, 140, bottom],
      [300, 140, '312-555-0171'],
      [300, 152, '312-555-0102 Voice'],
    ],
    'ocr',
  );
const PARTED: [top: string, bottom: string][] = [
  ['Billing', 'PhoneNo.'],
  ['Billed', 'Tel.'],
  ['Bill-to', 'Phone'],
];

describe("a carrier BTN only its reader's label gives, read unsurely", () => {
  it.each(PARTED)('"%s / %s": another number than the LOA\'s is a look, not a rejection', (top, bottom) => {
    const r = run({
      loa: { btn: labelled('+13125550102', 'Billing telephone number:', 0.95), phone_numbers: fv(NUMBERS, 0.9) },
      csr: { btn: labelled('+13125550171', `${top} ${bottom}`, 0.48), phone_numbers: fv(NUMBERS, 0.6) },
      pages: { loa: LOA, csr: csrParted(top, bottom) },
    });
    expect(codes(r)).not.toContain(BTN);
    expect(r.fields.btn.verdict).toBe('check');
    expect(r.checks.find((c) => c.field === 'btn')?.why).toMatch(/CSR's BTN was read with low confidence \(48%\)/);
  });

  it.each(PARTED)('"%s / %s" read surely: another number is another number (a rejection)', (top, bottom) => {
    const r = run({
      loa: { btn: labelled('+13125550102', 'Billing telephone number:', 0.95), phone_numbers: fv(NUMBERS, 0.9) },
      csr: { btn: labelled('+13125550171', `${top} ${bottom}`, 0.75), phone_numbers: fv(NUMBERS, 0.6) },
      pages: { loa: LOA, csr: csrParted(top, bottom) },
    });
    expect(codes(r)).toContain(BTN);
  });

  it('under a BTN label the review sees too, an unsure reading of another number is still a rejection', () => {
    const csr = page(
      [
        [40, 40, 'CUSTOMER SERVICE RECORD'],
        [40, 70, 'Customer: Pinnacle Accounting Services LLP'],
        [40, 86, 'BTN: 312-555-0171'],
        [40, 110, 'Lines: 312-555-0102  312-555-0171  312-555-0185'],
      ],
      'ocr',
    );
    const r = run({
      loa: { btn: labelled('+13125550102', 'Billing telephone number:', 0.95), phone_numbers: fv(NUMBERS, 0.9) },
      csr: { btn: labelled('+13125550171', 'BTN:', 0.48), phone_numbers: fv(NUMBERS, 0.6) },
      pages: { loa: LOA, csr },
    });
    expect(codes(r)).toContain(BTN);
  });
});
