import { describe, expect, it } from 'vitest';
import { readGenerated, testOnlyWordingsPrinted, wrongFields } from '../helpers/generated.js';
import { readLines } from '../helpers/read-lines.js';
import { type TextLine } from '../fixtures/generator/handmade.js';
import { generateRandom } from '../fixtures/generator/random.js';

/*
 * Rules met on first sight of two stand-ins (standin-o.ts): a faxed two-page "Port Out Request" whose
 * items are numbered by section ("A1.", "B2") with the customer's contact and fax numbers among them
 * (loa-portout), and an equipment and billing record opening with a strip of caption:value pairs and
 * listing its lines in an inventory table with a status column (csr-inventory). Each rule is checked on
 * the family's rendered PDFs (dev seeds the first-sight reading got wrong) and on pages written here in
 * other wordings, with a control that the rule stays where it belongs.
 */

const readFamily = (family: string, seed: number) => readGenerated(generateRandom(seed, { family, standins: 40 }));

const SANS = { font: 'sans' as const, size: 9 };
const BOLD = { font: 'sans-bold' as const, size: 9 };
const SMALL = { font: 'sans' as const, size: 7 };

it('the new stand-ins print no test-only label wording', () => {
  for (const family of ['loa-portout', 'csr-inventory'])
    for (const seed of [1, 2, 3, 8, 10]) expect(testOnlyWordingsPrinted(family, seed)).toBe(0);
});

describe("a form item's number before its caption", () => {
  // loa-portout dev seeds whose first-sight reading missed captions numbered "A1." / "B2" (the account
  // number then came from the fax cover's request number, the name from the page-2 header)
  for (const [seed, field] of [
    [15617, 'account_name'],
    [15617, 'account_number'],
    [15633, 'account_number'],
    [15608, 'pin'],
  ] as const)
    it(`loa-portout-${seed}: ${field}`, async () => {
      const { f, got } = await readFamily('loa-portout', seed);
      expect(wrongFields(f, got)).not.toContain(field);
    });

  for (const [a, b, c] of [
    ['A1.', 'A2.', 'B1)'],
    ['1a.', '2a.', '3a.'],
    ['C3', 'C4', 'C5'],
  ] as const)
    it(`in other wording: items numbered "${a}" "${b}" "${c}"`, () => {
      const got = readLines(
        [
          [40, 40, 'Northwind Voice  Transfer Request', BOLD],
          [48, 70, `${a} Business Name:`, SANS],
          [190, 70, 'Quarry Hill Bakery LLC', SANS],
          [48, 86, `${b} Account No.:`, SANS],
          [190, 86, '88120 4471', SANS],
          [48, 102, `${c} Passcode`, SMALL],
          [60, 112, '7315', SANS],
        ],
        'loa',
      );
      expect(got.account_name?.value).toBe('Quarry Hill Bakery LLC');
      expect(got.account_number?.value).toBe('88120 4471');
      expect(got.pin?.value).toBe('7315');
    });

  it('control: a unit written like an item number stays in its address', () => {
    const got = readLines(
      [
        [40, 40, 'Northwind Voice  Transfer Request', BOLD],
        [48, 70, 'Business Name:', SANS],
        [190, 70, 'Quarry Hill Bakery LLC', SANS],
        [48, 86, 'Service Address:', SANS],
        [190, 86, '4410 Granite Bluff Rd Unit B2', SANS],
        [190, 98, 'Boulder, CO 80301', SANS],
      ],
      'loa',
    );
    expect(got.service_address?.value).toMatchObject({ street_line: '4410 Granite Bluff Rd', unit: 'Unit B2' });
  });
});

describe("a contact's number captioned over or before it", () => {
  // loa-portout dev seeds whose first-sight reading listed the customer's daytime phone or fax number
  // (captions hung left of their indented values) among the numbers to port
  for (const seed of [15601, 15613, 15616, 15623, 15640])
    it(`loa-portout-${seed}: phone_numbers`, async () => {
      const { f, got } = await readFamily('loa-portout', seed);
      expect(wrongFields(f, got)).not.toContain('phone_numbers');
    });

  const form = (contactCaption: string, faxCaption: string): TextLine[] => [
    [40, 40, 'Northwind Voice  Transfer Request', BOLD],
    [48, 70, 'Business Name:', SANS],
    [190, 70, 'Quarry Hill Bakery LLC', SANS],
    [48, 90, contactCaption, SMALL],
    [60, 100, '303-555-0190', SANS],
    [48, 116, faxCaption, SMALL],
    [60, 126, '303-555-0191', SANS],
    [48, 150, 'Numbers to Port:', BOLD],
    [60, 164, '303-555-0161', SANS],
    [60, 176, '303-555-0162', SANS],
  ];

  for (const [contact, fax] of [
    ['4. Evening Phone', '5. Fax No.'],
    ['Day Telephone', 'Customer Fax #'],
    ['A3 Daytime Contact', 'A4 Fax'],
  ] as const)
    it(`in other wording: "${contact}" and "${fax}" over their numbers`, () => {
      const got = readLines(form(contact, fax), 'loa');
      expect(got.phone_numbers?.value).toEqual(['+13035550161', '+13035550162']);
    });

  it('control: a caption naming a line (a fax LINE, a telephone number) keeps its number', () => {
    const got = readLines(form('4. Telephone Number', '5. Fax Line'), 'loa');
    expect(got.phone_numbers?.value).toEqual(
      expect.arrayContaining(['+13035550190', '+13035550191', '+13035550161', '+13035550162']),
    );
  });

  // csr-inventory: "Authorized By: … CBR: 251-801-4044" — a record's call-back tag ends the words before it
  it('csr-inventory-15603: the callback number is no line', async () => {
    const { f, got } = await readFamily('csr-inventory', 15603);
    expect(wrongFields(f, got)).not.toContain('phone_numbers');
  });
});

describe('a line whose status says it has left', () => {
  for (const seed of [15616, 15606, 15624])
    it(`csr-inventory-${seed}: phone_numbers`, async () => {
      const { f, got } = await readFamily('csr-inventory', seed);
      expect(wrongFields(f, got)).not.toContain('phone_numbers');
    });

  for (const status of ['Ceased', 'DISCONTINUED', 'Removed'])
    it(`in other wording: a row "${status}" is not on the account`, () => {
      const got = readLines(
        [
          [36, 40, 'Northwind Telephone  Line Inventory', BOLD],
          [36, 60, 'Account Number:', SANS],
          [120, 60, '88120 4471', SANS],
          [38, 90, 'TN', BOLD],
          [150, 90, 'Code', BOLD],
          [300, 90, 'State of Line', BOLD],
          [38, 104, '303-555-0161', SANS],
          [150, 104, '1FB', SANS],
          [300, 104, 'Active', SANS],
          [38, 116, '303-555-0177', SANS],
          [150, 116, '1FB', SANS],
          [300, 116, status, SANS],
          [38, 128, '303-555-0162', SANS],
          [150, 128, 'DID', SANS],
          [300, 128, 'Active', SANS],
        ],
        'csr',
      );
      expect(got.phone_numbers?.value).toEqual(['+13035550161', '+13035550162']);
    });
});

describe('a strip of caption:value pairs', () => {
  // csr-inventory dev seeds whose first-sight reading ran a value on into the next pair ("… INC. CYCLE:
  // 1", "NANCY KOWALSKI Fax No.: …", "… INCORPORATED DBA: …")
  for (const [seed, field] of [
    [15616, 'account_name'],
    [15628, 'authorized_person'],
    [15602, 'authorized_person'],
    [15605, 'account_name'],
  ] as const)
    it(`csr-inventory-${seed}: ${field}`, async () => {
      const { f, got } = await readFamily('csr-inventory', seed);
      expect(wrongFields(f, got)).not.toContain(field);
    });

  // the pairs printed in one run, two spaces apart
  const strip = (pairs: [string, string][], y: number): TextLine[] => [
    [36, y, pairs.map(([cap, val]) => `${cap} ${val}`).join('  '), SANS],
  ];

  it('in other wording: each value ends where the next caption starts', () => {
    const got = readLines(
      [
        [36, 36, 'Northwind Telephone  Customer Record', BOLD],
        ...strip(
          [
            ['Account No.:', '88120 4471'],
            ['Region:', 'West'],
            ['Tier:', 'Gold'],
          ],
          60,
        ),
        ...strip(
          [
            ['Company:', 'Quarry Hill Bakery LLC'],
            ['Sales Rep:', 'K. Olsen'],
          ],
          74,
        ),
        ...strip(
          [
            ['Authorized Contact:', 'Dana Pruitt'],
            ['Alt Line:', '303-555-0199'],
          ],
          88,
        ),
        [36, 110, 'Telephone Numbers:', BOLD],
        [140, 110, '303-555-0161', SANS],
      ],
      'csr',
    );
    expect(got.account_number?.value).toBe('88120 4471');
    expect(got.account_name?.value).toBe('Quarry Hill Bakery LLC');
    expect(got.authorized_person?.value).toBe('Dana Pruitt');
  });

  it("control: a caption's own words close together are not cut from the value before them", () => {
    const got = readLines(
      [
        [36, 36, 'Northwind Telephone  Customer Record', BOLD],
        [36, 60, 'Account No.: 88120 4471', SANS],
        [36, 74, 'Authorized Contact: Dana Lee Pruitt', SANS],
        [36, 100, 'Telephone Numbers:', BOLD],
        [140, 100, '303-555-0161', SANS],
      ],
      'csr',
    );
    expect(got.authorized_person?.value).toBe('Dana Lee Pruitt');
  });
});
