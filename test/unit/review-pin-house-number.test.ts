/**
 * A CSR that only notes that a PIN is set ("A PIN is set on this account" under a masked "Transfer
 * passcode: ····"), with another column's street address on the same line: the address's house number is
 * no PIN the CSR states, so an LOA giving its PIN is not said to differ from it (no PASSCODE_PIN_INVALID).
 * A CSR whose sentence does state a PIN that differs still predicts the rejection.
 */
import { describe, expect, it } from 'vitest';
import { devPort, reviewPort } from '../bench/review-ports.js';
import { extractFields } from '../../electron/core/extract/index.js';
import { codes, fv, run } from '../helpers/compare.js';
import { loaWithPin, reviewPages } from '../helpers/review-pages.js';
import { pageOfLines } from '../helpers/pages.js';

const PIN = 'PASSCODE_PIN_INVALID';

/** A CSR's account card: the PIN note in the left column, the billing address in the right one. */
const csrCard = (caption: string, note: string, street: string, place: string) =>
  pageOfLines([
    [42, 40, 'Customer Service Record'],
    [42, 80, 'Account Number: 5512098834'],
    [42, 110, caption],
    [152, 110, '····'],
    [400, 110, 'Billing address:'],
    [152, 124, note],
    [400, 124, street],
    [400, 138, place],
  ]);

const shapes: [caption: string, note: string, street: string, place: string][] = [
  [
    'Transfer passcode:',
    'A PIN is set on this account',
    '6911 SW Martin Luther King Jr Pkwy, Suite 18C',
    'El Paso, TX 88568',
  ],
  ['Account PIN:', 'The PIN is on file for this account', '4402 North Cedar Avenue', 'Tulsa, OK 74104'],
  ['Security code:', 'Passcode set on the account', '27240 Kingsley Way Apt 5', 'Sacramento, CA 95814'],
];

describe('a house number beside a note that a PIN is set', () => {
  it.each(shapes)('"%s" / "%s": the address\'s number is no PIN of the CSR', (caption, note, street, place) => {
    const r = reviewPages(loaWithPin('0683'), csrCard(caption, note, street, place));
    expect(codes(r)).not.toContain(PIN);
    expect(r.fields.pin.verdict).not.toBe('mismatch');
  });

  it.each(shapes)(
    '"%s": the CSR reader\'s PIN that is that house number is none either',
    (caption, note, street, place) => {
      const loa = loaWithPin('0683');
      const csr = csrCard(caption, note, street, place);
      const number = street.split(' ')[0]!;
      const r = run({
        loa: extractFields(loa, 'loa').fields,
        csr: { ...extractFields(csr, 'csr').fields, pin: fv(number, 0.77, [400, 124, 400 + 6 * number.length, 134]) },
        pages: { loa, csr },
      });
      expect(codes(r)).not.toContain(PIN);
    },
  );

  it.each(shapes)('"%s": a sentence stating another PIN still differs', (caption) => {
    const csr = pageOfLines([
      [42, 40, 'Customer Service Record'],
      [42, 80, 'Account Number: 5512098834'],
      [42, 110, `${caption} 4821`],
    ]);
    expect(codes(reviewPages(loaWithPin('0683'), csr))).toContain(PIN);
  });
});

describe('dev port 32698 (fresh tune wordings): a CSR noting its PIN beside the billing column', () => {
  it("no PIN rejection from the billing address's house number", () => {
    const p = devPort(32698, 'mild', { standins: 48, fresh: 'tune' });
    expect(p.planted).toEqual([]);
    expect(codes(reviewPort(p))).not.toContain(PIN);
  });
});
