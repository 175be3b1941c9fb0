import { describe, expect, it } from 'vitest';
import { extractFields } from '../../electron/core/extract/index.js';
import { businessNameWords } from '../../shared/normalize/names.js';
import { pageOf } from '../fixtures/generator/handmade.js';
import { codes, fv, run } from '../helpers/compare.js';
import { pageOfLines as page } from '../helpers/pages.js';

/*
 * The carrier's business name looked for on a document as its value WRITES it. An unsure LOA reading is
 * settled by the LOA's own words: the carrier's name written there keeps the doubt (the reader may have
 * taken another block), written nowhere makes the LOA's other name a difference the carrier rejects.
 * - With its legal form written in another form ("Clinic Co." for "Clinic Company") the name is still
 *   written: its own words ("Bayside Chiropractic Center"), never its normalised key ("…CTR"), which no
 *   page writes, are looked for.
 * - Those words opening a LONGER name ("Mesa Verde Brewing" of "Mesa Verde Brewing Group P.A.") are not
 *   the carrier's name written there: they must end where a name ends (a legal form, punctuation, a caption).
 * - The business a letter authorises (the gaining carrier, "Requested by: PortDesk Voice LLC") is never
 *   the account's holder: an LOA that names only it under an unknown caption has not been read.
 */

type Line = [number, number, string];

const loaCase = (loaName: string, loaConf: number, carrierName: string, loaLines: string[]) =>
  run({
    loa: { account_name: fv(loaName, loaConf, [72, 96, 400, 108]) },
    invoice: { account_name: fv(carrierName, 0.9) },
    csr: { account_name: fv(carrierName.toUpperCase(), 0.97) },
    pages: {
      loa: page(
        loaLines.map((text, k): Line => [72, 60 + k * 16, text]),
        'text',
      ),
    },
  });

const letter = (name: string) => [
  'Re: Letter of Authorization',
  `On behalf of ${name}, I, Carlos Reyes, Managing Partner, give Telnyx LLC permission`,
  'to act as our agent to port the numbers listed in this letter.',
  'Regards, Carlos Reyes',
  `Managing Partner, ${name}`,
];

describe("a business's name words as its value writes them", () => {
  it.each([
    ['Bayside Chiropractic Center, Inc.', 'Bayside Chiropractic Center'],
    ['MESA VERDE BREWING COMPANY PA', 'MESA VERDE BREWING'],
    ['Harvest Moon Animal Clinic Company', 'Harvest Moon Animal Clinic'],
    ['Kim & Martinez, P.L.L.C.', 'Kim & Martinez'],
    ['Acme Plumbing LLC d/b/a Acme Pipes', 'Acme Plumbing'],
    ['Northgate Medical Center Limited Liability Company', 'Northgate Medical Center'],
  ])('%s → %s (its own words, not the normalised key)', (value, words) => {
    expect(businessNameWords(value)).toBe(words);
  });

  it('a name without a legal form has nothing left off', () => {
    expect(businessNameWords('Harbor Point Dental Care')).toBeNull();
  });
});

// [shape, the LOA's name, the carrier's name (another business word where the LOA has one more)]
const LONGER: [string, string, string][] = [
  [
    'another business word before the same legal form',
    'Mesa Verde Brewing Group P.A.',
    'MESA VERDE BREWING COMPANY PA',
  ],
  ['a business word more, no legal form', 'Harbor Point Dental Care Associates', 'Harbor Point Dental Co.'],
  [
    'a place word more, legal form spelt out',
    'Copper Kettle Catering Tucson Incorporated',
    'Copper Kettle Catering Co.',
  ],
];

describe("the carrier's name words opening the LOA's longer name are not the carrier's name", () => {
  for (const [shape, loaName, carrierName] of LONGER)
    it(`${shape}: ENTITY_NAME_MISMATCH asserted`, () => {
      const r = loaCase(loaName, 0.62, carrierName, letter(loaName));
      expect(codes(r)).toContain('ENTITY_NAME_MISMATCH');
      expect(r.fields.account_name.verdict).toBe('mismatch');
    });

  for (const [shape, loaName, carrierName] of LONGER) {
    const letterhead = carrierName.toUpperCase().replace(/[.,]/g, '');
    it(`${shape}: "${letterhead}" written whole on the letterhead — a check, not asserted`, () => {
      const r = loaCase(loaName, 0.62, carrierName, [letterhead, ...letter(loaName)]);
      expect(codes(r)).not.toContain('ENTITY_NAME_MISMATCH');
      expect(r.checks.some((c) => c.field === 'account_name')).toBe(true);
    });
  }
});

// an LOA misread (the gaining carrier's name taken for the customer's) that writes the customer's name
// with its legal form in another form than the carrier's: [shape, the LOA's lines, the carrier's name]
const WRITTEN_OTHERWISE: [string, string[], string][] = [
  [
    'a grid cell, "Inc." for "Incorporated", a word the key abbreviates (Center)',
    [
      'Requested by: PortDesk Voice LLC',
      'Registered Entity            Signer',
      'Bayside Chiropractic Center, Inc.    Fatima Abernathy',
      'The undersigned authorizes PortDesk Voice LLC to port the numbers above.',
    ],
    'Bayside Chiropractic Center, Incorporated',
  ],
  [
    'a sentence, "Co." for "Company"',
    [
      'Requested by: PortDesk Voice LLC',
      'I am the owner of Harvest Moon Animal Clinic Co., and I authorize PortDesk Voice LLC',
      'to port the numbers listed below.',
    ],
    'Harvest Moon Animal Clinic Company',
  ],
  [
    'a form line, legal form spelt out for "LLC"',
    ['Client of record: Northgate Mountain Outfitters Limited Liability Company', 'Authorized by: Dana Whitfield'],
    'Northgate Mountain Outfitters LLC',
  ],
];

describe("the carrier's name written with its legal form in another form is written on the LOA", () => {
  for (const [shape, lines, carrierName] of WRITTEN_OTHERWISE)
    it(`${shape}: the LOA's unsure other reading is never ENTITY_NAME_MISMATCH`, () => {
      const r = loaCase('PortDesk Voice LLC', 0.45, carrierName, lines);
      expect(codes(r)).not.toContain('ENTITY_NAME_MISMATCH');
      // (the LOA writes the carrier's name: a look at the LOA's reading, or the name found equal there)
      expect(['check', 'equivalent']).toContain(r.fields.account_name.verdict);
    });
});

describe("on a scan, what OCR writes after the carrier's name words proves nothing", () => {
  // the LOA's name certain; the CSR's reading another block's (a listed name), unsure; the CSR writes the
  // LOA's name with "&" for "and" and its legal form broken by OCR across the line ("LC" / "PL")
  it.each([
    ['a record tag before it, the legal form split', ['ACCT NAME KIM & MARTINEZ LC', 'PL', 'LSTD NAME KIM SALES']],
    ['a caption glued after it', ['ACCOUNT HOLDER KIM & MARTINEZ STATEMENT', 'PLLC', 'LSTD NAME KIM SALES']],
  ])("%s: the CSR's unsure other reading is never ENTITY_NAME_MISMATCH", (_shape, csrLines) => {
    const r = run({
      loa: { account_name: fv('Kim and Martinez PLLC', 0.97) },
      csr: { account_name: fv('KIM SALES', 0.3, [72, 92, 200, 102]) },
      pages: {
        csr: page(
          csrLines.map((text, k): Line => [72, 60 + k * 16, text]),
          'ocr',
        ),
      },
    });
    expect(codes(r)).not.toContain('ENTITY_NAME_MISMATCH');
    expect(r.fields.account_name.verdict).toBe('check');
  });
});

describe('the business a letter authorises is not the account holder (extraction)', () => {
  // an unknown caption over the customer's name in a grid, and the gaining carrier beside "Requested by:"
  const loa = (requester: string[], caption: string, name: string, sentence: string) =>
    extractFields(
      [
        pageOf([
          [72, 40, 'LETTER OF AUTHORIZATION'],
          [72, 60, requester.join(' ')],
          [72, 84, caption],
          [300, 84, 'PRINTED NAME OF SIGNER'],
          [72, 96, name],
          [300, 96, 'Fatima Abernathy'],
          [72, 130, sentence],
          [72, 170, 'Fatima Abernathy'],
          [72, 182, 'SIGNATURE OF CUSTOMER:'],
        ]),
      ],
      'loa',
    ).fields;

  it.each([
    [
      ['Requested by:', 'PortDesk Voice LLC'],
      'HOLDER AS REGISTERED',
      'Bayside Chiropractic Center, Inc.',
      'The undersigned authorizes PortDesk Voice LLC to port the numbers above from the current carrier.',
    ],
    [
      ['Submitted by:', 'Meridian Cloud Voice LLC'],
      'ENTITY ON THE BILL',
      'Lakeview Pediatric Dentistry PLLC',
      'I appoint Meridian Cloud Voice LLC to act as our agent for this port.',
    ],
    [
      ['New provider:', 'Clearline Communications, Inc.'],
      'REGISTERED OWNER',
      'Cedar Ridge Family Farms Co.',
      'We ask Clearline Communications, Inc. to move the numbers listed on this form.',
    ],
  ])('%j: the name read is never the authorised party', (requester, caption, name, sentence) => {
    const f = loa(requester, caption, name, sentence);
    const gaining = requester[1]!.replace(/[^A-Za-z]/g, '').toLowerCase();
    expect((f.account_name?.value ?? '').replace(/[^A-Za-z]/g, '').toLowerCase()).not.toBe(gaining);
  });
});
