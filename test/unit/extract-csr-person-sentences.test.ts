import { describe, expect, it } from 'vitest';
import { extractFields } from '../../electron/core/extract/index.js';
import { pageOf, type TextLine } from '../fixtures/generator/handmade.js';
import { generateRandom } from '../fixtures/generator/random.js';
import { readGenerated } from '../helpers/generated.js';

/*
 * A carrier's record that is no letter may still name the person who acts on the account in one sentence
 * of a section ("Grace Garcia (CFO) is authorized to make changes…", "Changes … must be requested by NAME,
 * Title"). First sight on the csr-svcrecord stand-in: 44% (CHECK) of its persons read.
 */
const SANS = { font: 'sans' as const, size: 9 };
const BAND = { font: 'sans-bold' as const, size: 12 };

/** A sectioned service record: key/value pairs without colons, then a section holding one sentence. */
const record = (heading: string, sentence: string[]): TextLine[] => [
  [40, 40, 'Northgate Telephone   Service Record', BAND],
  [40, 70, 'Customer', BAND],
  [56, 84, 'Holder          Cedar Point Dental PLLC', SANS],
  [56, 96, 'Account         5520-1184-07', SANS],
  [56, 108, 'Status          Active', SANS],
  [40, 130, 'Lines', BAND],
  [56, 144, 'Numbers on this account: 402-555-0161 and 402-555-0162.', SANS],
  [40, 166, heading, BAND],
  ...sentence.map((l, i): TextLine => [56, 180 + i * 12, l, SANS]),
];
const personOf = (heading: string, sentence: string[]) =>
  extractFields([pageOf(record(heading, sentence))], 'csr').fields.authorized_person;

describe('a sentence in a record names who may act on the account', () => {
  for (const [heading, sentence, who] of [
    [
      'Contact',
      ['Changes to this account must be requested by Ruth Okafor, Office Manager; callback 402-555-0190.'],
      'Ruth Okafor',
    ],
    ['Orders', ['Service orders may only be placed by MARCUS T. BELL (Owner).'], 'MARCUS T. BELL'],
    ['Authorization', ['Ruth Okafor (Bookkeeper) is authorized to make changes to this account.'], 'Ruth Okafor'],
    ['Notes', ['Dana Whitfield, Practice Administrator, is authorized to act for the customer.'], 'Dana Whitfield'],
    [
      'Authorized Contact',
      ['The authorized contact for this account is LUIS SCHMIDT, President, telephone 402-555-0190.'],
      'LUIS SCHMIDT',
    ],
    ['Remarks', ['Moves, adds and changes can be approved by Priya Raman, Controller, only.'], 'Priya Raman'],
  ] as const)
    it(`"${sentence[0]}"`, () => {
      expect(personOf(heading, [...sentence])?.value).toBe(who);
    });

  it('reads it when the sentence wraps onto the next line', () => {
    const got = personOf('Contact', [
      'Changes to this account must be requested by',
      'Ruth Okafor, Office Manager; callback 402-555-0190.',
    ]);
    expect(got?.value).toBe('Ruth Okafor');
  });
});

describe('sentences that name no one who acts on the account', () => {
  for (const sentence of [
    'No authorized contact is on file for this account.',
    'Changes to this account must be requested in writing.',
    'Service orders may be placed by phone or online.',
    'Cedar Point Dental PLLC is authorized to use the numbers listed.',
  ])
    it(`"${sentence}"`, () => {
      expect(personOf('Contact', [sentence])).toBeUndefined();
    });
});

describe('csr-svcrecord dev seeds whose person went unread at first sight', () => {
  for (const seed of [16801, 16804, 16805, 16808, 16823])
    it(`csr-svcrecord-${seed}`, async () => {
      const f = generateRandom(seed, { family: 'csr-svcrecord', standins: 42 });
      const { got } = await readGenerated(f);
      expect(got.authorized_person?.value?.toLowerCase()).toBe(f.truth.authorized_person?.toLowerCase());
    });
});

describe('an organisation is never the authorized person', () => {
  const loa = (line: string): TextLine[] => [
    [40, 40, 'Letter of Agency', BAND],
    [56, 70, 'Business name: Cedar Point Dental PLLC', SANS],
    [56, 90, line, SANS],
  ];
  for (const line of [
    'This port must be requested by Bluewave Communications, your new provider.',
    'Requested by: Bluewave Communications',
    'Authorized Contact: Summit Business Solutions',
    'Submitted by: Keystone Voice Technologies',
  ])
    it(`"${line}"`, () => {
      expect(extractFields([pageOf(loa(line))], 'loa').fields.authorized_person).toBeUndefined();
    });

  for (const [line, who] of [
    ['Authorized Contact: Marcus Fort', 'Marcus Fort'],
    ['Authorized Contact: Dana Whitfield', 'Dana Whitfield'],
  ] as const)
    it(`control: a person's name is still read ("${line}")`, () => {
      expect(extractFields([pageOf(loa(line))], 'loa').fields.authorized_person?.value).toBe(who);
    });
});
