import { describe, expect, it } from 'vitest';
import { extractFields } from '../../electron/core/extract/index.js';
import { pageOf, type TextLine } from '../fixtures/generator/handmade.js';
import { CARRIERS } from '../fixtures/generator/data.js';
import { generateRandom } from '../fixtures/generator/random.js';

/*
 * Values in table cells, met on the loa-multisite stand-in: an LOA for an account with several
 * locations, its locations table opening each row with the location's ordinal ("1", "Loc 2") under a
 * "Site" / "Location" caption, and a box naming the current carrier with the carrier's own address and
 * phone. Names, wordings and numbers written for this test.
 */

const SANS = { font: 'sans' as const, size: 9 };
const BOLD = { font: 'sans-bold' as const, size: 10 };
const loa = (lines: TextLine[]) => extractFields([pageOf(lines)], 'loa').fields;

const CUSTOMER: TextLine[] = [
  [48, 56, 'Riverbend Optometry PLLC', { font: 'sans-bold', size: 15 }],
  [48, 80, 'Authorization to Move Numbers', BOLD],
  [48, 110, 'Customer name:', SANS],
  [170, 110, 'Quarry Lane Optometry PLLC', SANS],
  [48, 126, 'Account number:', SANS],
  [170, 126, '55120498831', SANS],
  [48, 142, 'Authorized signer:', SANS],
  [170, 142, 'Odette Marchetti', SANS],
];

/** The current carrier's box: its name, its own street and city, and one of its phone lines. */
const carrierBox = (y: number, caption: string, first = 'Current carrier'): TextLine[] => [
  [54, y, `${first}: Tallgrass Telecom`, SANS],
  [54, y + 13, '4410 W Commerce Blvd', SANS],
  [54, y + 26, 'Wichita, KS 67209', SANS],
  [54, y + 39, `${caption}: 866-555-0148`, SANS],
];

/** A locations table, its first column the row's ordinal. */
const locations = (y: number, ordHead: string, ords: [string, string]): TextLine[] => [
  [48, y, 'Locations', BOLD],
  [48, y + 20, ordHead, SANS],
  [100, y + 20, 'Street address', SANS],
  [260, y + 20, 'City, State ZIP', SANS],
  [400, y + 20, 'Numbers', SANS],
  [48, y + 36, ords[0], SANS],
  [100, y + 36, '2718 Quarry Lane', SANS],
  [260, y + 36, 'Lawrence, KS 66046', SANS],
  [400, y + 36, '785-555-0111', SANS],
  [400, y + 48, '785-555-0112', SANS],
  [48, y + 64, ords[1], SANS],
  [100, y + 64, '90 Mill Pond Rd', SANS],
  [260, y + 64, 'Topeka, KS 66604', SANS],
  [400, y + 64, '785-555-0113', SANS],
];

describe('a phone line in the current carrier box is the carrier’s, not a number to port', () => {
  for (const [caption, first] of <[string, string][]>[
    ['Porting desk', 'Current carrier'],
    ['Carrier phone', 'Losing carrier'],
    ['Number transfers', 'Current provider'],
    ['Business office', 'Current carrier'],
  ])
    it(`${first} … ${caption}`, () => {
      const f = loa([...CUSTOMER, ...carrierBox(176, caption, first), ...locations(250, 'Site', ['1', '2'])]);
      const nums = f.phone_numbers?.value ?? [];
      expect(nums).not.toContain('+18665550148');
      expect(nums).toEqual(expect.arrayContaining(['+17855550111', '+17855550112', '+17855550113']));
    });
});

describe('a row ordinal under a Site / Loc caption is no street, and the carrier box holds no service address', () => {
  for (const [head, ords] of <[string, [string, string]][]>[
    ['Site', ['1', '2']],
    ['Location', ['Loc 1', 'Loc 2']],
    ['Site', ['Site 1', 'Site 2']],
    ['Loc #', ['#1', '#2']],
  ])
    it(`${head}: ${ords[0]}`, () => {
      const f = loa([...CUSTOMER, ...locations(170, head, ords), ...carrierBox(280, 'Porting desk')]);
      const a = f.service_address?.value;
      expect(a?.street_line).not.toMatch(/^(?:loc|site|#)?\s*#?\d+$/i);
      // never the carrier's own street
      expect(a?.street_line ?? '').not.toMatch(/Commerce/);
    });
});

/** wrong service addresses over the 24 (wrapped cells, a wrapped header read as the street: not yet read) */
const WRONG_MAX = 6;

describe('loa-multisite documents (dev seeds): the carrier box gives neither a number nor the address', () => {
  it('over 24 documents', () => {
    let carrierNumbers = 0;
    let wrongAddress = 0;
    for (let seed = 1; seed <= 24; seed++) {
      const doc = generateRandom(seed, { family: 'loa-multisite' });
      const f = extractFields(doc.pages, 'loa').fields;
      // the carrier's own line (printed in its box on some of them) is never a number to port
      const carrier = CARRIERS.find((c) => c.name === doc.truth.carrier_name);
      const own = `+1${carrier?.supportPhone.replace(/\D/g, '').slice(-10)}`;
      if ((f.phone_numbers?.value ?? []).includes(own)) carrierNumbers++;
      // a service address read is location 1's (never the carrier's, never a row ordinal)
      const street = f.service_address?.value.street_line;
      if (street && street !== doc.truth.service_address?.street_line) wrongAddress++;
    }
    expect(carrierNumbers).toBe(0);
    expect(wrongAddress).toBeLessThanOrEqual(WRONG_MAX);
  });
});

/*
 * A CSR exported as a report (csr-rowsheet stand-in): one row per telephone number, each row repeating
 * the account's facts, a street cell wrapping its unit's number onto a second line, the city printed
 * again on the next row right under it.
 */
const sheet = (street: [string, string], city: string, st: string, zip: string): TextLine[] => {
  const row = (y: number, tn: string, wrap: boolean): TextLine[] => [
    [30, y, '40-2291-7735', SANS],
    [110, y, 'Linden Crest Dental LLC', SANS],
    [240, y, tn, SANS],
    [320, y, street[0], SANS],
    ...(wrap ? ([[320, y + 11, street[1], SANS]] as TextLine[]) : []),
    [470, y, city, SANS],
    [560, y, st, SANS],
    [585, y, zip, SANS],
  ];
  return [
    [30, 40, 'Line Detail Export', BOLD],
    [30, 56, 'Criteria: Account = 40-2291-7735', SANS],
    [30, 80, 'Acct No', SANS],
    [110, 80, 'Customer', SANS],
    [240, 80, 'TN', SANS],
    [320, 80, 'Svc Street', SANS],
    [470, 80, 'City', SANS],
    [560, 80, 'ST', SANS],
    [585, 80, 'ZIP', SANS],
    ...row(98, '216-555-0141', true),
    ...row(126, '216-555-0142', true),
    [30, 160, '2 records', SANS],
  ];
};

describe('a row table: a street cell wraps its unit number, the next row repeats the city', () => {
  for (const [street, unit, city, st, zip] of <[string, string, string, string, string][]>[
    ['1450 Euclid Ave, Unit', '367', 'Cleveland', 'OH', '44115'],
    ['88 Pike Ave Ste', '12B', 'North Little Rock', 'AR', '72114'],
    ['2020 Las Olas Blvd Rm', '#4', 'Fort Lauderdale', 'FL', '33301'],
    ['710 Superior Ave, Floor', '9', 'Cleveland', 'OH', '44114'],
  ])
    it(`${street} / ${unit}, ${city} ${st}`, () => {
      const f = extractFields([pageOf(sheet([street, unit], city, st, zip))], 'csr').fields;
      const a = f.service_address?.value;
      expect(a?.city).toBe(city);
      expect(`${a?.street_line} ${a?.unit}`.replace(/,/g, '')).toBe(`${street} ${unit}`.replace(/,/g, ''));
    });
});
