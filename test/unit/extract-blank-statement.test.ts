import { describe, expect, it } from 'vitest';
import { extractFields } from '../../electron/core/extract/index.js';
import { codes, fv, run } from '../helpers/compare.js';
import { pageOfLines } from '../helpers/pages.js';

/*
 * A CSR that has no authorized contact says so under the caption ("No authorized contact is on file for
 * this account."). A scan's OCR runs the negation into the caption's word ("Noauthorized contact …",
 * "NOCONTACT ON FILE"): that word is the form's statement, never a person's name — read as one, the review
 * would hold the LOA's signer against "Noauthorized" and predict a false AUTH_PERSON_MISMATCH. Names that
 * merely begin with "No" ("Nolan", "Norma Nowak") stay names.
 */

type Line = [number, number, string];

const csr = (caption: string, value: string, method: 'ocr' | 'text' = 'ocr') =>
  pageOfLines(
    [
      [72, 80, 'Account Name: Kim & Martinez PLLC'],
      [72, 100, caption],
      [72, 116, value],
      [72, 140, 'Account Number: 651977193'],
    ] satisfies Line[],
    method,
  );

const STATEMENTS: [string, string][] = [
  ['Authorized Contact', 'Noauthorized contact is on file for this account.'],
  ['AUTHORIZED CONTACT', 'NOCONTACT ON FILE'],
  ['Authorized Person', 'Noauthorized person listed'],
  ['Authorized Signer', 'Nosigner of record for this account'],
  ['Contact', 'Nocontact listed.'],
];

describe('a blank field statement run together by OCR is no person', () => {
  for (const [caption, statement] of STATEMENTS)
    it(`"${statement}" under "${caption}": no authorized person read`, () => {
      expect(extractFields(csr(caption, statement), 'csr').fields.authorized_person).toBeUndefined();
    });

  for (const [caption, statement] of STATEMENTS)
    it(`"${statement}": the LOA's signer raises no AUTH_PERSON_MISMATCH`, () => {
      const page = csr(caption, statement);
      const reading = extractFields(page, 'csr').fields.authorized_person;
      const r = run({
        loa: { authorized_person: fv('Susan Zhang', 0.69) },
        csr: reading ? { authorized_person: reading } : {},
        pages: { csr: page },
      });
      expect(codes(r)).not.toContain('AUTH_PERSON_MISMATCH');
    });
});

describe('names that begin with "No" stay names', () => {
  for (const name of ['Nolan Pierce', 'Norma Nowak', 'NOEL FORTIER', 'Nottingham Reyes'])
    it(`"${name}" is read as the authorized person`, () => {
      expect(extractFields(csr('Authorized Contact', name), 'csr').fields.authorized_person?.value).toBe(name);
    });
});
