/**
 * Doubts the review can settle from the evidence instead of asking the specialist to look (issue 10: the
 * bad scans' PIN misses were all checks). Each rule, with its negative:
 * - a difference no OCR slip explains is certain: two PINs, BTNs or account numbers read under their own
 *   labels that differ in a digit OCR does not confuse with the other's (shared/normalize/ocr-confusions.ts)
 *   are two values however faint the scan's letters — while one slip of a pair OCR confuses (3 for 8, 7 for
 *   1) or a number cut short stays a check, never a rejection;
 * - a value read from the field's own caption on its printed row, the scan's tilt set a line lower in the
 *   review's index ("PIN Code:  37373809"), or under a caption a line farther up than the row's other cells
 *   ("PASSCODE /" over "654l" beside a date set higher), is under its label: no doubt of another code;
 * - agreement across documents: the invoice and the CSR reading the same value is confident however weak
 *   each read; the invoice siding with the LOA against an unsure CSR stays a check that says so.
 */
import { describe, expect, it } from 'vitest';
import { extractFields } from '../../electron/core/extract/index.js';
import { noMisreadOf } from '../../electron/core/compare/scalar.js';
import type { PageText } from '../../shared/domain/document.js';
import { codes, fv, run } from '../helpers/compare.js';
import { ocrWords, pageOfLines } from '../helpers/pages.js';
import { scorePort } from '../bench/review.bench.js';
import { freshTunePort, loaWithPin, reviewPages } from '../helpers/review-pages.js';

const PIN = 'PASSCODE_PIN_INVALID';

/** A scanned CSR giving its PIN beside a caption, the other rows' words around it; OCR's confidence low. */
const scannedCsr = (caption: string) => (pin: string) =>
  lowConfidence(
    ocrWords([
      [40, 40, 'CUSTOMER', 60],
      [104, 40, 'SERVICE', 50],
      [158, 40, 'RECORD', 48],
      [40, 70, 'Account', 48],
      [92, 70, 'Name:', 34],
      [160, 70, 'Harbor', 40],
      [204, 70, 'Point', 32],
      [240, 70, 'Dental', 40],
      [284, 70, 'LLC', 24],
      ...caption.split(' ').map((w, i): [number, number, string, number] => [40 + i * 56, 90, w, 6 * w.length]),
      [200, 90, pin, 6 * pin.length],
      [40, 110, 'Status:', 44],
      [200, 110, 'ACTIVE', 40],
    ]),
  );

/** The page as a faint scan: every word read at 55%. */
const lowConfidence = (pages: PageText[]): PageText[] =>
  pages.map((p) => ({ ...p, words: p.words.map((w) => ({ ...w, conf: 0.55 })) }));

describe('a difference no OCR slip explains is certain, however faint the scan', () => {
  for (const caption of ['PIN:', 'Account Passcode:', 'Security PIN:']) {
    it(`"${caption}" on a faint scanned CSR, a digit OCR does not confuse with the LOA's: a predicted rejection`, () => {
      const csr = scannedCsr(caption);
      const read = extractFields(csr('4293'), 'csr').fields.pin;
      expect(read?.value).toBe('4293');
      expect(read!.confidence).toBeLessThan(0.9);
      // 4193 / 4293: 1 and 2 are no pair OCR confuses
      const r = reviewPages(loaWithPin('4193'), csr('4293'));
      expect(codes(r)).toContain(PIN);
      expect(r.fields.pin.verdict).toBe('mismatch');
      // the same PIN on both: a match
      expect(reviewPages(loaWithPin('4293'), csr('4293')).fields.pin.verdict).toBe('match');
    });

    it(`"${caption}" on a faint scanned CSR, one slip of a pair OCR confuses: a check, never a rejection`, () => {
      const csr = scannedCsr(caption);
      // 4193 / 4793: 1 and 7 are a pair OCR confuses — the reader's slip, or another PIN: a person looks
      const r = reviewPages(loaWithPin('4193'), csr('4793'));
      expect(codes(r)).not.toContain(PIN);
      expect(r.fields.pin.verdict).toBe('check');
      expect(r.checks.find((c) => c.field === 'pin')?.why).toMatch(/one character only, of a pair OCR confuses/);
    });
  }

  it('BTN and account numbers: another number is certain; a confusable slip or a number cut short is not', () => {
    expect(noMisreadOf('btn', '(319) 555-0127', '319-973-6276')).toBe(true);
    expect(noMisreadOf('btn', '(319) 555-0127', '319-555-0123')).toBe(true);
    // 8 for 3: OCR's slip
    expect(noMisreadOf('btn', '(319) 555-0127', '819-555-0127')).toBe(false);
    expect(noMisreadOf('account_number', '8039 70 020 0059107', '4417 22 915 3360248')).toBe(true);
    // cut short, or a sub-account run on: one's digits inside the other's
    expect(noMisreadOf('account_number', '1818 83 073 4677605', '1818 83')).toBe(false);
    expect(noMisreadOf('account_number', '319-220-3156', '319-220-3156-332')).toBe(false);
    // a lookalike letter for a digit
    expect(noMisreadOf('account_number', 'A49-120-1461', 'A49-l20-1461')).toBe(false);
    // names are weighed by the name rules, never by digits
    expect(noMisreadOf('account_name', 'Harbor Point', 'Lakeview')).toBe(false);
  });

  const csrWithBtn = (btn: string) =>
    lowConfidence(
      pageOfLines(
        [
          [40, 40, 'CUSTOMER SERVICE RECORD'],
          [40, 70, `Billing Telephone Number: ${btn}`],
          [40, 90, 'Status: ACTIVE'],
        ],
        'ocr',
      ),
    );

  it('a BTN under its label on a faint scan, in digits no misread explains: a predicted rejection', () => {
    const loa = { btn: fv('(319) 555-0127', 0.97) };
    const differ = run({
      loa,
      csr: { btn: fv('(319) 973-6276', 0.5) },
      pages: { csr: csrWithBtn('(319) 973-6276') },
    });
    expect(codes(differ)).toContain('BTN_ATN_MISMATCH');
    // one digit OCR confuses (7 for 2): a look
    const slip = run({
      loa,
      csr: { btn: fv('(319) 555-0177', 0.5) },
      pages: { csr: csrWithBtn('(319) 555-0177') },
    });
    expect(codes(slip)).not.toContain('BTN_ATN_MISMATCH');
    expect(slip.fields.btn.verdict).toBe('check');
  });
});

describe("the PIN's own caption in front of it on a tilted scan's printed row", () => {
  // a portal card: the account name's cell and the PIN's caption on one printed row, the tilt setting the
  // PIN a little lower than its caption ("PIN Code:" at y 84, "37373809" at y 87)
  const tiltedCard = (caption: [string, string]) => (pin: string) =>
    ocrWords([
      [53, 60, 'Billing', 40],
      [312, 61, 'Phone:', 30],
      [396, 62, '(920)', 26],
      [426, 62, '555-0177', 40],
      [53, 81, 'Customer:', 46],
      [105, 82, 'Pinnacle', 38],
      [147, 83, 'Bakery', 31],
      [182, 83, 'Inc.', 17],
      [310, 84, caption[0], 6 * caption[0].length],
      [314 + 6 * caption[0].length, 83, caption[1], 6 * caption[1].length],
      [395, 87, pin, 6 * pin.length],
      [53, 102, 'Account', 40],
      [97, 102, 'Num.:', 26],
      [136, 102, '6395', 24],
      [164, 102, '6441904', 40],
      [311, 104, 'Status:', 36],
      [396, 104, 'ACTIVE', 36],
    ]);
  for (const caption of [
    ['PIN', 'Code:'],
    ['Port-Out', 'PIN:'],
  ] as [string, string][]) {
    it(`"${caption.join(' ')}" a little above the PIN, the LOA giving none: the account's PIN is a rejection, no look`, () => {
      const csr = tiltedCard(caption)('37373809');
      const loa = pageOfLines([
        [40, 60, 'Letter of Agency'],
        [40, 90, 'Customer Name: Pinnacle Bakery Inc.'],
      ]);
      const r = run({
        loa: extractFields(loa, 'loa').fields,
        csr: { pin: fv('37373809', 0.83, [395, 87, 443, 97]) },
        pages: { loa, csr },
      });
      expect(codes(r)).toContain(PIN);
      expect(r.checks.filter((c) => c.field === 'pin')).toEqual([]);
    });
  }

  it('guard: a number on that row after another field\'s caption ("Phone:") is still no PIN of the account', () => {
    const csr = tiltedCard(['PIN', 'Code:'])('37373809');
    const loa = pageOfLines([
      [40, 60, 'Letter of Agency'],
      [40, 90, 'Customer Name: Pinnacle Bakery Inc.'],
    ]);
    const r = run({
      loa: extractFields(loa, 'loa').fields,
      csr: { pin: fv('6441904', 0.5, [164, 102, 204, 112]) },
      pages: { loa, csr },
    });
    expect(codes(r)).not.toContain(PIN);
    expect(r.fields.pin.verdict).toBe('check');
  });
});

describe('the caption over a PIN a line farther up than the cells beside it (a tilted header grid)', () => {
  // "INQUIRY DATE" over "1 Oct 2024", "PASSCODE / SECURITY PIN" over the PIN: the tilt sets the date a few
  // points above the PIN (a line of its own) and splits the header in two
  const grid = (caption: [number, number, string, number, number][]) => (pin: string) =>
    ocrWords([
      [135, 30, 'Communications', 160, 21],
      [506, 45, 'CUSTOMER', 36, 7],
      [543, 46, 'RECORD', 27, 8],
      [56, 68, 'INQUIRY', 24, 8],
      [82, 69, 'DATE', 15, 7],
      [57, 79, '1', 5, 7],
      [65, 79, 'Oct', 10, 7],
      [78, 79, '2024', 16, 8],
      ...caption,
      [229, 83, pin, 17, 6],
      [401, 75, 'AUTHORIZED', 36, 6],
      [441, 75, 'USER', 16, 6],
      [403, 84, 'James', 21, 6],
      [426, 86, 'Kowalski', 29, 6],
      [56, 99, '.ACCOUNT', 27, 7],
      [86, 99, 'NUM.', 14, 6],
      [58, 110, '757-561-8215-744', 59, 7],
      [227, 101, 'SUBSCRIBER', 40, 6],
      [230, 113, 'CoastalEye', 40, 7],
      [270, 114, 'CareLLC', 32, 6],
    ]);
  for (const caption of [
    [
      [226, 73, 'PASSCODE', 35, 5],
      [262, 72, '/', 2, 5],
      [264, 74, 'SECURITY', 32, 5],
      [297, 73, 'PIN', 10, 6],
    ],
    [
      [226, 73, 'ACCOUNT', 30, 5],
      [259, 74, 'PASSCODE', 35, 5],
    ],
  ] as [number, number, string, number, number][][]) {
    it(`"${caption.map((w) => w[2]).join(' ')}" over the PIN: the LOA's other PIN is a rejection, its own a match`, () => {
      const loa = { pin: fv('5872', 0.85) };
      const differ = run({
        loa,
        csr: { pin: fv('6541', 0.76, [229, 83, 245, 89]) },
        pages: { csr: grid(caption)('654l') },
      });
      expect(codes(differ)).toContain(PIN);
      const same = run({
        loa: { pin: fv('6541', 0.85) },
        csr: { pin: fv('6541', 0.76, [229, 83, 245, 89]) },
        pages: { csr: grid(caption)('654l') },
      });
      expect(same.fields.pin.verdict).toBe('match');
    });
  }
});

describe('fresh tune dev ports, heavy scans, where the tilt hid the PIN caption', () => {
  it('port 17361 (boxgrid CSR, "PASSCODE / SECURITY PIN" over "654l", the date beside it set higher): a predicted rejection', () => {
    const p = freshTunePort(17361, 'heavy');
    expect(p.csr.layout).toBe('csr-boxgrid');
    const s = scorePort(p);
    expect(s.visible).toContain(PIN);
    expect(s.caught).toContain(PIN);
    expect(s.falseCodes).toEqual([]);
  });

  it('port 16886 (portal CSR, "PIN Code:" a point above its PIN, the LOA giving none): the account\'s PIN, no look', () => {
    const s = scorePort(freshTunePort(16886, 'heavy'));
    expect(s.result.predicted_rejections.map((r) => r.code)).toContain(PIN);
    expect(s.result.checks.filter((c) => c.field === 'pin')).toEqual([]);
    expect(s.falseCodes).toEqual([]);
  });
});

describe("a caption's own printed row on a tilted scan, the value column a few letters off", () => {
  it('port 18024 (portal CSR, "AccountPassphrase:" beside "O449", its line pulled up by the name cell): a predicted rejection', () => {
    const p = freshTunePort(18024, 'heavy');
    expect(p.csr.layout).toBe('csr-portal');
    const s = scorePort(p);
    expect(s.visible).toContain(PIN);
    expect(s.caught).toContain(PIN);
    expect(s.falseCodes).toEqual([]);
  });
});

describe('a caption wrapped in its cell, the PIN beside it between its two lines', () => {
  it('port 18309 (portal CSR, "VERBAL" over "PASSWORD:" left of "984403"): a predicted rejection', () => {
    const s = scorePort(freshTunePort(18309, 'heavy'));
    expect(s.visible).toContain(PIN);
    expect(s.caught).toContain(PIN);
    expect(s.falseCodes).toEqual([]);
  });

  // a scanned portal card: captions in a column, each wrapped onto two lines, the values in a column beside
  const card = (caption: [string, string]) => (pin: string) =>
    ocrWords([
      [311, 63, 'AUTHORIZED', 40, 7],
      [310, 77, 'PERSON:', 30, 7],
      [427, 66, 'Patricia', 32, 7],
      [462, 67, 'Johansson', 40, 7],
      [311, 94, caption[0], 6 * caption[0].length, 7],
      [309, 107, caption[1], 6 * caption[1].length, 7],
      [425, 98, pin, 34, 8],
      [311, 124, 'STATUS:', 30, 7],
      [427, 127, 'ACTIVE', 30, 7],
    ]);
  for (const caption of [
    ['VERBAL', 'PASSWORD:'],
    ['PORT-OUT', 'PIN:'],
    ['ACCOUNT', 'PASSCODE'],
  ] as [string, string][]) {
    it(`"${caption[0]}" over "${caption[1]}": the LOA's other PIN is a rejection, its own a match`, () => {
      const csr = card(caption)('984403');
      const at: [number, number, number, number] = [425, 98, 459, 106];
      const differ = run({ loa: { pin: fv('759888', 0.85) }, csr: { pin: fv('984403', 0.78, at) }, pages: { csr } });
      expect(codes(differ)).toContain(PIN);
      const same = run({ loa: { pin: fv('984403', 0.85) }, csr: { pin: fv('984403', 0.78, at) }, pages: { csr } });
      expect(same.fields.pin.verdict).toBe('match');
    });
  }

  it("guard: a value beside another field's wrapped caption is no PIN ('AUTHORIZED' over 'PERSON:')", () => {
    const csr = card(['VERBAL', 'PASSWORD:'])('984403');
    const r = run({
      loa: { pin: fv('759888', 0.85) },
      csr: { pin: fv('1971', 0.6, [427, 66, 459, 73]) },
      pages: { csr },
    });
    expect(codes(r)).not.toContain(PIN);
  });
});

describe('agreement across the carrier documents', () => {
  const loa = { btn: fv('(319) 555-0127', 0.97) };

  it('the invoice and the CSR both reading the same BTN, each weakly: the difference is asserted', () => {
    const r = run({
      loa,
      invoice: { btn: fv('(319) 973-6276', 0.5) },
      csr: { btn: fv('(319) 973-6276', 0.45) },
    });
    expect(codes(r)).toContain('BTN_ATN_MISMATCH');
  });

  it('the invoice siding with the LOA against an unsure CSR: a check that says the documents disagree', () => {
    const r = run({
      loa,
      invoice: { btn: fv('(319) 555-0127', 0.7) },
      csr: { btn: fv('(319) 973-6276', 0.3) },
    });
    expect(codes(r)).not.toContain('BTN_ATN_MISMATCH');
    expect(r.checks.find((c) => c.field === 'btn')?.why).toMatch(/^The invoice shows/);
  });
});
