import { describe, expect, it } from 'vitest';
import { codes, fv, run } from '../helpers/compare.js';
import { pageOfLines as page } from '../helpers/pages.js';

/*
 * MAIN_BTN_PORTING ("the BTN is ported while other numbers stay") asserted only when the carrier's
 * document says so: a number that "stays" only because a fax header, a support line or a contact's
 * number was read into the account's list, or a BTN read from the wrong place, is not a port that
 * leaves numbers without their BTN.
 */

const PORTED = ['+19185550105', '+19185550106'];

/** A text CSR listing the account's two numbers, with one more line that holds a number. */
const csrWith = (extra: [number, number, string]) =>
  page([
    extra,
    [48, 40, 'ACCOUNT SERVICE RECORD'],
    [48, 60, 'Account Number: 866063747'],
    [48, 80, 'BTN: 918-555-0105'],
    [48, 100, 'Telephone Numbers:'],
    [52, 114, '918-555-0105 BUSINESS LINE'],
    [52, 128, '918-555-0106 BUSINESS LINE'],
    [48, 150, 'Service Address: 316 Canal Street, Tulsa, OK 74120'],
  ]);

describe('a number that stays only because a line outside the number list was read into it', () => {
  const strays: [string, [number, number, string], string][] = [
    ['a fax header', [30, 14, 'Received 05/20/2024 14:19 from 918-360-5050 - page 1 of 1'], '+19183605050'],
    [
      'a support line in the footer',
      [48, 300, 'Questions about porting? Reach our care desk at 1-888-555-0139'],
      '+18885550139',
    ],
    ['a contact cell', [48, 170, 'Contact Phone: 918-555-0177'], '+19185550177'],
  ];
  for (const [what, line, stray] of strays) {
    it(`${what}, read surely from a text CSR, is a check, not a predicted MAIN_BTN_PORTING`, () => {
      const r = run({
        loa: { phone_numbers: fv(PORTED, 0.97) },
        csr: { btn: fv('918-555-0105', 0.97), phone_numbers: fv([...PORTED, stray], 0.95) },
        pages: { csr: csrWith(line) },
      });
      expect(codes(r)).not.toContain('MAIN_BTN_PORTING');
      expect(r.checks.find((c) => c.field === 'phone_numbers')?.code).toBe('MAIN_BTN_PORTING');
    });
  }

  it('a number that stays in the list itself, the BTN ported, is still a predicted rejection', () => {
    const csr = page([
      [48, 40, 'ACCOUNT SERVICE RECORD'],
      [48, 80, 'BTN: 918-555-0105'],
      [48, 100, 'Telephone Numbers:'],
      [52, 114, '918-555-0105 BUSINESS LINE'],
      [52, 128, '918-555-0106 BUSINESS LINE'],
      [52, 142, '918-555-0107 FAX LINE'],
    ]);
    const r = run({
      loa: { phone_numbers: fv(PORTED, 0.97) },
      csr: { btn: fv('918-555-0105', 0.97), phone_numbers: fv([...PORTED, '+19185550107'], 0.95) },
      pages: { csr },
    });
    expect(codes(r)).toContain('MAIN_BTN_PORTING');
  });
});

describe('a BTN read from somewhere other than under the BTN label', () => {
  // the account keeps its BTN 918-555-0105 (marked on the LOA); the reader took a ported number as the BTN
  const csr = page([
    [30, 14, 'FAX FROM 918-555-0106 02/17/2026 09:12 P.1'],
    [48, 40, 'CUSTOMER SERVICE RECORD'],
    [48, 60, 'Billing Telephone Number: 918-555-0105'],
    [48, 80, 'Lines on Account:'],
    [52, 94, '918-555-0105'],
    [52, 108, '918-555-0106'],
    [52, 122, '918-555-0108'],
  ]);
  const input = (btn: string) => ({
    loa: { phone_numbers: fv(['+19185550106', '+19185550108'], 0.97) },
    csr: { btn: fv(btn, 0.96), phone_numbers: fv(['+19185550105', '+19185550106', '+19185550108'], 0.95) },
    pages: { csr },
  });

  it('a BTN the CSR does not write under its BTN label (which holds a number that stays) is a check', () => {
    const r = run(input('918-555-0106'));
    expect(codes(r)).not.toContain('MAIN_BTN_PORTING');
    expect(r.checks.find((c) => c.field === 'phone_numbers')?.code).toBe('MAIN_BTN_PORTING');
  });

  it('the same port with the BTN the label gives is a plain partial port (its BTN stays)', () => {
    const r = run(input('918-555-0105'));
    expect(codes(r)).not.toContain('MAIN_BTN_PORTING');
    expect(r.checks.filter((c) => c.code === 'MAIN_BTN_PORTING')).toEqual([]);
  });

  it('a BTN written under its label and ported while numbers stay is a predicted rejection', () => {
    const r = run({
      loa: { phone_numbers: fv(['+19185550105', '+19185550106'], 0.97) },
      csr: { btn: fv('918-555-0105', 0.96), phone_numbers: fv(['+19185550105', '+19185550106', '+19185550108'], 0.95) },
      pages: { csr },
    });
    expect(codes(r)).toContain('MAIN_BTN_PORTING');
  });
});
