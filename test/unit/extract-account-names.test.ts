import { describe, expect, it } from 'vitest';
import { extractFields } from '../../electron/core/extract/index.js';
import { pageOf, type TextLine } from '../fixtures/generator/handmade.js';
import { textWidth } from '../fixtures/generator/layout.js';

/*
 * Account names in the shapes a narrow grid or a portal page gives them: a long label pushed into
 * its value's cell, its hint words running on, a label wrapped over two lines beside a name wrapped
 * over two or three. Wordings, names and positions written for this test (not the generator's).
 */

const fields = (lines: TextLine[], kind: 'invoice' | 'csr' | 'loa' = 'invoice') =>
  extractFields([pageOf(lines)], kind).fields;
const name = (lines: TextLine[], kind: 'invoice' | 'csr' | 'loa' = 'invoice') =>
  fields(lines, kind).account_name?.value;

/** A label so long that its value follows it one word space later: the text layer makes one cell of both. */
const glued = (label: string, value: string, x = 48): { line: string; valueX: number } => ({
  line: `${label} ${value}`,
  valueX: x + textWidth(`${label} `, 'sans', 10),
});

describe('a long label glued to its value, its hint words in the cell', () => {
  for (const [label, first, second] of [
    ['Subscriber name on record', 'Prairie Wind Orthodontics', 'PLLC'],
    ['Business name as billed', 'Lakeshore Veterinary Clinic', 'L.L.C.'],
    ['Company name per our records', 'Ironwood Title & Escrow', 'Services Inc.'],
  ])
    it(`"${label} ${first}" over "${second}" in the value's column`, () => {
      const g = glued(label!, first!);
      expect(
        name(
          [
            [48, 80, g.line],
            [g.valueX, 92, second!],
            [48, 110, 'Account Number'],
            [g.valueX, 110, '4417002981'],
            [330, 80, 'Status'],
            [420, 80, 'ACTIVE'],
          ],
          'csr',
        ),
      ).toBe(`${first} ${second}`);
    });
});

describe('a long label glued to its value and wrapped onto the next line', () => {
  for (const [label1, label2, first, second] of [
    ['CLIENT NAME AS', 'BILLED:', 'Harbor Point Storage', 'Centers Corp.'],
    ['Subscriber name on', 'record:', 'Marlow & Whitfield', 'Incorporated'],
    ['LEGAL NAME (AS IT', 'APPEARS ON BILL)', 'Red Mesa Pediatric', 'Dental Group PC'],
  ])
    it(`"${label1} ${first}" / "${label2} ${second}"`, () => {
      const g = glued(label1!, first!);
      expect(
        name([
          [48, 80, g.line],
          [320, 80, 'Payment Due:'],
          [410, 80, '6/14/2026'],
          [48, 91, label2!],
          [g.valueX, 91, second!],
          [48, 110, 'Account No.:'],
          [g.valueX, 110, '8830-22194-07'],
        ]),
      ).toBe(`${first} ${second}`);
    });
});

describe('a wrapped label beside a wrapped name in a narrow grid', () => {
  for (const [head, under] of [
    ['Name on', 'Account'],
    ['Name of', 'Account'],
    ['Subscriber', 'Name'],
    ['CLIENT', 'NAME'],
  ])
    it(`"${head}" / "${under}" over a name of three lines`, () => {
      expect(
        name([
          [48, 80, head!],
          [115, 80, 'Blue Canyon'],
          [195, 80, 'Bill Date'],
          [260, 80, '03-02-2026'],
          [48, 91, under!],
          [115, 91, 'Family Dental'],
          [195, 91, 'Due By'],
          [260, 91, '3/20/2026'],
          [115, 102, 'Group PC'],
          [48, 120, 'Account'],
          [115, 120, '7713904456'],
          [48, 131, 'Number'],
        ]),
      ).toBe('Blue Canyon Family Dental Group PC');
    });
});

describe('a bare "Name" whose hint, opened beside the value, closes on the line below', () => {
  for (const kind of ['invoice', 'loa', 'csr'] as const)
    for (const [label1, label2, first, second] of [
      ['NAME (AS PRINTED ON', 'YOUR BILL)', 'Sandstone Animal', 'Hospital, Inc.'],
      ['Name (exactly as on', 'the invoice)', 'Quarry Hill', 'Architects LLP'],
    ])
      it(`${kind}: "${label1} ${first}" / "${label2} ${second}" names the account`, () => {
        const g = glued(label1!, first!);
        const f = fields(
          [
            [48, 80, g.line],
            [48, 91, label2!],
            [g.valueX, 91, second!],
            [48, 110, 'Authorized Signer:'],
            [g.valueX, 110, 'Priya Raman'],
            [48, 124, 'Account Number:'],
            [g.valueX, 124, '5561-0092-3'],
          ],
          kind,
        );
        expect(f.account_name?.value).toBe(`${first} ${second}`);
        if (kind !== 'invoice') expect(f.authorized_person?.value).toBe('Priya Raman');
      });
});

describe('a name that opens with a modifier and an address word', () => {
  for (const [label, under, first, second] of [
    ['Subscriber', '', 'New City', 'Pediatrics P.A.'],
    ['Account Holder', '', 'The State Street', 'Grill LLC'],
    ['Client', 'Name', 'Old Town', 'Pet Hospital PLLC'],
  ])
    it(`"${label} ${under}" beside "${first}" / "${second}"`, () => {
      const lines: TextLine[] = [
        [48, 80, label!],
        [130, 80, first!],
        [215, 80, 'Bill Date'],
        [280, 80, '04-11-2026'],
        [130, 91, second!],
        [48, 110, 'Account No.'],
        [130, 110, '55102-7734'],
      ];
      if (under) lines.push([48, 91, under]);
      expect(name(lines)).toBe(`${first} ${second}`);
    });
});

describe('a label wrapped over two lines with a value glued to one of them', () => {
  const grid = (head: string, headValue: string, lower: string, lowerValue: string, third: string): TextLine[] => {
    const col = 120;
    const headLine = headValue ? glued(head, headValue) : { line: head, valueX: col };
    const lowLine = lowerValue ? glued(lower, lowerValue) : { line: lower, valueX: col };
    const x = headValue ? headLine.valueX : lowLine.valueX;
    const lines: TextLine[] = [
      [48, 80, headLine.line],
      [48, 91, lowLine.line],
      [x, 102, third],
      [230, 80, 'Invoice Date:'],
      [310, 80, '05/02/2026'],
      [48, 120, 'Account No.:'],
      [x, 120, '20-8841-0093'],
    ];
    if (!headValue) lines.push([x, 80, 'Cedar Hollow']);
    if (!lowerValue) lines.push([x, 91, 'Veterinary']);
    return lines;
  };

  it('the value glued to the head in capitals ("CLIENT Cedar Hollow" / "NAME:")', () => {
    expect(name(grid('CLIENT', 'Cedar Hollow', 'NAME:', '', 'Clinic LLC'))).toBe('Cedar Hollow Veterinary Clinic LLC');
  });
  it('the value glued to the lower line ("ACCOUNT" / "OWNER NAME: Veterinary")', () => {
    expect(name(grid('ACCOUNT', '', 'OWNER NAME:', 'Veterinary', 'Clinic LLC'))).toBe(
      'Cedar Hollow Veterinary Clinic LLC',
    );
  });
});

describe('two rows one over the other are not one wrapped label', () => {
  it('"ACCOUNT" beside a number over "NAME:" beside a name keeps both', () => {
    const f = fields([
      [48, 80, 'ACCOUNT'],
      [120, 80, '7730-1184-22'],
      [48, 91, glued('NAME:', 'Cedar Hollow').line],
      [48, 110, 'Invoice Date:'],
      [120, 110, '05/02/2026'],
    ]);
    expect([f.account_number?.value, f.account_name?.value]).toEqual(['7730-1184-22', 'Cedar Hollow']);
  });
});

describe('a label-above grid: the value under a label is not the head of the label under it', () => {
  for (const [label, value, numberLabel, below] of [
    ['TITLE', 'Owner', 'CUSTOMER NO.', 'BTN'],
    ['Title', 'Owner', 'Acct Number', 'Main Number'],
  ])
    it(`"${label}" over "${value}" over "${below}", "${numberLabel}" beside`, () => {
      const f = fields(
        [
          [51, 80, 'BUSINESS NAME'],
          [281, 80, 'AUTHORIZED BY'],
          [53, 92, 'Ridgecrest Veterinary Group, PLLC'],
          [283, 92, 'Aaron Feldman'],
          [51, 108, label!],
          [281, 108, numberLabel!],
          [53, 120, value!],
          [283, 120, '5520 31 907 4418802'],
          [51, 136, below!],
          [281, 136, 'PREVIOUS CARRIER'],
          [53, 148, '(602) 555-0187'],
          [283, 148, 'Cox Business'],
        ],
        'loa',
      );
      expect([f.account_number?.value, f.btn?.value]).toEqual(['5520 31 907 4418802', '+16025550187']);
    });
});

describe('a caption without a colon whose head noun names the business', () => {
  // a portal's overview card: the caption left of its value, or over it, no colon
  const card = (label: string, above: boolean): TextLine[] => [
    [48, 60, 'Account overview'],
    ...(above
      ? ([
          [48, 80, label],
          [48, 92, 'Juniper Flats Irrigation Supply Co.'],
        ] as TextLine[])
      : ([
          [48, 80, label],
          [210, 80, 'Juniper Flats Irrigation Supply Co.'],
        ] as TextLine[])),
    [360, 80, 'Account number'],
    [360, 92, '7741 0983 22'],
    [48, 112, 'Main TN'],
    [210, 112, '(520) 555-0146'],
    [360, 112, 'Account status'],
    [360, 124, 'Active'],
  ];
  for (const label of ['Registered company', 'Corporate entity', 'Organisation on file', 'Firm on this account'])
    for (const above of [false, true])
      it(`"${label}" ${above ? 'over' : 'beside'} the name`, () => {
        expect(name(card(label, above), 'csr')).toBe('Juniper Flats Irrigation Supply Co.');
      });
});

describe('words that are not a caption naming the account stay out', () => {
  const row = (label: string, value: string, kind: 'invoice' | 'csr'): string | undefined =>
    name(
      [
        [48, 80, 'Account type'],
        [210, 80, 'Business Customer'],
        [48, 100, label],
        [210, 100, value],
        [48, 120, 'Account number'],
        [210, 120, '5520-1184-07'],
      ],
      kind,
    );
  it('two nouns naming a business are a value ("Business Customer"), not a caption over the next cell', () => {
    expect(
      name(
        [
          [48, 80, 'Account type'],
          [210, 80, 'Business Customer'],
          [360, 80, 'Sunrise Dental Lab'],
          [48, 100, 'Account number'],
          [210, 100, '5520-1184-07'],
        ],
        'csr',
      ),
    ).toBeUndefined();
  });
  for (const kind of ['invoice', 'csr'] as const)
    for (const [label, value] of [
      ['Customer contact', 'Priya Raman'],
      ['Current provider', 'Lumen Technologies'],
      ['Law firm', 'Okafor & Lindqvist LLP'],
    ])
      it(`${kind}: "${label}" beside "${value}" names no account`, () => {
        expect(row(label!, value!, kind)).toBeUndefined();
      });
  it('a bare "name" after a qualifier names something else ("Site name", "Extension name" over a value)', () => {
    expect(
      name([
        [48, 80, 'Account number:'],
        [160, 80, '5520-1184-07'],
        [48, 110, 'Site name'],
        [200, 110, 'Emergency address'],
        [48, 122, 'East Annex'],
        [200, 122, '410 Mill St, Tulsa, OK 74103'],
        [48, 150, 'Extension name'],
        [200, 150, 'Ext'],
        [48, 162, 'Front Desk'],
        [200, 162, '201'],
      ]),
    ).toBeUndefined();
  });
  it('a wrapped name\'s tail ending on an abbreviation ("Sign, Co.") is the name\'s, not a caption', () => {
    expect(
      name([
        [48, 80, 'Customer Name:'],
        [160, 80, 'Timberline Print &'],
        [160, 91, 'Sign, Co.'],
        [48, 110, 'Account No.:'],
        [160, 110, '20-8841-0093'],
      ]),
    ).toBe('Timberline Print & Sign, Co.');
  });
});

describe('a name beside its caption that wraps under itself, beside a column whose value is below', () => {
  // "Account number" on the name's row has its number under it, on the row of the name's second line:
  // the row is no header table's, the name no column's heading
  for (const [label, first, second] of [
    ['Account holder', 'Copper Canyon Eye Care,', 'Incorporated'],
    ['Registered company', 'Willow Creek Title &', 'Escrow LLC'],
    ['Customer name', 'Saguaro Physical Therapy', 'Associates PLLC'],
  ])
    it(`"${label}" | "${first}" over "${second}"`, () => {
      const f = fields(
        [
          [48, 80, label!],
          [200, 80, first!],
          [400, 80, 'Account number'],
          [200, 92, second!],
          [400, 92, '4138613141104'],
          [48, 110, 'Main TN'],
          [200, 110, '605.837.2386'],
          [400, 110, 'Status'],
        ],
        'csr',
      );
      expect([f.account_name?.value, f.account_number?.value]).toEqual([`${first} ${second}`, '4138613141104']);
    });

  it('a header table whose first heading has its value under it stays a table', () => {
    const f = fields([
      [48, 80, 'Account number'],
      [200, 80, 'Bill date'],
      [360, 80, 'Amount due'],
      [48, 92, '8461 2250 17'],
      [200, 92, '11/07/2026'],
      [360, 92, '$1,719.86'],
      [48, 112, 'Company name:'],
      [200, 112, 'Lone Pine Outfitters LLC'],
    ]);
    expect([f.account_number?.value, f.account_name?.value]).toEqual(['8461 2250 17', 'Lone Pine Outfitters LLC']);
  });
});

describe('a caption in capitals set a couple of spaces before a name in capitals, one cell in the text layer', () => {
  for (const [label, first, second] of [
    ['BUSINESS ON THIS ACCOUNT', 'HIGH DESERT STORAGE CENTERS', 'L.L.C.'],
    ['CUSTOMER OF RECORD', 'NORTHFIELD GRAIN & FEED', 'CO-OP INC'],
    ['REGISTERED COMPANY', 'BRIGHTWATER POOL SUPPLY', 'CORP.'],
  ])
    it(`"${label}  ${first}" over "${second}"`, () => {
      // two spaces' width between caption and name (what a text layer still joins into one cell)
      const valueX = 48 + textWidth(`${label} `, 'sans', 10) + textWidth(' ', 'sans', 10) * 2;
      const f = fields(
        [
          [48, 80, `${label}   ${first}`],
          [valueX, 92, second!],
          [360, 80, 'CUSTOMER ACCOUNT'],
          [460, 80, '3166362912999'],
          [48, 110, 'ACCOUNT STATUS'],
          [48, 122, 'Active (good standing)'],
        ],
        'csr',
      );
      expect(f.account_name?.value).toBe(`${first} ${second}`);
    });

  it('a name whose words are set one space apart keeps its first word ("CUSTOMER" is no caption of "FIRST…")', () => {
    expect(
      name([
        [48, 80, 'COMPANY NAME:'],
        [160, 80, 'CUSTOMER FIRST REALTY GROUP LLC'],
        [48, 100, 'ACCOUNT NO.:'],
        [160, 100, '20-8841-0093'],
      ]),
    ).toBe('CUSTOMER FIRST REALTY GROUP LLC');
  });
});
