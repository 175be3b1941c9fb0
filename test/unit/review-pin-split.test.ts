/**
 * PIN readings the review missed or misread where the PIN was printed in a shape nobody tuned on (the FRESH
 * wordings' check half still missed PASSCODE_PIN_INVALID most). Each rule follows the page's shape or the
 * PIN's grammar and is tested with hand-built pages in several wordings:
 * - a screen print's empty PIN prompt ("PASSCODE: ________") in a block of prompts with their values
 *   beside them: the message row over or under it ("CSR0047I MORE DATA - PF8") was read as the PIN;
 * - a letter's PIN stated in a sentence ("Please use PIN 5244 to release the numbers", "our passcode is
 *   …"): read at 0.60 (or not at all when its noun was not one of a listed few), so a PIN differing from
 *   the carrier's by one digit was only a check even when the CSR's was certain. Now a noun phrase naming
 *   the PIN as a caption would, then only link words, then a value of a PIN's shape, is a reading as sure
 *   as a label's.
 * - a scan's PIN caption whose two words a tilt put on two neighbouring lines, a word space apart
 *   ("Account" a little over "Passcode:", "Transfer" a little under "PIN:"): the reader saw a lone
 *   "Account" caption and read the PIN under it as the account number, or no caption at all ("Security" |
 *   "Code"); the words are read on one line again, by one rule for the reader's layout and the review's
 *   label index.
 * - a scan's two-letter PIN tag whose value OCR split into a long piece and a short one ("PC 824 2"): the
 *   review's label index saw no PIN tag (the reader did), so a PIN read unsurely was only a check;
 * - a PIN caption over its value beside a neighbouring column's caption wrapped over two lines ("Account
 *   Passphrase" | "Class of" over "Service"): the neighbour's second line ended the PIN's column in the
 *   review's index before the PIN under the caption; so did a third column's caption set a little lower
 *   ("Customer PIN" | "Report Dt" over "Main Tel. #").
 */
import { describe, expect, it } from 'vitest';
import { findInField } from '../../electron/core/compare/evidence.js';
import { extractFields } from '../../electron/core/extract/index.js';
import { codes } from '../helpers/compare.js';
import { ocrWords, pageOfLines } from '../helpers/pages.js';
import { expectPinDifferenceCaught, loaWithPin, reviewPages } from '../helpers/review-pages.js';

const PIN = 'PASSCODE_PIN_INVALID';

describe('a screen print\'s empty PIN prompt ("PASSCODE: ________") is empty, never the next row', () => {
  /** A terminal screen: prompts with values beside them, the PIN prompt's value `pin` (empty: blank). */
  const screen = (prompt: string, pin: string, message: 'above' | 'below', msg: string) => {
    const rows: [number, number, string][] = [
      [65, 55, 'SORD ACCOUNT INQUIRY 1/2'],
      [65, 83, 'ACCT: 775-555-0150-868'],
      [65, 102, 'CUST NAME: REYES & HUGHES CO.'],
      [65, 158, 'HSE: 3891 STR NAME: S WASHINGTON DR.'],
      [65, 177, 'CTY: RENO ST: NV ZIP: 89570'],
      [65, 224, 'CONTACT: PATRICIA TANAKA'],
      [65, 233, 'CBR: 7755550121'],
    ];
    const y = message === 'below' ? 243 : 256;
    rows.push([65, y, `${prompt} ${pin}`.trim()]);
    rows.push([65, message === 'below' ? 253 : 245, msg]);
    rows.push([65, 271, 'PF1=HELP PF3=EXIT PF8=FWD']);
    return pageOfLines(rows.sort((a, b) => a[1] - b[1]));
  };
  const cases = [
    ['PASSCODE:', 'below', 'CSR0047I MORE DATA - PF8'],
    ['ACCT PIN:', 'above', 'CSR0047I MORE DATA - PF8'],
    ['SEC CODE ==>', 'below', 'CSR0042I INQUIRY COMPLETE 0042'],
    ['PIN.....:', 'above', 'MSG 20417 CONTINUED ON NEXT SCREEN'],
  ] as const;
  for (const [prompt, where, msg] of cases) {
    it(`"${prompt}" with the message "${msg}" ${where} it: no PIN read; a PIN beside it is read`, () => {
      expect(extractFields(screen(prompt, '', where, msg), 'csr').fields.pin).toBeUndefined();
      expect(extractFields(screen(prompt, '48213', where, msg), 'csr').fields.pin?.value).toBe('48213');
    });
    it(`"${prompt}" empty: the LOA's PIN is no difference against the message row`, () => {
      const r = reviewPages(loaWithPin('519823'), screen(prompt, '', where, msg));
      expect(codes(r)).not.toContain(PIN);
    });
  }
  it('a caption over its value in a block of captions over values still gives the PIN under it', () => {
    const card = pageOfLines([
      [40, 60, 'Account Name:'],
      [40, 72, 'Harbor Point Dental LLC'],
      [40, 96, 'Account PIN:'],
      [40, 108, '582913'],
    ]);
    expect(extractFields(card, 'csr').fields.pin?.value).toBe('582913');
  });
});

describe("a letter's PIN stated in a sentence, by its grammar (noun phrase, link words, a PIN-shaped value)", () => {
  const letter = (sentence: string) =>
    pageOfLines([
      [40, 60, 'Harbor Point Dental LLC'],
      [40, 90, 'To whom it may concern,'],
      [40, 110, 'We authorize Acme Voice to port our numbers from our current carrier.'],
      [40, 130, sentence],
      [40, 150, 'Sincerely, Dana Whitfield'],
    ]);
  const csrOf = (pin: string) =>
    pageOfLines([
      [40, 60, 'Customer Service Record'],
      [40, 90, 'Account Name: Harbor Point Dental LLC'],
      [40, 110, `Account PIN: ${pin}`],
    ]);
  const wordings: ((pin: string) => string)[] = [
    (pin) => `Please use PIN ${pin} to release the numbers.`,
    (pin) => `Our account passphrase is ${pin}.`,
    (pin) => `The port authorization code on file for this account is ${pin}.`,
    (pin) => `Kindly use ${pin} as our transfer PIN.`,
    (pin) => `If you are asked for a verbal password, it is ${pin}.`,
  ];
  for (const say of wordings) {
    it(`"${say('NNNN')}": read surely; one digit off a certain CSR's PIN is a rejection, the same PIN a match`, () => {
      const loa = letter(say('519823'));
      const read = extractFields(loa, 'loa').fields.pin;
      expect(read?.value).toBe('519823');
      expect(read!.confidence).toBeGreaterThanOrEqual(0.75);
      const differ = reviewPages(loa, csrOf('519828'));
      expect(codes(differ)).toContain(PIN);
      expect(reviewPages(loa, csrOf('519823')).fields.pin.verdict).toBe('match');
    });
  }
  it('a number in a sentence that names the PIN but states something else is no PIN', () => {
    for (const s of [
      'Our PIN was reset on 2024-03-01 and the lines stay with us until then.',
      'Call 555-0199 about the passcode, or write to PO Box 8812.',
    ])
      expect(extractFields(letter(s), 'loa').fields.pin).toBeUndefined();
  });
});

describe('a scan\'s PIN caption split over two lines by a tilt ("Account" a little over "Passcode:")', () => {
  // a scanned portal card: captions over values; the PIN caption's second word drifted `dy` off the first's line
  const card = (qualifier: string, noun: string, dy: number) => (pin: string) =>
    ocrWords([
      [55, 40, 'Bluegrass', 50],
      [400, 44, 'Customer', 50],
      [55, 103, 'BILLING', 40],
      [98, 105, 'PHONE', 34],
      [226, 105, 'INQUIRY', 40],
      [271, 108, 'DATE', 26],
      [400, 104, qualifier, 6 * qualifier.length],
      [404 + 6 * qualifier.length, 104 + dy, noun, 6 * noun.length],
      [57, 120, '775-555-0168', 56],
      [230, 120, 'Mar', 16],
      [248, 120, '14,', 11],
      [262, 121, '2026', 21],
      [402, 121, pin, 40],
      [54, 136, 'STATUS', 36],
      [56, 152, 'Active', 30],
    ]);
  const cases = [
    ['Account', 'Passcode:', -7],
    ['ACCOUNT', 'PASSCODE', 7],
    ['Security', 'Code', -7],
    ['Security', 'Code', 7],
    ['Transfer', 'PIN:', 7],
    ['Verbal', 'Password', -7],
  ] as const;
  for (const [qualifier, noun, dy] of cases)
    it(`"${qualifier}" | "${noun}" ${dy < 0 ? 'a little higher' : 'a little lower'}: the PIN under them is read, and caught`, () => {
      const f = extractFields(card(qualifier, noun, dy)('582913'), 'csr').fields;
      expect(f.pin?.value).toBe('582913');
      expect(f.account_number?.value).not.toBe('582913');
      expectPinDifferenceCaught(loaWithPin, card(qualifier, noun, dy));
    });
  it('two words on neighbouring lines that name no PIN together stay apart ("Account" over "Status:")', () => {
    const f = extractFields(card('Account', 'Status:', 7)('582913'), 'csr').fields;
    expect(f.pin).toBeUndefined();
  });
});

describe('a scan\'s two-letter PIN tag whose value OCR split ("PC 824 2")', () => {
  // a fixed-width CSR record scanned: tags and values, the PIN's last digits a word of their own, a little lower
  const record = (tag: string, head: string, tail: string) => (pin: string) => {
    const [a, b] = pin === '582913' ? [head, tail] : [pin.slice(0, 4), pin.slice(4)];
    return ocrWords([
      [40, 30, 'NORTHWIND', 50],
      [94, 30, 'TELECOM', 45],
      [143, 31, 'CSR', 18],
      [40, 48, 'ACCT#', 30],
      [94, 48, 'BAN18789548', 60],
      [39, 68, 'CUST', 24],
      [64, 68, 'NM', 14],
      [93, 68, 'BAYSIDE', 40],
      [136, 68, 'MEDICAL', 40],
      [40, 90, 'SVC1', 24],
      [92, 90, '8189', 22],
      [118, 90, 'KINGSLEY', 42],
      [163, 90, 'ST', 12],
      [40, 130, 'AUTH', 22],
      [63, 130, 'CTC', 18],
      [93, 131, 'YOLANDA', 36],
      [40, 141, tag, 12],
      [94, 141, a, 6 * a.length],
      [96 + 6 * a.length, 143, b, 6 * b.length],
      [39, 160, '---', 14],
      [57, 160, 'SVC/EQP', 36],
    ]);
  };
  for (const [tag, head, tail] of [
    ['PC', '58291', '3'],
    ['SC', '5829', '13'],
  ] as const)
    it(`"${tag} ${head} ${tail}": a difference from the LOA's PIN is a rejection, the same PIN a match`, () =>
      expectPinDifferenceCaught(loaWithPin, record(tag, head, tail)));
});

describe('a PIN caption over its value beside a neighbouring caption wrapped over two lines', () => {
  // a scanned account card: "Account Passphrase" with "Class of" | "Service" right of it, a line lower each
  const card = (caption: string) => (pin: string) =>
    ocrWords([
      [55, 68, 'Subscriber', 50],
      [353, 73, 'Service', 19],
      [373, 73, 'Account', 19],
      [393, 73, 'No.', 10],
      [354, 83, '8097435756', 50],
      [54, 118, 'Authorized', 28, 8],
      [83, 118, 'Person,', 22, 8],
      [313, 118, caption.split(' ')[0]!, 20, 8],
      [334, 118, caption.split(' ')[1]!, 40, 8],
      [423, 122.5, 'Class', 13, 5],
      [437, 122.5, 'of', 5, 5],
      [443, 125, 'Service', 20, 6],
      [57, 128, 'Samuel', 22, 8],
      [81, 128, 'Washington', 34, 8],
      [316, 131, pin, 6 * pin.length, 7],
      [426, 132, 'BUS', 14, 7],
      [55, 153, 'Service', 19],
      [75, 153, 'Premises', 24],
    ]);
  for (const caption of ['Account Passphrase', 'Security Code', 'Customer PIN'])
    it(`"${caption}": a difference from the LOA's PIN is a rejection, the same PIN a match`, () =>
      expectPinDifferenceCaught(loaWithPin, card(caption)));
});

describe('a PIN caption over its value, a further column\'s caption set a little lower ("Main Tel. #")', () => {
  const card = (caption: string, next: string) => (pin: string) =>
    ocrWords([
      [53, 36, 'Optimum', 40],
      [507, 45, 'Account', 30],
      [541, 45, 'Profile', 28],
      [56, 69, caption.split(' ')[0]!, 32, 8],
      [94, 71, caption.split(' ')[1]!, 6 * caption.split(' ')[1]!.length, 8],
      [185, 71, next, 36, 8],
      [296, 74, 'Main', 13, 5],
      [316, 74, 'Tel.', 16, 5],
      [335, 74, '#', 4, 5],
      [58, 81, `${pin}.`, 32, 8],
      [186, 82, '03-18-2023', 55, 8],
      [296, 84, '1-270-555-0189', 76, 8],
      [55, 108, 'Service', 28],
      [89, 108, 'Address:', 34],
      [57, 120, '2978', 22],
      [84, 120, 'Kingsley', 40],
      [132, 120, 'Way', 18],
    ]);
  for (const [caption, next] of [
    ['Customer PIN', 'ReportDt'],
    ['Security Code', 'Inquiry'],
    ['Account Passcode', 'Opened'],
  ] as const)
    it(`"${caption}" beside "${next}": the review finds the PIN under its caption; a difference is a rejection`, () => {
      const under = findInField(
        card(caption, next)('582913'),
        'csr',
        'pin',
        (t) => t.replace(/\D/g, '') === '582913',
        3,
      );
      expect(under).not.toBeNull();
      expectPinDifferenceCaught(loaWithPin, card(caption, next));
    });
});
