import { describe, expect, it } from 'vitest';
import { extractFields } from '../../electron/core/extract/index.js';
import { pageOf, type TextLine } from '../fixtures/generator/handmade.js';

/*
 * Fill-in forms: each value typed on a rule with a small caption printed UNDER the rule. A value that
 * happens to be a label word (the cities Mobile and Billings) is still the value its caption names,
 * and a numbers table's empty check box keeps its number out of the port. Wordings are made up for
 * the test.
 */

const CAP = { size: 7 } as const;

interface Place {
  street: string;
  city: string;
  state: string;
  zip: string;
}

function form(p: Place, captions: [string, string, string, string]): TextLine[] {
  const [streetCap, cityCap, stateCap, zipCap] = captions;
  return [
    [48, 56, 'AUTHORIZATION TO MOVE TELEPHONE SERVICE', { font: 'sans-bold', size: 14 }],
    [51, 100, 'Copperline Tile & Stone LLC'],
    [48, 110, 'BUSINESS NAME AS BILLED', CAP],
    [51, 132, 'Rosalind Achebe'],
    [48, 142, 'PERSON SIGNING FOR THE BUSINESS', CAP],
    [51, 164, '4471 0982 5530'],
    [48, 174, 'ACCOUNT NUMBER', CAP],
    [51, 196, p.street],
    [48, 206, streetCap, CAP],
    [51, 228, p.city],
    [301, 228, p.state],
    [391, 228, p.zip],
    [48, 238, cityCap, CAP],
    [298, 238, stateCap, CAP],
    [388, 238, zipCap, CAP],
  ];
}

const CASES: [Place, [string, string, string, string]][] = [
  [{ street: '1830 Dauphin St', city: 'Mobile', state: 'AL', zip: '36604' }, ['ADDRESS', 'CITY', 'ST', 'ZIP']],
  [{ street: '2210 Grand Ave', city: 'Billings', state: 'MT', zip: '59102' }, ['Street', 'City', 'State', 'ZIP Code']],
  [
    { street: '77 GOVERNMENT BLVD', city: 'MOBILE', state: 'AL', zip: '36602' },
    ['SERVICE STREET', 'CITY', 'STATE', 'POSTAL CODE'],
  ],
];

describe('a value on a rule over its caption is that caption’s value, even when it is a label word', () => {
  for (const [place, caps] of CASES) {
    it(`${place.city} over "${caps[1]}"`, () => {
      const got = extractFields([pageOf(form(place, caps))], 'loa').fields;
      expect(got.service_address?.value).toMatchObject({
        street_line: place.street,
        city: place.city,
        state: place.state,
        zip5: place.zip,
      });
      expect(got.account_name?.value).toBe('Copperline Tile & Stone LLC');
    });
  }
});

function numbersTable(head: [string, string, string, string], rows: [string, string, string, string][]): TextLine[] {
  const lines: TextLine[] = [
    [48, 56, 'Letter of Authorization', { font: 'sans-bold', size: 14 }],
    [51, 100, 'Juniper Hollow Vineyards Inc.'],
    [48, 110, 'CUSTOMER', CAP],
    [48, 140, 'NUMBERS ON THIS REQUEST', { font: 'sans-bold', size: 10 }],
    [52, 160, head[0], { font: 'sans-bold', size: 10 }],
    [240, 160, head[1], { font: 'sans-bold', size: 10 }],
    [300, 160, head[2], { font: 'sans-bold', size: 10 }],
    [390, 160, head[3], { font: 'sans-bold', size: 10 }],
  ];
  rows.forEach((r, i) => {
    const y = 178 + i * 16;
    lines.push([52, y, r[0]], [240, y, r[1]], [300, y, r[2]]);
    if (r[3]) lines.push([390, y, r[3]]);
  });
  return lines;
}

describe('a numbers table whose rows answer with check boxes', () => {
  const WORDINGS: [string, string, string, string][] = [
    ['Number', 'Port?', 'Type', 'Notes'],
    ['Phone #', 'Move?', 'Line Type', 'Comments'],
  ];
  for (const head of WORDINGS) {
    it(`an empty box under "${head[1]}" keeps its number`, () => {
      const got = extractFields(
        [
          pageOf(
            numbersTable(head, [
              ['(541) 555-0140', '[X]', 'Main', 'ext. 210'],
              ['(541) 555-0141', '[X]', 'Fax', ''],
              ['(541) 555-0188', '[ ]', 'Alarm', 'front desk'],
            ]),
          ),
        ],
        'loa',
      ).fields;
      expect(got.phone_numbers?.value).toEqual(['+15415550140', '+15415550141']);
      expect(got.numbers_not_to_port?.value).toEqual(['+15415550188']);
    });
  }

  it('a row ticking one box of a pair ("[X]" to port, "[ ]" to keep) is ported', () => {
    const lines = numbersTable(
      ['Number', 'Port', 'Keep', 'Notes'],
      [
        ['(541) 555-0140', '[X]', '[ ]', ''],
        ['(541) 555-0141', '[X]', '[ ]', ''],
      ],
    );
    const got = extractFields([pageOf(lines)], 'loa').fields;
    expect(got.phone_numbers?.value).toEqual(['+15415550140', '+15415550141']);
    expect(got.numbers_not_to_port?.value ?? []).toEqual([]);
  });
});
