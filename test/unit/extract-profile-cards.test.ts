import { describe, expect, it } from 'vitest';
import { readGenerated, wrongFields } from '../helpers/generated.js';
import { extractFields } from '../../electron/core/extract/index.js';
import { pageOf, type TextLine } from '../fixtures/generator/handmade.js';
import { generateRandom } from '../fixtures/generator/random.js';

/*
 * An account profile: a sidebar of account facts beside a panel of location cards (csr-profile in
 * standin-n.ts). The rules: a site's status that says the account has left it (closed, moved, vacated…,
 * with or without its date) takes the card's lines and premises off the account, and only the card the
 * number sits in counts; a heading numbering a site is no holder's name; a caption wrapped over lines
 * of the sidebar (a hint left open, a card's row between its lines) is one label; a cell far left that
 * heads a value of its own right under it is no caption of a card's number level with it; a table's
 * type cell is no caption of the next column's number. Each is checked on the family's rendered PDFs
 * (dev seeds the reading got wrong) and on pages written here in other wordings, with controls.
 */

const readProfile = (seed: number) => readGenerated(generateRandom(seed, { family: 'csr-profile', standins: 38 }));

const SANS = { font: 'sans' as const, size: 9 };
const BOLD = { font: 'sans-bold' as const, size: 9 };
const SMALL = { font: 'sans' as const, size: 7 };

describe('csr-profile dev seeds the reading got wrong', () => {
  // 15643, 15623: a card "Moved" / "Closed" (its lines stayed); 15623 also a sidebar BTN level with that
  // card's heading (taken for the card's line); 15605: "ACCT. NUMBER" over its value, a card's street
  // beside it; 15606, 15609: captions wrapped over three lines (a hint left open; a card's row between
  // the lines); 15649, 15677: "Cust Ref" over its own value, level with a card's line; 15663: a card's
  // number after the other card's type cell "Fax"
  for (const seed of [15643, 15623, 15606, 15609, 15649, 15677, 15663])
    it(`csr-profile-${seed}: every field the profile prints`, async () => {
      const { f, got } = await readProfile(seed);
      expect(wrongFields(f, got)).toEqual([]);
    });
  // 15618, 15668: the card heading "Site 1 - HQ" read as a caption, its rest run into the street
  for (const seed of [15618, 15668])
    it(`csr-profile-${seed}: service address`, async () => {
      const { f, got } = await readProfile(seed);
      expect(wrongFields(f, got)).not.toContain('service_address');
    });
  it('csr-profile-15605: account number and lines', async () => {
    const { f, got } = await readProfile(15605);
    expect(wrongFields(f, got)).not.toContain('account_number');
    expect(wrongFields(f, got)).not.toContain('phone_numbers');
  });
});

describe("a site's status that says the account has left it", () => {
  // the sidebar's BTN is level with the second card's heading; the first card is the active site
  const page = (status: string): TextLine[] => [
    [30, 36, 'Northwind Telephone   Customer Overview', BOLD],
    [30, 62, 'Account No.:', SANS],
    [110, 62, '88120 4471', SANS],
    [260, 62, 'Branch 1 - Depot', BOLD],
    [520, 62, 'In Service', SMALL],
    [30, 76, 'Main Line:', SANS],
    [110, 76, '303-555-0161', SANS],
    [260, 76, '4410 Granite Bluff Rd', SANS],
    [260, 88, 'Boulder, CO 80301', SANS],
    [264, 102, '303-555-0161', SANS],
    [264, 114, '303-555-0162', SANS],
    [260, 136, 'Branch 2 - Annex', BOLD],
    [520, 136, status, SMALL],
    [30, 136, 'Main Line:', SANS],
    [110, 136, '303-555-0161', SANS],
    [260, 150, '77 Quarry Ln', SANS],
    [260, 162, 'Boulder, CO 80302', SANS],
    [264, 176, '303-555-0177', SANS],
  ];

  for (const status of ['Closed', 'MOVED', 'Relocated', 'Vacated 03/2021', 'Closed - 2024-01-05', 'Ported Out'])
    it(`"${status}": the card's line and premises are not the account's`, () => {
      const got = extractFields([pageOf(page(status))], 'csr').fields;
      expect(got.phone_numbers?.value).toEqual(['+13035550161', '+13035550162']);
      expect(got.service_address?.value.street_line).toBe('4410 Granite Bluff Rd');
    });

  // (a site on hold keeps its lines, as a suspended line does; "Active" is no leaving)
  for (const status of ['Active', 'Suspended'])
    it(`control: "${status}" leaves the card's line on the account`, () => {
      const got = extractFields([pageOf(page(status))], 'csr').fields;
      expect(got.phone_numbers?.value).toContain('+13035550177');
    });

  it("control: a sidebar's number level with a closed card's heading is not that card's", () => {
    const got = extractFields([pageOf(page('Closed'))], 'csr').fields;
    expect(got.phone_numbers?.value).toContain('+13035550161');
  });
});

describe("a heading numbering a site is no holder's name", () => {
  // no caption names the holder: the only block with a line over its street is the card's
  const page = (heading: string): TextLine[] => [
    [30, 36, 'Northwind Telephone   Site Summary', BOLD],
    [30, 62, 'Account No.:', SANS],
    [110, 62, '88120 4471', SANS],
    [300, 62, heading, BOLD],
    [300, 76, '4410 Granite Bluff Rd', SANS],
    [300, 88, 'Boulder, CO 80301', SANS],
    [304, 104, '303-555-0161', SANS],
  ];

  for (const heading of ['Location 1 - Store', 'Site B: Warehouse', 'Branch #4 – Clinic', 'Loc 002', 'Site 1 - HQ'])
    it(`"${heading}"`, () => {
      const got = extractFields([pageOf(page(heading))], 'csr').fields;
      expect(got.account_name?.value ?? '').not.toContain(heading.split(/\s/)[0]!);
      // (nor the start of the street under it)
      expect(got.service_address?.value.street_line).toBe('4410 Granite Bluff Rd');
    });

  it("control: a business's name over the premises is still read", () => {
    const got = extractFields([pageOf(page('Quarry Hill Bakery LLC'))], 'csr').fields;
    expect(got.account_name?.value).toBe('Quarry Hill Bakery LLC');
  });
});

describe('a caption wrapped over lines of a narrow sidebar', () => {
  const HEAD = { font: 'sans-bold' as const, size: 11 };
  // a hint opened on the first line, closed on the third; the value wraps beside the first two
  for (const [l1, l2, l3] of [
    ['Name (as shown', 'on your', 'statement):'],
    ['Customer (exactly', 'as billed', 'to you):'],
  ] as const)
    it(`"${l1}" / "${l2}" / "${l3}"`, () => {
      const got = extractFields(
        [
          pageOf([
            [30, 36, 'Northwind Telephone   Customer Overview', HEAD],
            [30, 62, 'Account', HEAD],
            [260, 62, 'Sites', HEAD],
            [30, 78, l1, SANS],
            [110, 78, 'QUARRY HILL BAKERY,', SANS],
            [30, 90, l2, SANS],
            [110, 90, 'INC.', SANS],
            [260, 91, 'Site 1 - Depot', BOLD],
            [30, 102, l3, SANS],
            [260, 106, '4410 Granite Bluff Rd', SANS],
            [30, 116, 'Account No.:', SANS],
            [110, 116, '88120 4471', SANS],
            [260, 118, 'Boulder, CO 80301', SANS],
          ]),
        ],
        'csr',
      ).fields;
      expect(got.account_name?.value).toBe('QUARRY HILL BAKERY, INC.');
    });

  // a card's line falls between the caption's first and second lines
  for (const words of [
    ['BILLING', 'TELEPHONE', 'NUMBER (BTN)'],
    ['MAIN', 'BILLING', 'NUMBER'],
  ])
    it(`"${words.join('" / "')}" around a card's line`, () => {
      const got = extractFields(
        [
          pageOf([
            [30, 36, 'Northwind Telephone   Customer Overview', BOLD],
            [30, 62, 'ACCOUNT NBR', SMALL],
            [110, 62, '88120 4471', SANS],
            [260, 62, 'Site A - Depot', BOLD],
            [260, 76, '4410 Granite Bluff Rd, Boulder, CO 80301', SANS],
            [260, 90, 'Lines (2)', SMALL],
            [264, 102, '303-555-0161', SANS],
            [30, 108, words[0]!, SMALL],
            [110, 108, '303-555-0161', SANS],
            [264, 114, '303-555-0162', SANS],
            [30, 120, words[1]!, SMALL],
            [30, 130, words[2]!, SMALL],
            [30, 146, 'STATUS', SMALL],
            [110, 146, 'Active', SANS],
          ]),
        ],
        'csr',
      ).fields;
      expect(got.btn?.value).toBe('+13035550161');
      expect(got.phone_numbers?.value).toEqual(['+13035550161', '+13035550162']);
    });
});

describe("a sidebar caption over its own value is no caption of a card's number beside it", () => {
  const page = (caption: string, own: string, cardNumber: string): TextLine[] => [
    [30, 36, 'Northwind Telephone   Customer Overview', BOLD],
    [30, 62, 'Account No.', SMALL],
    [30, 72, '88120 4471', SANS],
    [300, 62, 'Site 1 - Depot', BOLD],
    [300, 76, '4410 Granite Bluff Rd', SANS],
    [300, 88, 'Boulder, CO 80301', SANS],
    [30, 100, caption, SMALL],
    [304, 100, cardNumber, SANS],
    [30, 110, own, SANS],
    [304, 112, '3035550162', SANS],
  ];

  for (const [caption, own] of [
    ['CALLBACK', '303-555-0199'],
    ['Reach me at', '303-555-0199'],
    ['Cust Ref', 'P86426017'],
    ['Reference No.', 'R-22871'],
  ] as const)
    it(`"${caption}" over "${own}"`, () => {
      const got = extractFields([pageOf(page(caption, own, '3035550161'))], 'csr').fields;
      expect(got.phone_numbers?.value).toEqual(['+13035550161', '+13035550162']);
    });

  it('control: a caption beside its number on a label-left row still says whose it is', () => {
    const got = extractFields(
      [
        pageOf([
          [30, 36, 'Northwind Telephone   Customer Overview', BOLD],
          [30, 62, 'Account No.:', SANS],
          [110, 62, '88120 4471', SANS],
          [30, 76, 'Call-back No.', SANS],
          [110, 76, '303-555-0199', SANS],
          [30, 90, 'Reference No.', SANS],
          [110, 90, '3035550144', SANS],
          [30, 110, 'Telephone Numbers:', SANS],
          [110, 110, '303-555-0161', SANS],
        ]),
      ],
      'csr',
    ).fields;
    expect(got.phone_numbers?.value).toEqual(['+13035550161']);
  });
});

describe("a table's type cell is no caption of the next column's number", () => {
  for (const type of ['Fax', 'FAX LINE'])
    it(`"TN | Type | TN | Type" with "${type}" before the second card's number`, () => {
      const got = extractFields(
        [
          pageOf([
            [30, 36, 'Northwind Telephone   Sites', BOLD],
            [30, 62, 'Account No.:', SANS],
            [110, 62, '88120 4471', SANS],
            [260, 62, 'Annex', BOLD],
            [420, 62, 'Depot', BOLD],
            [260, 76, '77 Quarry Ln, Boulder, CO 80302', SANS],
            [420, 76, '4410 Granite Bluff Rd, Boulder, CO 80301', SANS],
            [264, 92, 'TN', SMALL],
            [350, 92, 'Type', SMALL],
            [424, 92, 'TN', SMALL],
            [510, 92, 'Type', SMALL],
            [30, 104, 'Profile ID', SMALL],
            [264, 104, '303 555 0177', SANS],
            [350, 104, type, SANS],
            [424, 104, '303 555 0161', SANS],
            [510, 104, 'Voice', SANS],
            [424, 116, '303 555 0162', SANS],
            [510, 116, 'Hunt', SANS],
          ]),
        ],
        'csr',
      ).fields;
      expect(got.phone_numbers?.value).toContain('+13035550161');
    });
});

describe("a sidebar's heading over a name caption is no person", () => {
  for (const heading of ['ACCOUNT FACTS', 'Customer Details'])
    it(`"${heading}" over "Subscriber Name" over the business`, () => {
      const got = extractFields(
        [
          pageOf([
            [30, 36, 'Northwind Telephone   Customer Overview', BOLD],
            [30, 62, heading, { font: 'sans-bold', size: 11 }],
            [300, 62, 'Sites', { font: 'sans-bold', size: 11 }],
            [30, 78, 'Subscriber Name', SMALL],
            [30, 88, 'QUARRY HILL BAKERY CO.', SANS],
            [30, 104, 'Acct No.', SMALL],
            [30, 114, '88120 4471', SANS],
          ]),
        ],
        'csr',
      ).fields;
      expect(got.account_name?.value).toBe('QUARRY HILL BAKERY CO.');
      expect(got.authorized_person?.value ?? null).toBeNull();
    });
});

describe('control: a table row whose status says the line has gone', () => {
  it("a row's cells before its number are no caption, its DISC is the row's", () => {
    const got = extractFields(
      [
        pageOf([
          [30, 36, 'Northwind Telephone   Line Listing', BOLD],
          [30, 60, 'Account Name', SMALL],
          [150, 60, 'Telephone', SMALL],
          [260, 60, 'Service Addr', SMALL],
          [420, 60, 'Status', SMALL],
          [30, 74, 'Novak & Berg, PC', SANS],
          [150, 74, '+1 303 555 0161', SANS],
          [260, 74, '80 River Parkway #3', SANS],
          [420, 74, 'Active', SANS],
          [30, 88, 'Novak & Berg, PC', SANS],
          [150, 88, '+1 303 555 0177', SANS],
          [260, 88, '80 River Parkway #3', SANS],
          [420, 88, 'DISC', SANS],
        ]),
      ],
      'csr',
    ).fields;
    expect(got.phone_numbers?.value).toEqual(['+13035550161']);
  });
});
