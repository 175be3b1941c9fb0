import { describe, expect, it } from 'vitest';
import { extractFields } from '../../electron/core/extract/index.js';
import { readDocument } from '../../electron/core/documents/read.js';
import { pageOf, type TextLine } from '../fixtures/generator/handmade.js';
import { renderTextPdf } from '../fixtures/generator/pdf.js';
import { generateRandom } from '../fixtures/generator/random.js';

/*
 * A statement-style bill (the shapes of the dev-only stand-in inv-stmtcols): the carrier's logo,
 * its own street, city, phone and web address in the left header column; identifiers side by side
 * (label over value) above the customer's mailing block, which may carry a trade-name line under
 * the name; a customer number beside the account number. Names, wordings and positions are written
 * for this test, several per rule.
 */

const fields = (lines: TextLine[]) => extractFields([pageOf(lines)], 'invoice').fields;
const LOGO = { font: 'sans-bold' as const, size: 15 };
const SMALL = { size: 7.5 };

/** The carrier's header column: logo text, its street and city, a bare phone and its web address. */
function letterhead(carrier: string, phone: string, web: string): TextLine[] {
  return [
    [44, 52, carrier, LOGO],
    [44, 68, '8094 Forest Ter', SMALL],
    [44, 78, 'Carson City, NV 89703-3806', SMALL],
    [44, 88, phone, SMALL],
    [44, 98, web, SMALL],
    [227, 58, 'Statement Date', SMALL],
    [330, 58, 'September 28, 2026', SMALL],
    [227, 70, 'Amount due', SMALL],
    [330, 70, '$2,045.87', SMALL],
  ];
}

/** Charges by line: the numbers on the account. */
function charges(top: number, numbers: string[]): TextLine[] {
  return [
    [44, top, 'Current charges'],
    [48, top + 16, 'Line'],
    [208, top + 16, 'Service'],
    [530, top + 16, 'Charge'],
    ...numbers.flatMap((n, i): TextLine[] => [
      [48, top + 32 + 16 * i, n],
      [208, top + 32 + 16 * i, 'Business line'],
      [533, top + 32 + 16 * i, `$${20 + i}.15`],
    ]),
  ];
}

describe("a trade-name line under the customer's name in the mailing block", () => {
  for (const [alias, dba] of [
    ['Trading As:', 'Harbor Light Supply'],
    ['DBA', 'PMBC Group'],
    ['d/b/a', 'Bayside Kids Dental'],
    ['T/A', 'Ridgeline Roofing'],
  ] as const)
    it(`"${alias} ${dba}" is the trade name; the line above it is the account name`, () => {
      const f = fields([
        ...letterhead('Blue Mesa Fiber', '1-855-299-9353', 'bluemesafiber.com'),
        [330, 150, 'Service Address'],
        [44, 164, 'MARLOW & WHITFIELD PLLC'],
        [330, 164, '27872 Washington Street'],
        [44, 176, `${alias} ${dba}`],
        [330, 176, 'Boise, ID 83713'],
        [44, 188, '11663 Ridge Ave, Room 495'],
        [44, 200, 'El Paso, TX 79917'],
        ...charges(240, ['(208) 555-0126', '(208) 441-3082']),
      ]);
      expect(f.account_name?.value).toBe('MARLOW & WHITFIELD PLLC');
    });
});

describe('an identifier printed label-over-value right above the mailing block', () => {
  for (const [label, value] of [
    ['Account', '8961 10 256 5569785'],
    ['Acct. Nbr', '927621884'],
    ['Bill Number', 'INV12270668'],
    ['Statement Date', 'Aug 5, 2026'],
  ] as const)
    it(`"${label}" over "${value}" does not hide the name under it`, () => {
      const f = fields([
        ...letterhead('Prairie Telephone Company', '1-877-555-0188', 'www.prairietel.net'),
        [44, 140, label, SMALL],
        [44, 152, value],
        [44, 172, 'Evergreen Title & Escrow, L.L.C.'],
        [44, 184, 'PO Box 70598'],
        [44, 196, 'Billings, MT 59107'],
        [330, 160, 'Site Address:'],
        [330, 174, '19679 Harbor Circle'],
        [330, 186, 'Billings, MT 59115'],
        ...charges(240, ['1-406-555-0191', '1-406-555-0199']),
      ]);
      expect(f.account_name?.value).toBe('Evergreen Title & Escrow, L.L.C.');
    });
});

describe("a mailing block addressed to someone beats the carrier's bare address above it", () => {
  for (const [carrier, street, city] of [
    ['Prairie Telephone', '6908 River Ct', 'Mobile, AL 36610'],
    ['Ridgeline Networks', '4410 Summit Blvd', 'Lake Havasu City, AZ 86403'],
    ['Northwind Voice', '77 Canal Street', 'Salt Lake City, UT 84101'],
  ] as const)
    it(`${carrier}'s logo and ${street} sit apart; the customer's block names the account`, () => {
      const f = fields([
        [44, 52, carrier, LOGO],
        [227, 58, 'Statement Date', SMALL],
        [330, 58, 'August 5, 2026', SMALL],
        [44, 84, street, SMALL],
        [44, 94, city, SMALL],
        [44, 140, 'Account Number'],
        [160, 140, '312-555-0194-613'],
        [44, 172, 'Harbor Light Marine Supply LLC'],
        [44, 184, '3801 Elm Ct'],
        [44, 196, 'Chicago, IL 60609-0650'],
        ...charges(240, ['1-312-555-0194', '1-312-541-2063']),
      ]);
      expect(f.account_name?.value).toBe('Harbor Light Marine Supply LLC');
      expect(f.billing_address?.value?.street_line).toBe('3801 Elm Ct');
    });
});

describe("the carrier's phone beside its web address in the letterhead", () => {
  for (const [phone, e164, web] of [
    ['866-200-9522', '+18662009522', 'optimum.com'],
    ['(877) 862-2562', '+18778622562', 'www.vonage.com'],
    ['1.855.299.9353', '+18552999353', 'https://ridgeline.example/business'],
  ] as const)
    it(`${phone} over ${web} is not a line on the account`, () => {
      const f = fields([
        ...letterhead('Ridgeline Networks', phone, web),
        [44, 140, 'Account Number'],
        [160, 140, '7340 4411 09'],
        [44, 164, 'Sunbelt Accounting Services Co.'],
        [44, 176, '1456 3rd Way'],
        [44, 188, 'Green Bay, WI 54301'],
        ...charges(240, ['920-555-0131', '920-469-6718', '920-732-8017']),
      ]);
      expect(f.phone_numbers?.value).toEqual(['+19205550131', '+19204696718', '+19207328017']);
      expect(f.phone_numbers?.value).not.toContain(e164);
      // no label names a BTN and the account has three numbers: the first is no BTN (a guess the review would compare)
      expect(f.btn).toBeUndefined();
    });

  it('a number in a table row above a footer sentence with a web address stays a line', () => {
    const f = fields([
      ...letterhead('Ridgeline Networks', '(877) 862-2562', 'ridgeline.example'),
      [44, 140, 'Account Number'],
      [160, 140, '7340 4411 09'],
      ...charges(200, ['208-555-0126', '208-441-3082']),
      [44, 256, 'Questions? Call (877) 862-2562 or visit ridgeline.example.'],
    ]);
    expect(f.phone_numbers?.value).toEqual(['+12085550126', '+12084413082']);
  });
});

describe('a customer number beside the account number', () => {
  for (const [custLabel, acctLabel] of [
    ['CUSTOMER NO.:', 'ACCOUNT #'],
    ['Customer number', 'Acct. Nbr'],
    ['Cust. no.', 'Billing Account'],
  ] as const)
    for (const custFirst of [true, false])
      it(`"${custLabel}" and "${acctLabel}" (${custFirst ? 'customer' : 'account'} first)`, () => {
        const pair: [string, string][] = [
          [custLabel, '42879'],
          [acctLabel, 'A589323715'],
        ];
        const order = custFirst ? pair : [...pair].reverse();
        const f = fields([
          ...letterhead('Ridgeline Networks', '(877) 862-2562', 'ridgeline.example'),
          ...order.flatMap(([l, v], i): TextLine[] => [
            [44 + 175 * i, 140, l],
            [44 + 175 * i + 90, 140, v],
          ]),
          [44, 164, 'Sunbelt Accounting Services Co.'],
          [44, 176, '1456 3rd Way'],
          [44, 188, 'Green Bay, WI 54301'],
          ...charges(240, ['920-555-0131', '920-469-6718']),
        ]);
        expect(f.account_number?.value).toBe('A589323715');
      });

  it('a customer number alone is still read as the account number', () => {
    const f = fields([
      ...letterhead('Ridgeline Networks', '(877) 862-2562', 'ridgeline.example'),
      [44, 140, 'Customer No.'],
      [134, 140, '4417002981'],
      [44, 164, 'Sunbelt Accounting Services Co.'],
      [44, 176, '1456 3rd Way'],
      [44, 188, 'Green Bay, WI 54301'],
      ...charges(240, ['920-555-0131']),
    ]);
    expect(f.account_number?.value).toBe('4417002981');
  });
});

describe('a loa-kvgrid form: a customer-number label beside a wrapped "Account passcode" label', () => {
  // dev seeds whose grid wraps "CUSTOMER / ACCOUNT / NUMBER" (14) or prints "Customer No." beside
  // "Account" / "passcode (if one is set)" (134), read from the rendered PDF's text layer
  for (const seed of [14, 134])
    it(`loa-kvgrid-${seed}: the account number is the customer label's value, not the bare "Account" cell's`, async () => {
      const f = generateRandom(seed, { family: 'loa-kvgrid' });
      const read = await readDocument(await renderTextPdf(f.model), { name: `${f.id}.pdf` });
      const got = extractFields(read.pages, 'loa').fields;
      expect(got.account_number?.value).toBe(f.truth.account_number);
    });
});

describe('numbers said to stay with the current carrier', () => {
  for (const heading of [
    'Numbers staying with the current carrier:',
    'Lines staying with our present provider:',
    'These numbers will stay:',
    'Stay with current carrier:',
  ])
    it(`"${heading}" lists numbers not to port`, () => {
      const f = extractFields(
        [
          pageOf([
            [44, 60, 'Letter of Agency'],
            [48, 100, 'Customer name:'],
            [160, 100, 'Harbor Light Marine Supply LLC'],
            [48, 116, 'Account number:'],
            [160, 116, '4417002981'],
            [44, 150, 'Numbers to Port:'],
            [48, 166, '1-518-555-0195'],
            [223, 166, '1-518-555-0193'],
            [397, 166, '1-518-638-1148'],
            [44, 190, `${heading} 1-518-325-9446, 1-518-241-4409`],
          ]),
        ],
        'loa',
      ).fields;
      expect(f.phone_numbers?.value).toEqual(['+15185550195', '+15185550193', '+15186381148']);
      expect(f.numbers_not_to_port?.value).toEqual(['+15183259446', '+15182414409']);
    });
});
