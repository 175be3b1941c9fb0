import { describe, expect, it } from 'vitest';
import { readGenerated } from '../helpers/generated.js';
import type { ExtractedFields } from '../../shared/domain/document.js';
import { extractFields } from '../../electron/core/extract/index.js';
import { pageOf, type TextLine } from '../fixtures/generator/handmade.js';
import { generateRandom } from '../fixtures/generator/random.js';

/*
 * Values the extractor reported at confidence >= 0.9 and got wrong (issue 9: of values reported at
 * >= 0.9, at least 99% are right). Each class: dev documents read from the rendered PDF's text layer,
 * and a hand-built page with the doubtful reading (< 0.9 or now read right) beside a clean one (>= 0.9).
 */

async function read(family: string, seed: number): Promise<{ got: ExtractedFields; truth: Record<string, unknown> }> {
  // the seed as the scorer drew it (forcing the family would draw another document), with the 26
  // stand-ins of the time: each stand-in added changes which family a dev seed draws
  const f = generateRandom(seed, { standins: 26 });
  expect(f.family).toBe(family);
  return readGenerated(f);
}

/** A number list as the scorer compares it: the numbers, in any order. */
const numbers = (v: readonly string[] | undefined) => [...(v ?? [])].sort();

const loa = (lines: TextLine[]) => extractFields([pageOf(lines)], 'loa').fields;

/** A multi-site LOA's customer block and locations table, then the losing carrier's box under `carrier`. */
function multiSite(carrier: TextLine[], numbers = '(605) 949-4947, (605) 889-2313'): TextLine[] {
  return [
    [72, 60, 'Letter of Authorization - Multiple Locations'],
    [72, 90, 'Company name (as billed):'],
    [300, 90, 'Current account number:'],
    [72, 102, 'Lakeview Storage Centers, PLLC'],
    [300, 102, '2748809475089'],
    [72, 120, 'Person authorizing this request:'],
    [72, 132, 'Luis Novak'],
    [72, 160, 'Site'],
    [120, 160, 'Site address'],
    [330, 160, 'TNs to port'],
    [72, 172, 'Site 1'],
    [120, 172, '97 Canal Way, Las Vegas, NV 89105'],
    [330, 172, numbers],
    ...carrier,
    [72, 320, 'The customer named above authorizes PortDesk Voice LLC to act as its agent.'],
  ];
}

describe("the losing carrier's desk number in its box on an LOA", () => {
  // "Present phone company: …" read as a customer's company caption, or an "Address:" caption inside
  // the box, hid the box: its toll-free "Porting desk" number joined the numbers to port at 0.9
  for (const seed of [1071, 1278, 1389, 1833, 1995])
    it(`loa-multisite-${seed}: "Present phone company" opens the carrier's box, its desk is no line to port`, async () => {
      const { got, truth } = await read('loa-multisite', seed);
      expect(numbers(got.phone_numbers?.value)).toEqual(numbers(truth.phone_numbers as string[]));
      expect(got.phone_numbers?.confidence).toBeGreaterThanOrEqual(0.9);
    });
  for (const seed of [1101, 1860, 1869])
    it(`loa-multisite-${seed}: a toll-free number under a caption no numbers label reads makes the list a check`, async () => {
      const { got, truth } = await read('loa-multisite', seed);
      const wrong =
        JSON.stringify(numbers(got.phone_numbers?.value)) !== JSON.stringify(numbers(truth.phone_numbers as string[]));
      if (wrong) expect(got.phone_numbers?.confidence).toBeLessThan(0.9);
      else expect(got.phone_numbers?.confidence).toBeGreaterThanOrEqual(0.9);
    });

  it('a hand-built box: "Present phone company" keeps its desk out; an unseen box lowers the list', () => {
    const box = (caption: string): TextLine[] => [
      [72, 220, `${caption}: Harbor Digital Networks`],
      [72, 232, 'Address:'],
      [72, 244, '2935 Oak Ave'],
      [72, 256, 'Oklahoma City, OK 73109'],
      [72, 268, 'Porting desk: 855-555-0176'],
    ];
    const want = ['+16059494947', '+16058892313'];
    const seen = loa(multiSite(box('Present phone company').filter((l) => l[2] !== 'Address:')));
    expect(seen.phone_numbers?.value).toEqual(want);
    expect(seen.phone_numbers?.confidence).toBeGreaterThanOrEqual(0.9);
    // the box's address caption hides the box: the desk number is read, but never near-certain
    const unseen = loa(multiSite(box('Present phone company')));
    if (unseen.phone_numbers?.value.includes('+18555550176')) expect(unseen.phone_numbers.confidence).toBeLessThan(0.9);
    else expect(unseen.phone_numbers?.value).toEqual(want);
    // a toll-free number the list itself holds is a line to port like any other
    const clean = loa(multiSite([], '(605) 949-4947, (800) 555-0199'));
    expect(clean.phone_numbers?.value).toEqual(['+16059494947', '+18005550199']);
    expect(clean.phone_numbers?.confidence).toBeGreaterThanOrEqual(0.9);
  });
});

describe('a number list cell that wraps inside a number', () => {
  // "(605) 949-4947, (605) 889-2313, (605)" over "555-0177, (605) 489-0956": the number split by the
  // wrap was lost, and the list short of it reported at 0.9
  // 2733: every line of the cell opens with a number's end and closes with the next one's area code
  for (const [family, seed] of [
    ['loa-multisite', 468],
    ['loa-multisite', 1095],
    ['loa-multisite', 2733],
  ] as const)
    it(`${family}-${seed}: the split number is read whole`, async () => {
      const { got, truth } = await read(family, seed);
      expect(numbers(got.phone_numbers?.value)).toEqual(numbers(truth.phone_numbers as string[]));
      expect(got.phone_numbers?.confidence).toBeGreaterThanOrEqual(0.9);
    });

  it('a hand-built table: the wrapped cell gives every number, at the same confidence as an unwrapped one', () => {
    const table = (cell: string[]): TextLine[] => [
      [72, 60, 'Letter of Authorization'],
      [72, 90, 'Site'],
      [120, 90, 'Site address'],
      [280, 90, 'TNs to port'],
      [500, 90, 'Location BTN'],
      [72, 102, 'Site 1'],
      [120, 102, '6251 Bay View Ln, Rapid City'],
      [500, 102, '(605) 949-4947'],
      ...cell.map((t, i): TextLine => [280, 102 + 12 * i, t]),
      [72, 200, 'The customer named above authorizes Clearline to act as its agent.'],
    ];
    const want = ['+16054890956', '+16055550177', '+16058892313', '+16059494947'];
    const wrapped = loa(table(['(605) 949-4947, (605) 889-2313, (605)', '555-0177, (605) 489-0956']));
    expect(numbers(wrapped.phone_numbers?.value)).toEqual(want);
    expect(wrapped.phone_numbers?.confidence).toBeGreaterThanOrEqual(0.9);
    // "+1 912" left at a line's end: the country code and area code wrap with the list
    const plusOne = loa(table(['(605) 949-4947, +1 605', '889 2313, +1 605 555 0177, +1', '605 489 0956']));
    expect(numbers(plusOne.phone_numbers?.value)).toEqual(want);
    // every line broken inside a number
    const chain = loa(table(['(605) 949-4947, (605)', '889-2313, (605)', '555-0177, (605)', '489-0956']));
    expect(numbers(chain.phone_numbers?.value)).toEqual(want);
    // a cell ending in a number is no wrap: the next line's own number is not glued to it
    const whole = loa(table(['(605) 949-4947, (605) 889-2313,', '(605) 555-0177, (605) 489-0956']));
    expect(numbers(whole.phone_numbers?.value)).toEqual(want);
    expect(whole.phone_numbers?.confidence).toBeGreaterThanOrEqual(0.9);
  });
});

describe("a numbers table's row number glued to the number", () => {
  // "9" over "10 919 778 2044": the two-digit row number closed the gap, and "10 919 778 2044" read as
  // an account number's digit groups — rows 10 on were lost, the list short of them at 0.9
  it('loa-portal-750: every row from 10 on is read', async () => {
    const { got, truth } = await read('loa-portal', 750);
    expect(numbers(got.phone_numbers?.value)).toEqual(numbers(truth.phone_numbers as string[]));
    expect(got.phone_numbers?.confidence).toBeGreaterThanOrEqual(0.9);
  });

  it('a hand-built table: the row number is left out; the same digits with no row above stay unread', () => {
    const rows = (first: number, n: number): TextLine[] =>
      Array.from({ length: n }, (_, i): TextLine => [72, 102 + 12 * i, `${first + i} 919 251 ${String(1000 + i)}`]);
    const table = (body: TextLine[]): TextLine[] => [
      [72, 60, 'Letter of Authorization'],
      [72, 90, '#'],
      [90, 90, 'TN'],
      [220, 90, 'Include'],
      ...body,
      ...[...new Set(body.map(([, y]) => y))].map((y): TextLine => [220, y, 'Yes']),
      [72, 200, 'The customer named above authorizes Telnyx LLC to port the selected numbers.'],
    ];
    const got = loa(
      table([[72, 102, '9'], [100, 102, '919 251 0999'], ...rows(10, 3).map(([x, y, t]): TextLine => [x, y + 12, t])]),
    );
    expect(numbers(got.phone_numbers?.value)).toEqual(['+19192510999', '+19192511000', '+19192511001', '+19192511002']);
    expect(got.phone_numbers?.confidence).toBeGreaterThanOrEqual(0.9);
    // no row 9 above: "10 919 251 1000" may be an account number in digit groups, not a number to port
    const alone = loa(table(rows(10, 1)));
    expect(alone.phone_numbers?.value ?? []).not.toContain('+19192511000');
  });
});

describe('a DID range wrapped over three lines of its cell', () => {
  // "+1 954 483 4080" / "thru +1 954 483" / "4084": the range's end was lost, its four numbers with it
  // 2667: the grid's cells run together into one line, which the range word's line continues
  // 7578: the range word and the end number's country code close the first line ("… 6300 through +1")
  for (const seed of [822, 2667, 7578])
    it(`loa-grid-${seed}: the range is read whole`, async () => {
      const { got, truth } = await read('loa-grid', seed);
      expect(numbers(got.phone_numbers?.value)).toEqual(numbers(truth.phone_numbers as string[]));
      expect(got.phone_numbers?.confidence).toBeGreaterThanOrEqual(0.9);
    });

  it('a hand-built grid: the range over three lines gives every number in it', () => {
    const grid = (cell: string[]): TextLine[] => [
      [72, 60, 'LETTER OF AGENCY (LOA)'],
      [72, 90, 'NUMBERS TO BE PORTED'],
      [72, 102, '1'],
      [200, 102, '2'],
      [72, 114, '+1 954 651 3707'],
      ...cell.map((t, i): TextLine => [200, 114 + 12 * i, t]),
      [72, 200, 'The undersigned authorizes Clearline Communications, Inc. to port the numbers above.'],
    ];
    const got = loa(grid(['+1 954 483 4080', 'thru +1 954 483', '4082']));
    expect(numbers(got.phone_numbers?.value)).toEqual(['+19544834080', '+19544834081', '+19544834082', '+19546513707']);
    const plusOne = loa(grid(['+1 954 483 4080 thru +1', '954 483 4082']));
    expect(numbers(plusOne.phone_numbers?.value)).toEqual(numbers(got.phone_numbers?.value));
    expect(got.phone_numbers?.confidence).toBeGreaterThanOrEqual(0.9);
  });
});

describe("an account-name caption whose cell holds another caption's value", () => {
  // "PLEASE PAY | $1,347.24" over "PATRON NAME | Kowalski & Schmidt, P.A.": the amount and the name under
  // it were read as one name, "$1,347.24 Kowalski & Schmidt, P.A.", at 0.97
  it('inv-coop-1135: no name opening with an amount', async () => {
    const { got, truth } = await read('inv-coop', 1135);
    const v = got.account_name?.value;
    expect(v ?? '').not.toMatch(/\$/);
    if (v !== truth.account_name) expect(got.account_name?.confidence ?? 0).toBeLessThan(0.9);
  });

  it('a hand-built bill: a cell without a letter opens no name; a name in its own cell is read', () => {
    const bill = (cell: string[]): TextLine[] => [
      [72, 60, 'Granite Telecommunications'],
      [72, 90, 'Account Number'],
      [200, 90, 'A59426848'],
      [72, 102, 'Customer Name'],
      ...cell.map((t, i): TextLine => [200, 102 + 12 * i, t]),
      [72, 140, 'Total amount due'],
      [200, 140, '$1,347.24'],
    ];
    const amount = extractFields([pageOf(bill(['$1,347.24', 'Kowalski & Schmidt, P.A.']))], 'invoice').fields;
    expect(amount.account_name?.value ?? '').not.toMatch(/\$/);
    const named = extractFields([pageOf(bill(['Kowalski & Schmidt, P.A.']))], 'invoice').fields;
    expect(named.account_name?.value).toBe('Kowalski & Schmidt, P.A.');
    expect(named.account_name?.confidence).toBeGreaterThanOrEqual(0.9);
  });
});

describe('a number of another role beside the numbers to port', () => {
  // loa-portal-7287: "Agent contact | 608.555.0178" under the signer, read as a line to port;
  // loa-sentences-5472: "… current provider, Granite …" on the line above a sentence asking to port the
  // BTN made the BTN there the carrier's line, and the list lacked it
  for (const [family, seed] of [
    ['loa-portal', 7287],
    ['loa-sentences', 5472],
  ] as const)
    it(`${family}-${seed}: the list is the numbers to port`, async () => {
      const { got, truth } = await read(family, seed);
      expect(numbers(got.phone_numbers?.value)).toEqual(numbers(truth.phone_numbers as string[]));
      expect(got.phone_numbers?.confidence).toBeGreaterThanOrEqual(0.9);
    });

  it('hand-built pages: a "… contact" caption is whom to reach; a sentence is no carrier box', () => {
    const form = loa([
      [72, 60, 'Letter of Authorization (LOA)'],
      [72, 90, 'Number'],
      [200, 90, 'Include'],
      [72, 102, '608.555.0103'],
      [200, 102, 'Yes'],
      [72, 114, '608.555.0101'],
      [200, 114, 'Yes'],
      [72, 150, 'Authorized signer'],
      [250, 150, 'Siobhan Johansson'],
      [72, 162, 'Agent contact'],
      [250, 162, '608.555.0178'],
    ]);
    expect(numbers(form.phone_numbers?.value)).toEqual(['+16085550101', '+16085550103']);
    expect(form.phone_numbers?.confidence).toBeGreaterThanOrEqual(0.9);
    const letter = loa([
      [72, 60, 'Dear Porting Team,'],
      [
        72,
        80,
        'Tanaka & Zhang PA appoints Clearline as its agent to port the numbers in this letter. The account with our',
      ],
      [
        72,
        92,
        'current provider, Granite Telecommunications, is BAN336430. The billing telephone number is 2513666543.',
      ],
      [72, 104, 'The lines serve our office at 1427 Elm Lane in Mobile, AL 36660. We ask you to port 2513666543 and'],
      [72, 116, '2517114979.'],
    ]);
    expect(numbers(letter.phone_numbers?.value)).toEqual(['+12513666543', '+12517114979']);
  });
});
