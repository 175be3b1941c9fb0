import { describe, expect, it } from 'vitest';
import { readGenerated, testOnlyWordingsPrinted, wrongFields } from '../helpers/generated.js';
import { extractFields } from '../../electron/core/extract/index.js';
import { pageOf, type TextLine } from '../fixtures/generator/handmade.js';
import { generateRandom } from '../fixtures/generator/random.js';

/*
 * Rules met on first sight of two stand-ins (standin-q.ts): a gaining provider's numbered port questionnaire
 * (loa-questionnaire) and an LSR-style service record whose service address is written in PARTS under short
 * tags (csr-lsr). The address rule (tagged-address.ts) is checked on the family's rendered PDFs (dev seeds
 * the first-sight reading got wrong) and on records written here with other tags and shapes, with a control
 * that a bill's parts stay the bill's.
 */

const readFamily = (family: string, seed: number) => readGenerated(generateRandom(seed, { family, standins: 44 }));

const MONO = { font: 'mono' as const, size: 8.5 };
const SANS = { font: 'sans' as const, size: 9 };

it('the new stand-ins print no test-only label wording', () => {
  for (const family of ['loa-questionnaire', 'csr-lsr'])
    for (const seed of [1, 2, 3, 8, 10]) expect(testOnlyWordingsPrinted(family, seed)).toBe(0);
});

describe('a service address assembled from its tagged parts', () => {
  // csr-lsr tune seeds whose first-sight reading took a tag for the street ("SANO | Palm Beach Gardens"):
  // a row of tags over their values (21207), captions in words on their own lines (21202, 21227), the
  // tags run along one line with empty parts (21206, 21216, 21220)
  for (const seed of [21202, 21206, 21207, 21216, 21220, 21227])
    it(`csr-lsr-${seed}: service_address`, async () => {
      const { f, got } = await readFamily('csr-lsr', seed);
      expect(wrongFields(f, got)).not.toContain('service_address');
    });

  const record = (address: TextLine[], billing: TextLine[] = []): TextLine[] => [
    [36, 40, 'PIEDMONT TELEPHONE CO            CUSTOMER RECORD', MONO],
    [36, 54, 'ACCT 8801447723   BTN 336-555-0142', MONO],
    [36, 68, 'NAME  HARBOR LIGHT MARINE SUPPLY LLC', MONO],
    [36, 96, 'SERVICE LOCATION', MONO],
    ...address,
    ...billing,
    [36, 250, 'TN 336-555-0142   1FB  BUSINESS LINE', MONO],
    [36, 262, 'TN 336-555-0188   1FB  BUSINESS LINE', MONO],
  ];
  const want = { street_line: '4062 N MAPLE VALLEY AVE', unit: 'STE 120', city: 'GREENSBORO', state: 'NC' };

  const shapes: [string, TextLine[]][] = [
    [
      'initials run along the line, pairs three spaces apart',
      [
        [48, 110, 'SANO 4062   SASD N   SASN MAPLE VALLEY   SATH AVE   LD1 STE   LV1 120', MONO],
        [48, 122, 'CITY GREENSBORO   STATE NC   ZIP 27401', MONO],
      ],
    ],
    [
      'a row of tags, each value under its tag',
      [
        [48, 110, 'SANO    SASD  SASN           SATH  LD1   LV1', MONO],
        [48, 122, '4062    N     MAPLE VALLEY   AVE   STE   120', MONO],
        [48, 140, 'CITY          STATE  ZIP', MONO],
        [48, 152, 'GREENSBORO    NC     27401', MONO],
      ],
    ],
    [
      'captions in words, one part a line',
      [
        [48, 110, 'House Number:', SANS],
        [170, 110, '4062', SANS],
        [48, 122, 'Prefix Dir:', SANS],
        [170, 122, 'N', SANS],
        [48, 134, 'Street Name:', SANS],
        [170, 134, 'MAPLE VALLEY', SANS],
        [48, 146, 'Street Type:', SANS],
        [170, 146, 'AVE', SANS],
        [48, 158, 'Unit:', SANS],
        [170, 158, 'STE 120', SANS],
        [48, 170, 'City:', SANS],
        [170, 170, 'GREENSBORO', SANS],
        [48, 182, 'State:', SANS],
        [170, 182, 'NC', SANS],
        [48, 194, 'ZIP Code:', SANS],
        [170, 194, '27401', SANS],
      ],
    ],
  ];
  for (const [shape, lines] of shapes)
    it(`in another shape: ${shape}`, () => {
      const got = extractFields([pageOf(record(lines))], 'csr').fields.service_address?.value;
      expect(got).toMatchObject({ ...want, zip5: '27401' });
    });

  it('a city of several words keeps its last word even where it spells a tag ("SALT LAKE CITY")', () => {
    const lines: TextLine[] = [
      [48, 110, 'SANO 77   SASN RIDGE   SATH RD', MONO],
      [48, 122, 'CITY SALT LAKE CITY   STATE UT   ZIP 84101', MONO],
    ];
    const got = extractFields([pageOf(record(lines))], 'csr').fields.service_address?.value;
    expect(got).toMatchObject({ street_line: '77 RIDGE RD', city: 'SALT LAKE CITY', state: 'UT' });
  });

  it('control: parts under a bill heading are the bill’s, not the service’s', () => {
    const lines: TextLine[] = [
      [48, 110, 'SANO 4062   SASN MAPLE VALLEY   SATH AVE', MONO],
      [48, 122, 'CITY GREENSBORO   STATE NC   ZIP 27401', MONO],
    ];
    const billing: TextLine[] = [
      [36, 160, 'BILLING ADDRESS', MONO],
      [48, 174, 'SANO 900   SASN COMMERCE   SATH ST', MONO],
      [48, 186, 'CITY GREENSBORO   STATE NC   ZIP 27402', MONO],
    ];
    const got = extractFields([pageOf(record(lines, billing))], 'csr').fields.service_address?.value;
    expect(got?.street_line).toBe('4062 MAPLE VALLEY AVE');
  });
});

describe('a call-forwarding destination is no line on the account', () => {
  // csr-lsr tune seeds whose first-sight reading listed the remote-call-forwarding target among the lines
  for (const seed of [21201, 21207, 21210])
    it(`csr-lsr-${seed}: phone_numbers`, async () => {
      const { f, got } = await readFamily('csr-lsr', seed);
      expect(wrongFields(f, got)).not.toContain('phone_numbers');
    });

  const record = (feature: string): TextLine[] => [
    [36, 40, 'PIEDMONT TELEPHONE CO            CUSTOMER RECORD', MONO],
    [36, 54, 'ACCT 8801447723', MONO],
    [36, 68, 'NAME  HARBOR LIGHT MARINE SUPPLY LLC', MONO],
    [36, 96, 'TN 336-555-0142   1FB  BUSINESS LINE', MONO],
    [60, 108, feature, MONO],
    [36, 120, 'TN 336-555-0188   1FB  BUSINESS LINE', MONO],
    [36, 132, 'TN 336-555-0190   1FB  BUSINESS LINE', MONO],
  ];
  for (const feature of [
    'RCF /FWD TO 212-555-0158',
    'CFB  404 555 0101',
    'Calls forwarded to (713) 555-0199',
    'CFNA /TN 312.555.0177',
  ])
    it(`in other wording: "${feature}"`, () => {
      const got = extractFields([pageOf(record(feature))], 'csr').fields.phone_numbers?.value;
      expect(got).toEqual(['+13365550142', '+13365550188', '+13365550190']);
    });

  it('control: a feature line naming no forwarding keeps its number a line', () => {
    const got = extractFields([pageOf(record('HTG  HUNT GRP  336-555-0177'))], 'csr').fields.phone_numbers?.value;
    expect(got).toContain('+13365550177');
  });
});

describe('a date is no one’s name', () => {
  // csr-lsr tune seeds whose first-sight reading took the record's date ("CSR DT FEB 17 2025") for the account name
  for (const seed of [21214, 21221])
    it(`csr-lsr-${seed}: account_name`, async () => {
      const { f, got } = await readFamily('csr-lsr', seed);
      expect(wrongFields(f, got)).not.toContain('account_name');
    });

  for (const date of ['FEB 17 2025', 'Dec 13, 2023', '2026-10-13'])
    it(`in other wording: a record dated "${date}" under a tag`, () => {
      const lines: TextLine[] = [
        [36, 40, 'PIEDMONT TELEPHONE CO', MONO],
        [420, 40, 'CUSTOMER SERVICE RECORD', MONO],
        [36, 54, `CSR DT ${date}`, MONO],
        [420, 54, 'BAN 8801447723   PG 1', MONO],
        [36, 80, 'ADMIN', MONO],
        [48, 94, 'ACCT 8801447723   BTN 336-555-0142', MONO],
        [48, 108, 'NAME HARBOR LIGHT MARINE SUPPLY LLC', MONO],
        [48, 122, 'LNAME HARBOR LIGHT', MONO],
        [36, 150, 'TN 336-555-0142   1FB  BUSINESS LINE', MONO],
      ];
      const got = extractFields([pageOf(lines)], 'csr').fields.account_name?.value;
      expect(got).toBe('HARBOR LIGHT MARINE SUPPLY LLC');
    });
});

describe('a record tag set apart mid-line opens its own pair', () => {
  for (const [line, pin] of [
    ['ACCT 8801447723   BTN 336-555-0142   PIN 4471', '4471'],
    ['ACCT NO 8801447723     PIN 902211     STAT ACT', '902211'],
  ] as const)
    it(`"${line}"`, () => {
      const lines: TextLine[] = [
        [36, 40, 'PIEDMONT TELEPHONE CO            CUSTOMER RECORD', MONO],
        [48, 60, line, SANS],
        [48, 74, 'NAME HARBOR LIGHT MARINE SUPPLY LLC', SANS],
        [36, 100, 'TN 336-555-0142   1FB  BUSINESS LINE', MONO],
      ];
      expect(extractFields([pageOf(lines)], 'csr').fields.pin?.value).toBe(pin);
    });

  it('control: one word space apart, a value’s capitals stay the value', () => {
    const lines: TextLine[] = [
      [36, 40, 'PIEDMONT TELEPHONE CO', MONO],
      [48, 60, 'NAME PIN OAK DENTAL GROUP LLC', SANS],
      [48, 74, 'ACCT 8801447723', SANS],
    ];
    expect(extractFields([pageOf(lines)], 'csr').fields.pin).toBeUndefined();
  });
});

describe('a callback tag mid-line ends the person’s value before it', () => {
  for (const [auth, person] of [
    ['AUTH PRIYA YILMAZ  CBN 808.555.0178', 'PRIYA YILMAZ'],
    ['AUTH USR SAMUEL LEVY   CBR (406) 555-0139', 'SAMUEL LEVY'],
  ] as const)
    it(`"${auth}"`, () => {
      const lines: TextLine[] = [
        [36, 40, 'PIEDMONT TELEPHONE CO            CUSTOMER RECORD', MONO],
        [48, 60, 'ACCT 8801447723', MONO],
        [48, 74, 'NAME HARBOR LIGHT MARINE SUPPLY LLC', MONO],
        [48, 88, 'STATUS ACTIVE', MONO],
        [48, 102, auth, MONO],
        [36, 130, 'TN 336-555-0142   1FB  BUSINESS LINE', MONO],
      ];
      expect(extractFields([pageOf(lines)], 'csr').fields.authorized_person?.value).toBe(person);
    });
});
