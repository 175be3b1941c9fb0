import { describe, expect, it } from 'vitest';
import { readGenerated, testOnlyWordingsPrinted, wrongFields } from '../helpers/generated.js';
import { extractFields } from '../../electron/core/extract/index.js';
import { pageOf, type TextLine } from '../fixtures/generator/handmade.js';
import { generateRandom } from '../fixtures/generator/random.js';

/*
 * Rules met on first sight of two stand-ins (standin-p.ts): a hosted-voice bill whose header band prints
 * the customer's name in capitals over the window block that repeats it (inv-e911), and a service record
 * whose numbers and contact are written as sentences (csr-svcrecord). Each rule is checked on the family's
 * rendered PDFs (dev seeds the first-sight reading got wrong) and on pages written here in other wordings,
 * with a control that the rule stays where it belongs.
 */

const readFamily = (family: string, seed: number) => readGenerated(generateRandom(seed, { family, standins: 42 }));

const SANS = { font: 'sans' as const, size: 9 };
const BIG = { font: 'sans-bold' as const, size: 16 };
const BAND = { font: 'sans-bold' as const, size: 12 };

it('the new stand-ins print no test-only label wording', () => {
  for (const family of ['inv-e911', 'csr-svcrecord'])
    for (const seed of [1, 2, 3, 8, 10]) expect(testOnlyWordingsPrinted(family, seed)).toBe(0);
});

describe("a bill's banner naming the customer under the issuer's letterhead", () => {
  // inv-e911 dev seeds whose first-sight reading named no account: the window block's name repeated the
  // header band's large print, and a block naming the letterhead is the carrier's remit block
  for (const seed of [16801, 16802, 16804])
    it(`inv-e911-${seed}: account_name`, async () => {
      const { f, got } = await readFamily('inv-e911', seed);
      expect(wrongFields(f, got)).not.toContain('account_name');
    });

  const bill = (banner: string, block: string): TextLine[] => [
    [40, 44, 'Lakeshore Cloud Voice', BIG],
    [40, 58, '900 Harbor Blvd, Toledo, OH 43604', SANS],
    [360, 44, 'Statement No. 77120', SANS],
    [360, 58, 'Account Number: 5520-1187', SANS],
    [40, 130, banner, BAND],
    [72, 180, block, SANS],
    [72, 192, '2210 Pine Hollow Rd', SANS],
    [72, 204, 'Dayton, OH 45402', SANS],
    [40, 260, 'Previous balance', SANS],
    [300, 260, '$120.00', SANS],
    [40, 272, 'Payments', SANS],
    [300, 272, '-$120.00', SANS],
    [40, 284, 'Current charges', SANS],
    [300, 284, '$88.10', SANS],
  ];

  for (const [banner, block] of [
    ['MAPLE GROVE DENTAL GROUP, PLLC', 'MAPLE GROVE DENTAL GROUP, PLLC'],
    ['RIVERBEND AUTO GLASS INC', 'Riverbend Auto Glass Inc'],
  ] as const)
    it(`in other wording: a banner "${banner}" over the block "${block}"`, () => {
      const got = extractFields([pageOf(bill(banner, block))], 'invoice').fields;
      expect(got.account_name?.value?.toUpperCase()).toBe(block.toUpperCase());
    });

  it('control: a block naming the letterhead itself is the carrier’s, not the customer', () => {
    const lines = bill('Account Summary', 'Lakeshore Cloud Voice');
    const got = extractFields([pageOf(lines)], 'invoice').fields;
    expect(got.account_name?.value).not.toBe('Lakeshore Cloud Voice');
  });
});

describe('numbers a sentence says are not lines', () => {
  // csr-svcrecord dev seeds whose first-sight reading listed the contact's phone ("can be reached at",
  // "…, telephone …") or a number a sentence says was disconnected among the account's lines
  for (const seed of [16803, 16806, 16810, 16816, 16820, 16824])
    it(`csr-svcrecord-${seed}: phone_numbers`, async () => {
      const { f, got } = await readFamily('csr-svcrecord', seed);
      expect(wrongFields(f, got)).not.toContain('phone_numbers');
    });

  const record = (numbers: string[], contact: string[]): TextLine[] => [
    [40, 40, 'Prairie Line Telephone   Customer Record', BAND],
    [40, 70, 'Account No.: 4471-0920-33', SANS],
    [40, 90, 'Lines', BAND],
    ...numbers.map((l, i): TextLine => [56, 104 + i * 12, l, SANS]),
    [40, 150, 'Changes', BAND],
    ...contact.map((l, i): TextLine => [56, 164 + i * 12, l, SANS]),
  ];
  const lines = ['+14025550161', '+14025550162'];

  for (const contact of [
    ['Ruth Okafor (Bookkeeper) can be reached at 402-555-0190 for any change.'],
    ['Changes must come from Ruth Okafor, Office Manager, phone 402-555-0190.'],
  ])
    it(`in other wording: "${contact[0]}"`, () => {
      const got = extractFields(
        [pageOf(record(['Lines billed here are 402-555-0161 and 402-555-0162.'], contact))],
        'csr',
      ).fields;
      expect(got.phone_numbers?.value).toEqual(lines);
    });

  for (const numbers of [
    ['Lines billed here are 402-555-0161 and 402-555-0162. Cancelled: 402-555-0177.'],
    [
      'Lines billed here are 402-555-0161 and 402-555-0162. Number 402-555-0177 was',
      'cancelled on 3/2/24 and is off the account.',
    ],
  ])
    it(`in other wording: "${numbers.join(' ')}"`, () => {
      const got = extractFields([pageOf(record(numbers, ['No contact on file.']))], 'csr').fields;
      expect(got.phone_numbers?.value).toEqual(lines);
    });

  it('control: a line named after a comma with its own word ("…, line 402-555-0163") stays a line', () => {
    const got = extractFields(
      [
        pageOf(
          record(['Lines billed here are 402-555-0161, 402-555-0162, line 402-555-0163.'], ['No contact on file.']),
        ),
      ],
      'csr',
    ).fields;
    expect(got.phone_numbers?.value).toEqual([...lines, '+14025550163']);
  });
});

describe("a bill's address in a row opened by a telephone number", () => {
  // inv-e911 dev seeds whose first-sight reading had no service address (the emergency address in the
  // row of each DID, street over city line) or read the line over a split "Street | City | ST | ZIP"
  // heading as the street
  for (const seed of [16811, 16814, 16802, 16824])
    it(`inv-e911-${seed}: service_address`, async () => {
      const { f, got } = await readFamily('inv-e911', seed);
      expect(wrongFields(f, got)).not.toContain('service_address');
    });

  const bill = (rows: TextLine[]): TextLine[] => [
    [40, 44, 'Lakeshore Cloud Voice', BIG],
    [360, 44, 'Account Number: 5520-1187', SANS],
    [72, 120, 'Maple Grove Dental Group, PLLC', SANS],
    [72, 132, 'PO Box 4410', SANS],
    [72, 144, 'Dayton, OH 45401', SANS],
    [40, 220, 'Seat licence - Premium', SANS],
    [300, 220, '$42.00', SANS],
    ...rows,
  ];

  it('in other wording: "Line | Handset | Dispatch To" rows, street over city in the cell', () => {
    const rows: TextLine[] = [
      [40, 250, 'Line', SANS],
      [140, 250, 'Handset', SANS],
      [250, 250, 'Dispatch To', SANS],
      [40, 264, '(937) 555-0161', SANS],
      [140, 264, 'Lobby', SANS],
      [250, 264, '2210 Pine Hollow Rd', SANS],
      [250, 276, 'Dayton, OH 45402', SANS],
      [40, 292, '(937) 555-0162', SANS],
      [140, 292, 'Kitchen', SANS],
      [250, 292, '2210 Pine Hollow Rd', SANS],
      [250, 304, 'Dayton, OH 45402', SANS],
    ];
    const got = extractFields([pageOf(bill(rows))], 'invoice').fields;
    expect(got.service_address?.value).toMatchObject({ street_line: '2210 Pine Hollow Rd', zip5: '45402' });
  });

  it('in other wording: split "Premises Street | City | St | Zip Code" columns under a line of charges', () => {
    const rows: TextLine[] = [
      [40, 250, 'Number', SANS],
      [140, 250, 'Premises Street', SANS],
      [300, 250, 'City', SANS],
      [400, 250, 'St', SANS],
      [440, 250, 'Zip Code', SANS],
      [40, 264, '937-555-0161', SANS],
      [140, 264, '2210 Pine Hollow Rd', SANS],
      [300, 264, 'Dayton', SANS],
      [400, 264, 'OH', SANS],
      [440, 264, '45402', SANS],
    ];
    const got = extractFields([pageOf(bill(rows))], 'invoice').fields;
    expect(got.service_address?.value).toMatchObject({ street_line: '2210 Pine Hollow Rd', zip5: '45402' });
  });

  it('control: the mailing block alone gives no service address on a bill', () => {
    const got = extractFields([pageOf(bill([]))], 'invoice').fields;
    expect(got.service_address?.value?.street_line).not.toBe('PO Box 4410');
  });
});

describe('a sentence counting the numbers is no account caption', () => {
  // csr-svcrecord dev seeds whose first-sight reading took the first listed line for the account number:
  // "This account carries 8 numbers: +1 757 555 0185, …" read as an account-number caption
  for (const seed of [16801, 16835])
    it(`csr-svcrecord-${seed}: account_number`, async () => {
      const { f, got } = await readFamily('csr-svcrecord', seed);
      expect(wrongFields(f, got)).not.toContain('account_number');
    });

  for (const sentence of [
    'This account carries 3 numbers: 402-555-0161, 402-555-0162, 402-555-0163.',
    'Your account has 3 lines: 402-555-0161, 402-555-0162 and 402-555-0163.',
  ])
    it(`in other wording: "${sentence}"`, () => {
      const got = extractFields(
        [
          pageOf([
            [40, 40, 'Prairie Line Telephone   Customer Record', BAND],
            [40, 70, 'Acct Nbr  PLT-88120-4', SANS],
            [40, 90, 'Lines', BAND],
            [56, 104, sentence, SANS],
          ]),
        ],
        'csr',
      ).fields;
      expect(got.account_number?.value).toBe('PLT-88120-4');
    });
});

describe('a name captioned without a colon in a list of captioned values', () => {
  // csr-svcrecord dev seeds whose first-sight reading kept the end of the caption's hint in the name
  // ("CUSTOMER NAME ON FILE Granite Peak …") or ran the name on into the next pair ("… LLC Listed as …")
  for (const seed of [16821, 16812])
    it(`csr-svcrecord-${seed}: account_name`, async () => {
      const { f, got } = await readFamily('csr-svcrecord', seed);
      expect(wrongFields(f, got)).not.toContain('account_name');
    });

  const holder = (caption: string, next: string): TextLine[] => [
    [40, 40, 'Northwind Telecom   Service Record', BAND],
    [40, 80, 'Holder', BAND],
    [60, 94, `${caption}  Blue Fern Studio LLC`, SANS],
    [60, 106, next, SANS],
    [40, 130, 'Account', BAND],
    [60, 144, 'Account Nbr  CUST9336389', SANS],
  ];

  for (const [caption, next] of [
    ['BUSINESS NAME ON RECORD', 'Trade style  Fern Shop'],
    ['Company name as listed', 'Opened  2017-03-02'],
    ['Customer name on file', 'Since  2017'],
  ] as const)
    it(`in other wording: "${caption}  Blue Fern Studio LLC" over "${next}"`, () => {
      const got = extractFields([pageOf(holder(caption, next))], 'csr').fields;
      expect(got.account_name?.value?.toUpperCase()).toBe('BLUE FERN STUDIO LLC');
    });

  it('control: a sentence wrapped under its caption goes on ("Your account number is" / "8310 0123.")', () => {
    const got = extractFields(
      [
        pageOf([
          [40, 40, 'Northwind Telecom   Service Record', BAND],
          [60, 94, 'Thank you for your request. Your account number is', SANS],
          [60, 106, '8310 0123. Keep it for future reference.', SANS],
        ]),
      ],
      'csr',
    ).fields;
    expect(got.account_number?.value).toBe('8310 0123');
  });
});
