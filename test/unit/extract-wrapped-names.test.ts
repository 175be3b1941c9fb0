import { describe, expect, it } from 'vitest';
import { extractFields } from '../../electron/core/extract/index.js';
import { pageOf, type TextLine } from '../fixtures/generator/handmade.js';
import { textWidth } from '../fixtures/generator/layout.js';

/*
 * Account names that wrap in their cell, and labels that wrap in theirs: the whole name is read,
 * suffix included, and the label's lower lines are neither values nor labels of their own. Wordings
 * and layouts written for this test (not the generator's).
 */

const name = (lines: TextLine[], kind: 'invoice' | 'csr' | 'loa' = 'invoice') =>
  extractFields([pageOf(lines)], kind).fields.account_name?.value;

describe('a bill-to block whose name wraps over two lines', () => {
  const block = (first: string, second: string): TextLine[] => [
    [48, 40, 'Ridgeway Telecom'],
    [330, 40, 'Account Number:'],
    [430, 40, '55120-88431'],
    [48, 140, 'Bill To'],
    [240, 140, 'Service Location'],
    [48, 153, first],
    [240, 153, first],
    [48, 165, second],
    [240, 165, second],
    [48, 177, '410 Harbor Way'],
    [240, 177, '410 Harbor Way'],
    [48, 189, 'Billings, MT 59101'],
    [240, 189, 'Billings, MT 59101'],
  ];

  for (const [first, second] of [
    ['Gulf Breeze Accounting', 'Services Incorporated'],
    ['Silver Creek Dental Group', 'L.L.C.'],
    ['Copper Canyon Plumbing &', 'Heating LLP'],
    ['Coastal Chiropractic', 'Center P.A.'],
  ])
    it(`"${first}" / "${second}" is one name`, () => {
      expect(name(block(first!, second!))).toBe(`${first} ${second}`);
    });

  it('a person on the line under a complete business name is not glued to it', () => {
    expect(name(block('Harbor Light Dental LLC', 'Attn: Maria Lopez'))).toBe('Harbor Light Dental LLC');
  });
});

describe('a name cell that wraps beside its label', () => {
  it('a name ending with a legal form goes on with more legal forms ("… Brewing Company" / "LLP")', () => {
    expect(
      name([
        [51, 86, 'Name of Business'],
        [223, 86, 'Authorized Representative'],
        [53, 99, 'Red Rock Brewing Company'],
        [225, 99, 'Tyrone Tanaka'],
        [53, 111, 'Incorporated'],
        [51, 130, 'Account Nbr'],
        [53, 143, '843-350-8491-68'],
      ]),
    ).toBe('Red Rock Brewing Company Incorporated');
  });

  it('a hinted label wrapping over two lines ("Name (as shown on" / "your statement):")', () => {
    for (const [a, b] of [
      ['Name (as shown on', 'your statement):'],
      ['Name (exactly as it', 'appears on the bill):'],
    ]) {
      expect(
        name([
          [48, 88, a!],
          [165, 88, 'Blue Heron'],
          [290, 88, 'Due Date:'],
          [380, 88, '2/28/2023'],
          [48, 99, b!],
          [165, 99, 'Construction P.C.'],
          [48, 118, 'Account No.:'],
          [165, 118, '396-863-5416-92'],
        ]),
        a,
      ).toBe('Blue Heron Construction P.C.');
    }
  });

  it('hint words under the label are the label\'s ("Customer" / "name on file")', () => {
    expect(
      name([
        [48, 86, 'Customer'],
        [125, 86, 'Whitaker & Kim'],
        [220, 86, 'Bill Date'],
        [297, 86, '2/5/23'],
        [48, 98, 'name on file'],
        [125, 98, 'Inc'],
        [48, 118, 'Customer No.'],
        [125, 118, '4829641130737'],
      ]),
    ).toBe('Whitaker & Kim Inc');
  });

  it('a label left open on its first line continues on the next ("CUSTOMER NAME ON" / "FILE")', () => {
    expect(
      name([
        [48, 88, 'CUSTOMER NAME ON'],
        [145, 88, 'Twin Oaks Landscape Design,'],
        [48, 99, 'FILE'],
        [145, 99, 'Corporation'],
        [48, 118, 'ACCT NO.'],
        [145, 118, '9741 12 873 8623956'],
      ]),
    ).toBe('Twin Oaks Landscape Design, Corporation');
  });

  it('a head that is another label alone joins the cell under it into a longer one ("ACCOUNT" / "HOLDER")', () => {
    expect(
      name([
        [48, 87, 'ACCOUNT'],
        [113, 87, 'Silver Creek'],
        [48, 98, 'HOLDER'],
        [113, 98, 'Orthodontics, Co.'],
        [48, 109, 'NAME'],
        [48, 127, 'ACCT NO.'],
        [113, 127, '3092871250377'],
      ]),
    ).toBe('Silver Creek Orthodontics, Co.');
  });

  it('fragments stacked into one label read the value beside all of them ("Legal" / "Business" / "Name")', () => {
    expect(
      name([
        [48, 87, 'Legal'],
        [113, 87, 'Pinnacle Insurance'],
        [48, 98, 'Business'],
        [113, 98, 'Agency'],
        [48, 109, 'Name'],
        [113, 109, 'Corporation'],
        [48, 127, 'No.'],
        [113, 127, '418242444'],
      ]),
    ).toBe('Pinnacle Insurance Agency Corporation');
  });

  it('two whole labels one over the other stay two labels', () => {
    const page = pageOf([
      [48, 87, 'Title'],
      [236, 87, 'Operations Director'],
      [48, 98, 'Street Address of Service'],
      [236, 98, '77 Waterfront Street'],
      [48, 109, 'City'],
      [236, 109, 'Norfolk'],
      [48, 120, 'State'],
      [236, 120, 'VA'],
      [48, 131, 'Zip'],
      [236, 131, '23510'],
    ]);
    expect(extractFields([page], 'loa').fields.service_address?.value.street_line).toBe('77 Waterfront Street');
  });
});

describe('a value that runs into the next column of a grid', () => {
  // the next column's label starts one word space after a long value: the text layer makes one cell of them
  const grid = (value: string, label: string, labelLine2: string, wrapped: string): TextLine[] => {
    const col = 145 + textWidth(value, 'sans', 10) + textWidth(' ', 'sans', 10);
    return [
      [48, 87, 'Account Holder:'],
      [145, 87, value],
      [col, 87, label],
      [col + 100, 87, '1-928-634-2976'],
      [145, 99, wrapped],
      [col, 99, labelLine2],
      [48, 115, 'Billing Account:'],
      [145, 115, '333-600-6595-17'],
      [col, 115, 'Listed Name:'],
      [col + 100, 115, 'Evergreen PT'],
      [48, 131, 'Document No.:'],
      [145, 131, '2535560'],
      [col, 131, 'Pay By:'],
      [col + 100, 131, '8/12/2025'],
    ];
  };

  for (const [value, label, line2, wrapped] of [
    ['Evergreen Physical Therapy', 'Main Account', 'Number (BTN):', 'Incorporated'],
    ['Gulf Breeze Storage', 'Doing Business', 'As:', 'Centers LLC'],
  ])
    it(`"${value}" stops where "${label}" starts on the column edge`, () => {
      const page = pageOf(grid(value!, label!, line2!, wrapped!));
      expect(extractFields([page], 'invoice').fields.account_name?.value).toBe(`${value} ${wrapped}`);
    });
});

describe('what a stacked label is not', () => {
  it('a label over the next row\'s hinted label does not swallow it ("TITLE" / "NAME (AS SHOWN ON" / "YOUR STATEMENT)")', () => {
    const f = extractFields(
      [
        pageOf([
          [48, 94, 'PASSCODE/PIN'],
          [164, 94, '7266'],
          [306, 94, 'ACCT. NUMBER'],
          [422, 94, '186056839'],
          [48, 108, 'CURRENT PHONE'],
          [164, 108, 'Windstream'],
          [306, 108, 'TITLE'],
          [422, 108, 'Practice Administrator'],
          [48, 121, 'COMPANY'],
          [306, 121, 'NAME (AS SHOWN ON'],
          [422, 121, 'Dubois & Yilmaz P.A.'],
          [306, 131, 'YOUR STATEMENT)'],
          [48, 145, 'SIGNER NAME'],
          [164, 145, 'Maria T. Anderson'],
        ]),
      ],
      'loa',
    ).fields;
    expect(f.account_name?.value).toBe('Dubois & Yilmaz P.A.');
  });

  it('the carrier a letter authorizes, written with its legal form, is not the customer', () => {
    const f = extractFields(
      [
        pageOf(
          [
            'Clearline Communications, Inc.',
            'I authorize Clearline Communications, Inc. to act as my agent to port the numbers of',
            'Dubois & Yilmaz P.A. listed below.',
          ].map((s, i) => [72, 100 + i * 14, s] as TextLine),
        ),
      ],
      'loa',
    ).fields;
    expect(f.account_name?.value).toBe('Dubois & Yilmaz P.A.');
  });
});

describe('unlisted wordings of the name and PIN labels', () => {
  for (const [nameLabel, pinLabel] of [
    ['Firm Name:', 'Port-Out Password:'],
    ['Client Name:', 'Transfer Code:'],
    ['Enterprise Name:', 'Verification Code:'],
  ])
    it(`"${nameLabel}" and "${pinLabel}"`, () => {
      const f = extractFields(
        [
          pageOf([
            [48, 100, nameLabel!],
            [200, 100, 'Harbor Light Dental LLC'],
            [48, 118, pinLabel!],
            [200, 118, '4471'],
            [48, 136, 'Account Number:'],
            [200, 136, '55120-88'],
          ]),
        ],
        'loa',
      ).fields;
      expect([f.account_name?.value, f.pin?.value, f.account_number?.value]).toEqual([
        'Harbor Light Dental LLC',
        '4471',
        '55120-88',
      ]);
    });
});
