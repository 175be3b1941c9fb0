/**
 * A carrier record's PIN (and BTN) under a caption a scan or a record print writes a little off the
 * vocabulary's form was not read at all:
 * - a record tag closed by a number sign ("PIN# 5894", "BTN# 775 555-0146"): no tag, the PIN unread and the
 *   BTN guessed from the fax header's sender;
 * - a table rule OCR glued after a caption's colon ("PIN CODE:|"): the caption not recognised;
 * - a caption over its value in a card of captions over values, a caption of the row above with another
 *   column's caption beside it ("Billing TN: | Produced" over "+1 218 5550152 | 11/9/24"): the PIN's
 *   caption taken for an empty prompt in a block of prompts with values beside them.
 * A terminal screen's empty prompt in a block of prompts with their values beside them stays empty.
 */
import { describe, expect, it } from 'vitest';
import { extractFields } from '../../electron/core/extract/index.js';
import type { PageText } from '../../shared/domain/document.js';
import { ocrWords, pageOfLines } from '../helpers/pages.js';

type Placed = [x: number, y: number, text: string, w: number, h: number];
const w = (x: number, y: number, text: string): Placed => [x, y, text, text.length * 5.2, 7];

/** A faxed fixed-width record: tags at x 42, the fax header's sender number on top. */
function faxedRecord(tagRows: [string, string][]): PageText[] {
  const words: Placed[] = [
    w(37, 9, 'FAX'),
    w(60, 9, '05/19/2024'),
    w(120, 9, '406-691-4724'),
    w(190, 9, 'PAGE'),
    w(41, 30, 'PRAIRIE'),
    w(85, 30, 'TELEPHONE'),
    w(140, 30, 'CUSTOMER'),
    w(190, 30, 'SERVICE'),
    w(235, 30, 'RECORD'),
    w(42, 67, 'CUST'),
    w(67, 67, 'NM'),
    w(82, 67, 'HIGH'),
    w(110, 67, 'DESERT'),
    w(150, 67, 'AUTO'),
    w(175, 67, 'LLP'),
    ...tagRows.flatMap(([tag, value], i): Placed[] => {
      const y = 80 + 12 * i;
      return [w(42, y, tag), ...value.split(' ').map((v, k) => w(78 + 36 * k, y, v))];
    }),
  ];
  return ocrWords(words);
}

describe('a record tag closed by a number sign is the tag', () => {
  for (const [tag, pin] of [
    ['PIN#', '5894'],
    ['PSWD#', '614391'],
  ] as const)
    it(`"${tag} ${pin}" on a faxed record is the PIN under its tag`, () => {
      const f = extractFields(faxedRecord([[tag, pin]]), 'csr').fields;
      expect(f.pin?.value).toBe(pin);
      expect(f.pin?.candidates?.[0]?.why.source).toBe('label');
    });

  it('"BTN# 775 555-0146" is the BTN, not the fax header\'s sender', () => {
    const f = extractFields(faxedRecord([['BTN#', '775-555-0146']]), 'csr').fields;
    expect(f.btn?.value).toBe('+17755550146');
    expect(f.btn?.candidates?.[0]?.why.source).toBe('label');
  });

  it('a text record\'s "PIN# 5894" and "PIN#: 5894" read alike', () => {
    for (const row of ['PIN# 5894', 'PIN#: 5894', 'PIN # 5894']) {
      const f = extractFields(
        pageOfLines([
          [40, 60, 'CUSTOMER SERVICE RECORD'],
          [40, 80, 'CUST NM HIGH DESERT AUTO LLP'],
          [40, 100, row],
        ]),
        'csr',
      ).fields;
      expect(f.pin?.value, row).toBe('5894');
    }
  });
});

describe("a table rule OCR glued after a caption's colon", () => {
  for (const caption of ['PIN CODE:|', 'PASSCODE:|', 'Account PIN:]'])
    it(`"${caption}" is the PIN's caption`, () => {
      const words: Placed[] = [
        w(54, 30, 'SpectrumBusiness'),
        w(310, 64, 'MAIN'),
        w(334, 64, '#'),
        w(342, 64, '(BTN):'),
        w(429, 64, '(315)'),
        w(455, 64, '423-6528'),
        ...caption.split(' ').map((c, i) => w(311 + 24 * i, 77, c)),
        w(426, 77, '975518'),
        w(312, 88, 'STATUS:'),
        w(426, 88, 'ACTIVE'),
      ];
      const f = extractFields(ocrWords(words), 'csr').fields;
      expect(f.pin?.value).toBe('975518');
      expect(f.pin?.candidates?.[0]?.why.source).toBe('label');
    });
});

describe('a caption over its value in a card of captions over values', () => {
  for (const caption of ['Secret Code:', 'PIN:', 'Passcode:'])
    it(`"${caption}" over its PIN, a caption above with another column's caption beside it`, () => {
      const words: Placed[] = [
        [54, 35, 'Lumen', 40, 9],
        [56, 105, 'Billing', 30, 9],
        [90, 105, 'TN:', 15, 9],
        [228, 105, 'Produced', 40, 9],
        [58, 118, '+1', 10, 9],
        [72, 118, '218', 15, 9],
        [90, 118, '5550152', 35, 9],
        [230, 118, '11/9/24', 35, 9],
        ...caption.split(' ').map((c, i): Placed => [55 + 28 * i, 136, c, 25, 9]),
        [57, 149, '809357', 30, 10],
        [56, 177, 'Where', 25, 9],
        [84, 177, 'Service', 30, 9],
        [118, 177, 'Is', 8, 9],
        [130, 177, 'Located', 30, 9],
        [57, 192, '7073', 20, 9],
        [80, 192, 'Main', 20, 9],
        [103, 192, 'Ave.', 20, 9],
      ];
      const f = extractFields(ocrWords(words), 'csr').fields;
      expect(f.pin?.value).toBe('809357');
    });

  it("a terminal screen's empty prompt among prompts with values beside them stays empty", () => {
    const f = extractFields(
      pageOfLines([
        [40, 60, 'CSR INQUIRY SCREEN'],
        [40, 80, 'ACCT NO:   4471 2209'],
        [40, 92, 'CUST NM:   HIGH DESERT AUTO LLP'],
        [40, 104, 'PASSCODE:'],
        [40, 116, 'CSR0047I MORE DATA - PF8'],
      ]),
      'csr',
    ).fields;
    expect(f.pin).toBeUndefined();
  });
});
