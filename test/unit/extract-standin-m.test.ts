import { describe, expect, it } from 'vitest';
import { readGenerated, testOnlyWordingsPrinted, wrongFields } from '../helpers/generated.js';
import { extractFields } from '../../electron/core/extract/index.js';
import { pageOf, type TextLine } from '../fixtures/generator/handmade.js';
import { generateRandom } from '../fixtures/generator/random.js';

/*
 * Rules met on first sight of two stand-ins (standin-m.ts): a CSR printed with the rep's remarks and the
 * order history (csr-notes) — a callback number written in a remark is no line on the account, and a date
 * in capitals ("JUN 07 2024") beside a tag is the tag's value, not the rest of the tag, wherever the record
 * below prints its values. Each rule is checked on the family's rendered PDFs (dev seeds the first-sight
 * reading got wrong) and on pages written here in other wordings, with a control that the rule stays where
 * it belongs.
 */

const readFamily = (family: string, seed: number) => readGenerated(generateRandom(seed, { family, standins: 36 }));

const SANS = { font: 'sans' as const, size: 9 };
const BOLD = { font: 'sans-bold' as const, size: 9 };

describe("a service record's remarks", () => {
  // csr-notes dev seeds whose first-sight reading kept the callback number a remark gives (1, 4, 22: under
  // a remark saying another number is "not to be ported"; 29: a remark's last word wrapped alone) or took
  // an order's date for the record's (2, 55, 57: "AS OF: DEC 06 2025", "CSR Date: MAY 27 2026")
  for (const seed of [1, 4, 22, 29, 2, 55, 57])
    it(`csr-notes-${seed}: every field the record prints`, async () => {
      const { f, got } = await readFamily('csr-notes', seed);
      expect(wrongFields(f, got)).toEqual([]);
    });

  it('prints no test-only label wording', () => {
    for (const family of ['csr-notes', 'inv-cdr'])
      for (const seed of [1, 2, 3]) expect(testOnlyWordingsPrinted(family, seed)).toBe(0);
  });

  // another record: "COMMENTS" over notes naming an old fax line and someone to call back, no "cbr"
  const record = (heading: string): TextLine[] => [
    [40, 40, 'Northwind Telephone - Account Record', BOLD],
    [40, 70, 'Account Number:', BOLD],
    [150, 70, '55120987', SANS],
    [40, 84, 'Customer Name:', BOLD],
    [150, 84, 'Quarry Hill Bakery LLC', SANS],
    [40, 98, 'Service Address:', BOLD],
    [150, 98, '4410 Granite Bluff Rd', SANS],
    [150, 110, 'Boulder, CO 80301', SANS],
    [40, 124, 'Telephone Numbers:', BOLD],
    [150, 124, '303-555-0161', SANS],
    [150, 136, '303-555-0162', SANS],
    [40, 170, heading, BOLD],
    [40, 184, '3/2/26 office manager Dana Pruitt asked us to ring her on 720-555-0148 re the move', SANS],
    [40, 196, '3/9/26 hunt group now rolls over to 303-555-0177', SANS],
  ];

  it('in other wording: the numbers a remark names are no lines of the account', () => {
    const got = extractFields([pageOf(record('COMMENTS'))], 'csr').fields;
    expect(got.phone_numbers?.value).toEqual(['+13035550161', '+13035550162']);
  });

  it('under a heading that is no remarks heading the same lines are still read', () => {
    const got = extractFields([pageOf(record('HUNT GROUP'))], 'csr').fields;
    expect(got.phone_numbers?.value).toContain('+13035550177');
  });
});

describe('a date in capitals beside a tag, over a record whose values stand further right', () => {
  const page = (dated: string): TextLine[] => [
    [40, 40, dated, SANS],
    [40, 80, 'Account No:', BOLD],
    [140, 80, '4410 22 981', SANS],
    [40, 95, 'Customer:', BOLD],
    [140, 95, 'Granite Bluff Drafting LLC', SANS],
    [40, 110, 'Service Address:', BOLD],
    [140, 110, '4410 Granite Bluff Rd', SANS],
    [140, 122, 'Boulder, CO 80301', SANS],
    [40, 137, 'Telephone:', BOLD],
    [140, 137, '303-555-0161', SANS],
    [40, 180, 'Date', BOLD],
    [40, 194, '04/11/2019', SANS],
  ];

  it('in other wording: "Run Date: SEP 14 2026" is the record\'s date', () => {
    const got = extractFields([pageOf(page('Run Date: SEP 14 2026'))], 'csr').fields;
    expect(got.document_date?.value).toBe('2026-09-14');
  });

  it('a tag word in capitals before the value column is still the tag\'s ("AUTH USER")', () => {
    const got = extractFields(
      [pageOf([...page('Run Date: SEP 14 2026'), [40, 152, 'AUTH USER', BOLD], [140, 152, 'Dana Pruitt', SANS]])],
      'csr',
    ).fields;
    expect(got.authorized_person?.value).toBe('Dana Pruitt');
  });
});

describe("a bill's window block on a page of small print", () => {
  // inv-cdr dev seeds whose first-sight reading lost the account name: the block under "This bill is for" was
  // taken for a letterhead, its name being larger than the page's many table rows
  for (const seed of [1, 10, 15])
    it(`inv-cdr-${seed}: every field the bill prints`, async () => {
      const { f, got } = await readFamily('inv-cdr', seed);
      expect(wrongFields(f, got)).toEqual([]);
    });

  const SMALL = { font: 'sans' as const, size: 6.5 };
  const rows: TextLine[] = Array.from({ length: 14 }, (_, i): TextLine[] => [
    [40, 300 + i * 9, `10/${String(i + 1).padStart(2, '0')}/26`, SMALL],
    [100, 300 + i * 9, `503-555-01${String(10 + i)}`, SMALL],
    [200, 300 + i * 9, `${i + 2}:1${i % 10}`, SMALL],
    [260, 300 + i * 9, `$0.${10 + i}`, SMALL],
  ]).flat();
  const bill = (head: TextLine[]): TextLine[] => [
    ...head,
    [360, 60, 'Account 7730 18 4452', { font: 'sans', size: 8 }],
    [360, 72, 'Invoice date 10/31/2026', { font: 'sans', size: 8 }],
    [60, 150, 'Quarry Hill Bakery LLC', { font: 'serif', size: 10.5 }],
    [60, 163, '88 Foundry St', { font: 'serif', size: 10.5 }],
    [60, 176, 'Burlington, VT 05401', { font: 'serif', size: 10.5 }],
    [40, 280, 'CALLS', SMALL],
    ...rows,
  ];

  it('in other wording: the name over a mailing block no caption names is the account name', () => {
    const got = extractFields(
      [pageOf(bill([[40, 60, 'Northwind Telephone', { font: 'sans', size: 8 }]]))],
      'invoice',
    ).fields;
    expect(got.account_name?.value).toBe('Quarry Hill Bakery LLC');
  });

  it('a letterhead in large print over its own address in small print is still no customer', () => {
    const head: TextLine[] = [
      [40, 60, 'Granite Bluff Communications', { font: 'sans-bold', size: 16 }],
      [40, 74, '12 Market Sq', SMALL],
      [40, 82, 'Montpelier, VT 05602', SMALL],
    ];
    const got = extractFields([pageOf(bill(head))], 'invoice').fields;
    expect(got.account_name?.value).toBe('Quarry Hill Bakery LLC');
  });
});

describe('a location column repeating one street per row, its city once under it', () => {
  // inv-cdr dev seeds whose first-sight reading found no service address in such a column
  for (const seed of [5, 16])
    it(`inv-cdr-${seed}: every field the bill prints`, async () => {
      const { f, got } = await readFamily('inv-cdr', seed);
      expect(wrongFields(f, got)).toEqual([]);
    });

  it('in other wording: "Premises" over the seven rows of a plan table', () => {
    const cell = (y: number, n: string): TextLine[] => [
      [40, y, n, SANS],
      [150, y, '88 Foundry St Unit 2', SANS],
      [320, y, 'Unlimited Local', SANS],
    ];
    const got = extractFields(
      [
        pageOf([
          [40, 40, 'Northwind Telephone', BOLD],
          [360, 60, 'Account 7730 18 4452', SANS],
          [360, 72, 'Invoice date 10/31/2026', SANS],
          [40, 120, 'Number', BOLD],
          [150, 120, 'Premises', BOLD],
          [320, 120, 'Plan', BOLD],
          // (seven rows: more lines than a cell's value is read down)
          ...[0, 1, 2, 3, 4, 5, 6].flatMap((i) => cell(134 + 12 * i, `802-555-014${i}`)),
          [150, 218, 'Burlington, VT 05401', SANS],
        ]),
      ],
      'invoice',
    ).fields;
    expect(got.service_address?.value).toMatchObject({
      street_line: '88 Foundry St',
      unit: 'Unit 2',
      city: 'Burlington',
      zip5: '05401',
    });
  });
});
