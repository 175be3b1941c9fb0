/**
 * Where a document names its BTN in ways no BTN caption reads: a record's tag shortening "main (primary)
 * telephone number" ("MTN", "PTN"), a bracketed note after one line of a list or tree ("[BTN]", "(main
 * number)"), and a letter's sentence saying what the account is billed to right after a sentence naming the
 * carrier. Each is read as the BTN, surely enough for the review to compare it (not the unlabelled first
 * number's guess); and a bill's own number under a "Bill No." column caption is no telephone number.
 *
 * Every wording, name and number below is ours (none from a generator pool); each page is synthetic.
 */
import { describe, expect, it } from 'vitest';
import { extractFields } from '../../electron/core/extract/index.js';
import type { DocumentKind } from '../../shared/domain/document.js';
import { pageOf, type TextLine } from '../fixtures/generator/handmade.js';

const MONO = { font: 'mono' as const, size: 8 };
const mono = (rows: string[], x = 36, top = 56, lead = 10.4): TextLine[] =>
  rows.flatMap((r, i): TextLine[] => (r ? [[x, top + i * lead, r, MONO]] : []));
const fieldsOf = (lines: TextLine[], kind: DocumentKind) => extractFields([pageOf(lines)], kind).fields;

describe("a record's tag shortening the main telephone number", () => {
  // the BTN is not the first number the record prints: the tag, not the order, gives it
  for (const tag of ['MTN', 'PTN', 'MTN:'])
    for (const spacing of ['  ', '      '])
      it(`"${tag}${spacing}503 555 0188" is the BTN`, () => {
        const f = fieldsOf(
          mono([
            'PACIFIC CREST TEL      SERVICE RECORD        PAGE 1',
            'ACCT 7713 20 604 1190 55',
            `${tag}${spacing}503 555 0188`,
            'CUS NM  GARNET HILL CABINETRY LLC',
            '',
            'USOC   QTY TEL NO          DESCRIPTION',
            '1FB    1   503 555 0131    BUSINESS LINE FLAT RATE',
            '1FB    1   503 555 0188    BUSINESS LINE FLAT RATE',
          ]),
          'csr',
        );
        expect(f.btn?.value).toBe('+15035550188');
        expect(f.btn?.confidence).toBeGreaterThan(0.5);
        expect(f.btn?.candidates?.[0]?.why.source).toBe('label');
      });
});

describe('a bracketed note after one line of a list marks it the BTN', () => {
  for (const [note, wording] of [
    ['[BTN]', 'Line'],
    ['(BTN)', 'TN'],
    ['[Main Number]', 'Number'],
    ['(billing number)', 'Line'],
  ] as const)
    it(`"${wording} 4025550163 ${note}" after another line`, () => {
      const f = fieldsOf(
        mono([
          'Account Tree   exported 2026-02-11',
          'acct: 6620 118 304 | name: Sparrow Creek Bakery Inc',
          `   ${wording} 4025550117        type: 1FB   st: active`,
          `   ${wording} 4025550163 ${note}   type: 1FB   st: active`,
          `   ${wording} 4025550190        type: DID   st: active`,
        ]),
        'csr',
      );
      expect(f.btn?.value).toBe('+14025550163');
      expect(f.btn?.confidence).toBeGreaterThan(0.5);
    });

  it('a note naming no BTN ("[fax]", "(hunt)") leaves the number unsure', () => {
    for (const note of ['[fax]', '(hunt)']) {
      const f = fieldsOf(
        mono([
          'Account Tree   exported 2026-02-11',
          'acct: 6620 118 304 | name: Sparrow Creek Bakery Inc',
          '   Line 4025550117        type: 1FB   st: active',
          `   Line 4025550163 ${note}   type: 1FB   st: active`,
        ]),
        'csr',
      );
      expect(f.btn?.confidence ?? 0).toBeLessThan(0.5);
    }
  });
});

describe("a letter's sentence saying what the account is billed to, after one naming the carrier", () => {
  const SANS = { font: 'sans' as const, size: 9 };
  for (const [carrierSentence, billed] of [
    ['Our account with our present carrier, Ridgeline Telecom, is 55120934.', 'It is billed to 402-555-0176.'],
    ['The account number with the current provider, Plainsview Tel, is 830044712.', 'It is billed under 402-555-0176.'],
    [
      'Our current carrier is Northgate Voice and our account is 61-2209-7.',
      'The account is billed to (402) 555-0176.',
    ],
  ] as const)
    it(`"${billed}"`, () => {
      const lines: TextLine[] = [
        [40, 60, 'Sparrow Creek Bakery Inc.', { font: 'sans-bold', size: 12 }],
        [40, 120, 'Dear Porting Team,', SANS],
        [40, 140, 'Sparrow Creek Bakery Inc. asks Brightwire to move the numbers below to its service.', SANS],
        [40, 154, `${carrierSentence} ${billed}`, SANS],
        [40, 180, 'Please port these numbers:', SANS],
        [60, 196, '402-555-0131', SANS],
        [60, 210, '402-555-0176', SANS],
        [40, 240, 'Sincerely,', SANS],
        [40, 256, 'Dana Whitcombe', SANS],
      ];
      const f = fieldsOf(lines, 'loa');
      expect(f.btn?.value).toBe('+14025550176');
      expect(f.btn?.confidence).toBeGreaterThan(0.5);
    });
});

describe('a bill\'s own number under a "Bill No." column caption is no telephone number', () => {
  const SANS = { font: 'sans' as const, size: 9 };
  for (const caption of ['Bill No.', 'Invoice #', 'Statement Number'])
    it(`"${caption}" over 8763270594`, () => {
      const lines: TextLine[] = [
        [40, 50, 'Ridgeline Telecom', { font: 'sans-bold', size: 12 }],
        [380, 50, 'Account No: 396550071', SANS],
        [40, 100, 'Monthly Statement', { font: 'sans-bold', size: 11 }],
        [40, 120, caption, SANS],
        [250, 120, 'Date Billed', SANS],
        [420, 120, 'Service Period', SANS],
        [40, 134, '8763270594', SANS],
        [250, 134, 'Nov 6, 2024', SANS],
        [420, 134, '10/7/24 - 11/5/24', SANS],
        [40, 170, 'Number', SANS],
        [250, 170, 'Service', SANS],
        [420, 170, 'Amount', SANS],
        [40, 184, '1-715-555-0149', SANS],
        [250, 184, 'Business Line', SANS],
        [420, 184, '$41.41', SANS],
        [40, 198, '1-715-701-0759', SANS],
        [250, 198, 'Voice Line', SANS],
        [420, 198, '$22.36', SANS],
      ];
      const f = fieldsOf(lines, 'invoice');
      expect(f.phone_numbers?.value).toEqual(['+17155550149', '+17157010759']);
      expect(f.btn?.value).not.toBe('+18763270594');
    });
});

describe("a bill's own number captioned in Spanish is no telephone number", () => {
  const SANS = { font: 'sans' as const, size: 9 };
  for (const caption of ['Núm. de factura', 'No. de Factura:', 'Número de factura'])
    it(`"${caption}  8025998036"`, () => {
      const lines: TextLine[] = [
        [40, 50, 'Ridgeline Telecom', { font: 'sans-bold', size: 12 }],
        [40, 80, 'Su factura / Your bill', SANS],
        [300, 80, 'Account', SANS],
        [400, 80, '396550071', SANS],
        [40, 94, caption, SANS],
        [300, 94, '8025998036', SANS],
        [40, 170, 'Number', SANS],
        [250, 170, 'Service', SANS],
        [40, 184, '1-715-555-0149', SANS],
        [250, 184, 'Business Line', SANS],
        [40, 198, '1-715-701-0759', SANS],
        [250, 198, 'Voice Line', SANS],
      ];
      const f = fieldsOf(lines, 'invoice');
      expect(f.phone_numbers?.value).toEqual(['+17155550149', '+17157010759']);
      expect(f.btn?.value).not.toBe('+18025998036');
    });
});
