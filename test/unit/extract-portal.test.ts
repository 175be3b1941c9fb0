import { describe, expect, it } from 'vitest';
import { extractFields } from '../../electron/core/extract/index.js';
import { pageOf, type TextLine } from '../fixtures/generator/handmade.js';

/*
 * Web-portal printouts met on the loa-portal and csr-selfcare stand-ins: a porting portal's LOA whose
 * labels name the account number "at" the current provider, whose labels sit in a fixed column (a
 * head no label list knows over a whole label of the next row), and whose order names the reseller's
 * agent with a phone; and a self-care CSR whose City | State | ZIP parts stand in one row, each caption
 * before its value without a colon. Names, wordings and numbers written for this test.
 */

const SANS = { font: 'sans' as const, size: 9 };
const loa = (lines: TextLine[]) => extractFields([pageOf(lines)], 'loa').fields;
const csr = (lines: TextLine[]) => extractFields([pageOf(lines)], 'csr').fields;

/** The portal's numbers step: two numbers to port (612 555-0141 and -0142). */
const NUMBERS: TextLine[] = [
  [40, 300, 'Step 2 - Numbers', { font: 'sans-bold', size: 10 }],
  [40, 320, '#', SANS],
  [64, 320, 'Telephone number', SANS],
  [200, 320, 'Port?', SANS],
  [40, 336, '1', SANS],
  [64, 336, '612-555-0141', SANS],
  [200, 336, 'Y', SANS],
  [40, 352, '2', SANS],
  [64, 352, '612-555-0142', SANS],
  [200, 352, 'Y', SANS],
];

describe('a label whose "#" is joined on to the provider is one account-number label', () => {
  for (const label of [
    'Account # at current provider:',
    'Account # with current carrier:',
    'Acct # at losing carrier:',
    'Account # on your current bill:',
  ])
    it(label, () => {
      const f = loa([
        [40, 60, 'Letter of Authorization', { font: 'sans-bold', size: 12 }],
        [40, 100, 'Account holder name:', SANS],
        [210, 100, 'Larkspur Floral Studio LLC', SANS],
        [40, 118, label, SANS],
        [210, 118, '5520 19 447 0031', SANS],
        ...NUMBERS,
      ]);
      expect(f.account_number?.value).toBe('5520 19 447 0031');
    });
});

describe("the reseller's agent's phone is whom to call, not a number to port", () => {
  for (const [label, phone] of <[string, string][]>[
    ['Agent phone', '612-555-0190'],
    ['Partner callback', '(612) 555-0177'],
    ['Sales rep phone', '612.555.0163'],
    ['Installer contact', '6125550188'],
  ])
    it(`${label} ${phone}`, () => {
      const f = loa([
        [40, 60, 'Letter of Authorization', { font: 'sans-bold', size: 12 }],
        [40, 100, 'Account holder name', SANS],
        [210, 100, 'Larkspur Floral Studio LLC', SANS],
        ...NUMBERS,
        [40, 420, 'Submitted by', SANS],
        [210, 420, 'Devon Marsh', SANS],
        [330, 420, label, SANS],
        [440, 420, phone, SANS],
      ]);
      expect(f.phone_numbers?.value).toEqual(['+16125550141', '+16125550142']);
    });
});

describe('a head no label list knows over a whole label with its own value: two rows, not one wrapped label', () => {
  for (const [head, headValue, lower] of <[string, string, string][]>[
    ['Provider now', 'Lakeshore Telecom', 'Business / account name'],
    ['Supplier today', 'Lakeshore Telecom', 'Customer account name'],
    ['Provider presently', 'Northway Fiber', 'Name of the business'],
  ])
    it(`${head} | ${headValue} over ${lower}`, () => {
      const f = loa([
        [40, 60, 'Letter of Authorization', { font: 'sans-bold', size: 12 }],
        [40, 100, head, SANS],
        [190, 100, headValue, SANS],
        [40, 111, lower, SANS],
        [190, 111, 'Larkspur Floral Studio LLC', SANS],
        ...NUMBERS,
      ]);
      expect(f.account_name?.value).toBe('Larkspur Floral Studio LLC');
    });
});

describe('City | State | ZIP in one row, each caption before its value without a colon', () => {
  for (const [city, state, zip, cityValue] of <[string, string, string, string][]>[
    ['City', 'State', 'ZIP code', 'BILLINGS'],
    ['Town / city', 'State', 'ZIP', 'Mount Pleasant'],
    ['CITY', 'STATE', 'POSTAL CODE', 'RAPID CITY'],
  ])
    it(`${city} ${cityValue} | ${state} | ${zip}`, () => {
      const cw = (s: string) => s.length * 4.6;
      const x1 = 44 + cw(city) + 4;
      const x2 = x1 + cw(cityValue) + 24;
      const x3 = x2 + cw(state) + 4;
      const x4 = x3 + 36;
      const f = csr([
        [36, 40, 'Home | Billing | Services | Support', { size: 7 }],
        [36, 70, 'Customer Service Record', { font: 'sans-bold', size: 12 }],
        [44, 100, 'Account #', { size: 7 }],
        [44, 111, '4471 2208 19', SANS],
        [44, 140, 'Service location', { font: 'sans-bold', size: 10 }],
        [44, 160, 'Street', { size: 7 }],
        [110, 160, '19679 HARBOR CIRCLE', SANS],
        [44, 180, city, { size: 7 }],
        [x1, 180, cityValue, SANS],
        [x2, 180, state, { size: 7 }],
        [x3, 180, 'MT', SANS],
        [x4, 180, zip, { size: 7 }],
        [x4 + cw(zip) + 4, 180, '59115', SANS],
        [36, 220, 'Products & features', { font: 'sans-bold', size: 10 }],
        [36, 240, 'Voicemail Plus', SANS],
        [240, 240, 'VMPL', SANS],
      ]);
      expect(f.service_address?.value).toMatchObject({ city: cityValue, state: 'MT', zip5: '59115' });
    });
});

describe('a grid label wrapping over three lines keeps the value beside its first line', () => {
  for (const [l1, l2, l3, value] of <[string, string, string, string][]>[
    ['ACCOUNT', 'PASSCODE (IF', 'ONE IS SET)', '116808'],
    ['ACCOUNT', 'PASSCODE (IF', 'YOU HAVE ONE)', '90210'],
  ])
    it(`${l1} / ${l2} / ${l3} beside ${value}`, () => {
      const f = loa([
        [49, 40, 'Letter of Authorization', { font: 'sans-bold', size: 12 }],
        [49, 80, 'ACCOUNT NUMBER', SANS],
        [127, 80, '103-481-1760-77', SANS],
        [49, 110, l1, SANS],
        [127, 110, value, SANS],
        [224, 110, 'MAIN BILLING', SANS],
        [302, 110, '7155550111', SANS],
        [49, 120.3, l2, SANS],
        [224, 120.3, 'NUMBER (BTN)', SANS],
        [49, 130.6, l3, SANS],
        ...NUMBERS,
      ]);
      expect(f.pin?.value).toBe(value);
    });
});

describe("a form's caption over a phone box that says how to reach the customer is no number to port", () => {
  for (const caption of ['Best number to reach you', 'Number where we can reach you', 'Callback number (daytime)'])
    it(caption, () => {
      const f = loa([
        [48, 52, 'Porting Authorization Form', { font: 'sans-bold', size: 12 }],
        [48, 80, 'Account name', { size: 7.5 }],
        [52, 94, 'Larkspur Floral Studio LLC', SANS],
        [48, 116, caption, { size: 7.5 }],
        [52, 130, '612 555 0199', SANS],
        ...NUMBERS,
      ]);
      expect(f.phone_numbers?.value).toEqual(['+16125550141', '+16125550142']);
    });
});
