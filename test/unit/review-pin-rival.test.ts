/**
 * A scanned CSR's PIN its reader read alone under a PIN caption it knows, the scan's letters unsure. The
 * review trusted a PIN read under a caption only above the reader's cap for a caption that held two values
 * (0.75); where its own index of the page does not know the caption ("ACCOUNT PASSPHRASE" over its value in
 * a grid of captions over values), a lone PIN under it on a noisy scan fell under that cap, and a planted
 * difference was only a look ("read under no PIN label"). The reader now says whether another value of a
 * PIN's grammar stood under a PIN caption (its own or another one); the review trusts a lone one:
 * - alone under its caption (several wordings), differing from the LOA's: a rejection; the same PIN: a match;
 * - another PIN caption on the record giving another number: which one is the PIN is a guess, a check;
 * - a date under a PIN caption is never read as the PIN (no rejection from it), its digits OCR's lookalike
 *   letters or not ("pin: 2023-05-0S": the review's own pick under the caption took it for one);
 * - one character OCR confuses (3 for 8) between the two PINs: a check, never a rejection;
 * - the account number's last four under the PIN caption: a check.
 */
import { describe, expect, it } from 'vitest';
import { extractFields } from '../../electron/core/extract/index.js';
import type { PageText } from '../../shared/domain/document.js';
import { codes, run } from '../helpers/compare.js';
import { ocrWords } from '../helpers/pages.js';
import { loaWithPin } from '../helpers/review-pages.js';

const PIN = 'PASSCODE_PIN_INVALID';

type Placed = [x: number, y: number, text: string, w: number, h: number];
const w = (x: number, y: number, text: string): Placed => [x, y, text, text.length * 5.6, 9];
/** A caption's words from x, one after another. */
const words = (x: number, y: number, caption: string): Placed[] => {
  let at = x;
  return caption.split(' ').map((t) => {
    const placed = w(at, y, t);
    at += t.length * 5.6 + 3;
    return placed;
  });
};

/**
 * A scanned carrier record in boxes: captions over their values in columns, the PIN's caption `caption`
 * over `pin` at x 55 beside "ACCOUNT TYPE" over "Active"; the PIN's word read with OCR confidence 0.3 (a
 * noisy scan; `unsure`: another word read so); `extra` words added (another caption and its value, a date's words).
 */
function boxedRecord(caption: string, pin: string, extra: Placed[] = [], unsure = pin): PageText[] {
  const placed: Placed[] = [
    ...words(54, 29, 'Bluegrass Fiber'),
    ...words(472, 46, 'Customer Service Record'),
    ...words(57, 71, 'ACCOUNT HOLDER /'),
    ...words(185, 71, 'ACCT ID'),
    ...words(333, 71, 'PILOT NUMBER'),
    w(55, 81, 'COMPANY'),
    ...words(57, 95, 'Bayside Title & Escrow'),
    w(186, 95, '555143485'),
    w(334, 95, '1-813-555-0176'),
    ...words(55, 126, caption),
    ...words(165, 126, 'ACCOUNT TYPE'),
    w(56, 141, pin),
    w(166, 141, 'Active'),
    ...extra,
  ];
  const [page] = ocrWords(placed);
  return [{ ...page!, words: page!.words.map((x) => (x.text === unsure ? { ...x, conf: 0.3 } : x)) }];
}

/** The review of an LOA giving `loaPin` against the scanned record, with what the CSR's reader read. */
function review(loaPin: string, csr: PageText[]) {
  const loa = loaWithPin(loaPin);
  const read = extractFields(csr, 'csr').fields;
  const result = run({ loa: extractFields(loa, 'loa').fields, csr: read, pages: { loa, csr } });
  return { result, pin: read.pin };
}

const CAPTIONS = ['ACCOUNT PASSPHRASE', 'Account Passphrase', 'SECRET CODE'];

describe('a PIN read alone under its caption on a noisy scan is the PIN under its label', () => {
  for (const caption of CAPTIONS)
    it(`"${caption}": unsure letters, no rival — a differing LOA PIN is a rejection, the same PIN a match`, () => {
      const differ = review('5802', boxedRecord(caption, '2462'));
      // (what the reader kept: read under its caption, below the cap for a caption with two values, alone there)
      expect(differ.pin?.value).toBe('2462');
      expect(differ.pin!.confidence).toBeLessThanOrEqual(0.75);
      expect(differ.pin?.candidates?.[0]?.why).toMatchObject({ source: 'label', rival_under_caption: false });
      expect(codes(differ.result)).toContain(PIN);
      expect(differ.result.fields.pin.verdict).toBe('mismatch');

      const same = review('2462', boxedRecord(caption, '2462'));
      expect(same.result.fields.pin.verdict).toBe('match');
      expect(codes(same.result)).not.toContain(PIN);
    });
});

describe('a lone PIN that is not alone, not a PIN, or one slip away stays a look', () => {
  for (const caption of CAPTIONS)
    it(`"${caption}" and another PIN caption giving the LOA's PIN: never a rejection`, () => {
      const rival = [...words(333, 126, 'Security Passphrase'), w(334, 141, '6614')];
      const r = review('6614', boxedRecord(caption, '2462', rival));
      expect(['2462', '6614']).toContain(r.pin?.value);
      expect(r.pin?.candidates?.[0]?.why.rival_under_caption).toBe(true);
      expect(codes(r.result)).not.toContain(PIN);
      expect(r.result.fields.pin.verdict).not.toBe('mismatch');
    });

  it('a date under a PIN caption is never the PIN: no rejection from it', () => {
    const r = review('5802', boxedRecord('ACCOUNT PASSPHRASE', 'APR', [w(80, 141, '04'), w(95, 141, '2026')], '2026'));
    expect(r.pin?.value ?? '').not.toMatch(/2026/);
    expect(codes(r.result)).not.toContain(PIN);
  });

  for (const date of ['2023-05-0S', '2O23-05-14', '05-l4-2023'])
    it(`a record's "pin:" key over a date OCR misread ("${date}"): the review picks no PIN from it`, () => {
      const csr = ocrWords([
        [40, 23, 'Granite', 40, 8],
        [84, 23, 'Telecommunications', 90, 8],
        [42, 48, 'ACCOUNT:', 40, 8],
        [86, 48, 'CUST6034017', 55, 8],
        [88, 59, 'record', 28, 8],
        [119, 59, 'date:', 22, 8],
        [144, 59, 'pin:', 16, 8],
        [163, 59, date, 48, 8],
        [58, 70, 'Security', 38, 8],
        [144, 70, 'n/a', 14, 8],
      ]);
      const loa = loaWithPin('482539');
      const r = run({
        loa: extractFields(loa, 'loa').fields,
        csr: extractFields(csr, 'csr').fields,
        pages: { loa, csr },
      });
      expect(r.fields.pin.values.csr).toBeUndefined();
      expect(codes(r)).not.toContain(PIN);
    });

  it('one character OCR confuses (3 read for 8) between the two PINs: a check, never a rejection', () => {
    const r = review('8462', boxedRecord('ACCOUNT PASSPHRASE', '3462'));
    expect(codes(r.result)).not.toContain(PIN);
    expect(r.result.fields.pin.verdict).toBe('check');
  });

  it("the account number's last four under the PIN caption, unsure: a check, never a rejection", () => {
    // (its words read as surely as the rest of the page: only its being the account's tail makes it doubtful)
    const r = review('5802', boxedRecord('ACCOUNT PASSPHRASE', '3485', [], ''));
    expect(r.pin?.value).toBe('3485');
    expect(codes(r.result)).not.toContain(PIN);
    expect(r.result.fields.pin.verdict).toBe('check');
  });
});
