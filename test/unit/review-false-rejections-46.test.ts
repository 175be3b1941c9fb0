import { describe, expect, it } from 'vitest';
import { codes, fv, run, signerAgainstScan } from '../helpers/compare.js';
import { pageOfLines as page } from '../helpers/pages.js';
import { type BenchPort, devPort, reviewPort } from '../bench/review-ports.js';

/*
 * Reading errors the review asserted as carrier rejections on dev tune ports 41101–41400 (fresh tune
 * wordings): a section heading in small capitals read as the CSR's signer, the next column's caption read
 * into the middle of a wrapped business name, a person the CSR's change history took off the account
 * read as its signer, and a roster's role read onto the end of a name. Each is a look at most; a real
 * difference still comes out.
 */

const port = (seed: number, standins: number, bad = false): BenchPort =>
  devPort(seed, bad ? 'bad' : 'mild', { standins, fresh: 'tune' });

describe('a heading set in small capitals read as the signer', () => {
  // (a word processor's small capitals: each word's first letter a run of its own, full size)
  for (const [heading, read] of [
    ['P ERSONS A UTHORIZED', 'P ERSONS A UTHORIZED'],
    ['A UTHORIZED C ONTACTS', 'A UTHORIZED C ONTACTS'],
    ['P ERSONS A UTHORIZED', 'P ERSONSA UTHORIZED'],
    ['A CCOUNT H OLDER', 'A CCOUNT H OLDER'],
  ] as const) {
    it(`"${read}" is no person to hold against the LOA`, () => {
      const r = signerAgainstScan(fv('Marisol Reyes', 0.9), fv(read, 0.72), [
        [62, 100, 'S TATEMENT OF A CCOUNT R ECORD'],
        [62, 400, heading],
        [62, 414, 'Name of Signer ........................ None recorded'],
      ]);
      expect(codes(r)).not.toContain('AUTH_PERSON_MISMATCH');
      expect(r.fields.authorized_person.verdict).toBe('check');
    });
  }

  it('a name in capitals with an initial is still a person: another signer is a rejection', () => {
    const r = signerAgainstScan(fv('Marisol Reyes', 0.9), fv('J WHITFIELD', 0.9), [
      [62, 414, 'Name of Signer ........................ J WHITFIELD'],
    ]);
    expect(codes(r)).toContain('AUTH_PERSON_MISMATCH');
  });

  it('dev port 41127 (text): the "Persons Authorized" heading over "None recorded" is no rejection', () => {
    const p = port(41127, 62);
    expect(p.csr.truth.authorized_person).toBeUndefined();
    expect(codes(reviewPort(p))).not.toContain('AUTH_PERSON_MISMATCH');
  });
});

describe("the next column's caption read into a wrapped business name", () => {
  for (const [loaRead, carrier] of [
    ['Copper Canyon Plumbing & NUMBER, ACCOUNT Heating, Inc', 'Copper Canyon Plumbing & Heating, Inc'],
    ['Blue Ridge Veterinary ACCOUNT NO: Partners LLC', 'Blue Ridge Veterinary Partners LLC'],
    ['Harbor Point Phone: Dental Group', 'Harbor Point Dental Group'],
  ] as const) {
    it(`"${loaRead}" is the carrier's "${carrier}", a look at most`, () => {
      const r = run({
        loa: { account_name: fv(loaRead, 0.95) },
        csr: { account_name: fv(carrier, 0.95) },
      });
      expect(codes(r)).not.toContain('ENTITY_NAME_MISMATCH');
    });
  }

  it("a name's own words, written as the name is, make another name: a rejection", () => {
    const r = run({
      loa: { account_name: fv('Harbor Account Services Co', 0.95) },
      csr: { account_name: fv('Harbor Co', 0.95) },
    });
    expect(codes(r)).toContain('ENTITY_NAME_MISMATCH');
  });

  it('dev port 41211 (text LOA): the wrapped name with "NUMBER, ACCOUNT" inside is no rejection', () => {
    const p = port(41211, 3);
    expect(p.loa.truth.account_name).toBe(p.csr.truth.account_name);
    expect(codes(reviewPort(p))).not.toContain('ENTITY_NAME_MISMATCH');
  });
});

describe("a person the CSR's change history took off the account, read as its signer", () => {
  const history = (lines: string[]) =>
    page(
      [
        [43, 58, 'Change History'],
        [43, 80, 'CUSTOMER: Northgate Chiropractic Center PC'],
        ...lines.map((l, i) => [44, 120 + 16 * i, l] as [number, number, string]),
      ],
      'ocr',
    );
  for (const [lines, read] of [
    [
      [
        '9 Feb 2021 Authorized user Dana Sullivan set as authorized person',
        '31 May 2021 Authorized user Removed Dana Sullivan from authorized contacts',
      ],
      'Dana Sullivan',
    ],
    [
      ['2024-09-25 Authorized user Marcus Moreau added', '2025-01-10 Deleted Marcus Moreau (authorized contact)'],
      'Marcu s Moreau',
    ],
    [['03/02/2022 Contact Hannah Okafor added', '06/14/2023 Contact Hannah Okafor revoked'], 'Hannah Okafor'],
  ] as const) {
    it(`"${read}", taken off the account, is a look, not a rejection`, () => {
      const r = run({
        loa: { authorized_person: fv('Omar Fitzgerald', 0.9) },
        csr: { authorized_person: fv(read, 0.7) },
        pages: { csr: history([...lines]) },
      });
      expect(codes(r)).not.toContain('AUTH_PERSON_MISMATCH');
      expect(r.fields.authorized_person.verdict).toBe('check');
    });
  }

  it('a person the history added and never removed is another signer: a rejection', () => {
    const r = run({
      loa: { authorized_person: fv('Omar Fitzgerald', 0.9) },
      csr: { authorized_person: fv('Dana Sullivan', 0.7) },
      pages: {
        csr: history([
          '9 Feb 2021 Authorized user Dana Sullivan set as authorized person',
          '31 May 2021 Authorized user Removed Wei Chen from authorized contacts',
        ]),
      },
    });
    expect(codes(r)).toContain('AUTH_PERSON_MISMATCH');
  });

  it('dev port 41381 (scanned CSR): the removed "Dana Sullivan" is no rejection, the planted number still is', () => {
    const p = port(41381, 62);
    expect(p.csr.truth.authorized_person).toBeUndefined();
    const r = reviewPort(p);
    expect(codes(r)).not.toContain('AUTH_PERSON_MISMATCH');
    expect(codes(r)).toContain('PHONE_NUMBER_MISMATCH');
  });
});

describe("a roster's role read onto the end of the signer's name", () => {
  for (const [read, name] of [
    ["James O'Brien Primary", "James O'Brien"],
    ['Grace Dubois - Administrator', 'Grace Dubois'],
    ['Chen Castillo Account Owner', 'Chen Castillo'],
  ] as const) {
    it(`"${read}" is "${name}", a look at most`, () => {
      const r = run({
        loa: { authorized_person: fv(name, 0.9) },
        csr: { authorized_person: fv(read, 0.9) },
      });
      expect(codes(r)).not.toContain('AUTH_PERSON_MISMATCH');
    });
  }

  it('another surname after the name is another person: a rejection', () => {
    const r = run({
      loa: { authorized_person: fv('James Brien', 0.9) },
      csr: { authorized_person: fv('James Brien Whitaker', 0.9) },
    });
    expect(codes(r)).toContain('AUTH_PERSON_MISMATCH');
  });
});

describe("a gone line's number read with OCR's lookalikes (shared/normalize CAPITAL_DIGIT_LOOKALIKES)", () => {
  const review = (rows: [number, number, string][]) =>
    run({
      loa: { phone_numbers: fv(['+19144852068', '+19145518931'], 0.9) },
      csr: {
        btn: fv('+19144852068', 0.9),
        phone_numbers: fv(['+19144852068', '+19145518931', '+19145495338'], 0.77),
      },
      pages: {
        csr: page(
          [
            [40, 40, 'CUSTOMER SERVICE RECORD'],
            [40, 60, 'BTN: 914-485-2068'],
            [40, 80, 'Lines'],
            [40, 96, '+1 914 485 2068 Dmitri Novak iPhone 14 Active'],
            [40, 110, '+1 914 551 8931 Rebecca Ivanova Galaxy Active'],
            ...rows,
          ],
          'ocr',
        ),
      },
    });
  // (the capitals the review folds to a digit, and their small forms read as the same digit)
  for (const row of [
    '+1 9L4 549 5338 Dmitri Novak iPhone Pro CANCELLED',
    '+1 9i4 549 s338 Dmitri Novak Disconnected',
    '914-549-533B  Ported out',
  ]) {
    it(`"${row}": no partial port, no BTN-ported look or rejection`, () => {
      const r = review([[40, 124, row]]);
      expect(codes(r)).not.toContain('MAIN_BTN_PORTING');
      expect(r.checks.filter((c) => c.code === 'MAIN_BTN_PORTING')).toEqual([]);
    });
  }
});

describe("the CSR's history removing someone else in the entry that adds its signer", () => {
  for (const line of [
    '2025-01-10 Authorized user changed: removed Olga Kim, added Dana Sullivan',
    '2025-01-10 Removed Olga Kim; Dana Sullivan added',
  ]) {
    it(`"${line}": the signer is the one added, another LOA signer a rejection`, () => {
      const r = run({
        loa: { authorized_person: fv('Omar Fitzgerald', 0.9) },
        csr: { authorized_person: fv('Dana Sullivan', 0.7) },
        pages: {
          csr: page(
            [
              [43, 58, 'Change History'],
              [44, 120, line],
            ],
            'ocr',
          ),
        },
      });
      expect(codes(r)).toContain('AUTH_PERSON_MISMATCH');
    });
  }
});
