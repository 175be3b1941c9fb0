import { describe, expect, it } from 'vitest';
import { codes, fv, run } from '../helpers/compare.js';

/*
 * A signer reading of one capitalised word ("Yolanda", a ticket's greeting; "Matched", a verification
 * column) is a given name or another word, never the person the carrier has on file: the review asks a
 * look instead of asserting AUTH_PERSON_MISMATCH from it. A full name that differs is still a rejection,
 * and a name OCR glued into one word ("OlgaLevy", "FATIMAKIM") is still a name.
 */

const review = (csrSigner: string, loaSigner = 'Patricia Hughes') =>
  run({
    loa: { authorized_person: fv(loaSigner, 0.97) },
    csr: { authorized_person: fv(csrSigner, 0.8) },
  });

describe('a CSR signer reading of one word', () => {
  for (const word of ['Yolanda', 'Matched', 'Patricia', 'Rossi']) {
    it(`"${word}": no AUTH_PERSON_MISMATCH, a look`, () => {
      const r = review(word);
      expect(codes(r)).not.toContain('AUTH_PERSON_MISMATCH');
      const look = r.checks.find((c) => c.field === 'authorized_person');
      expect(look?.why).toMatch(/one word, not a person's full name/);
    });
  }

  it('a full name that differs is still a predicted AUTH_PERSON_MISMATCH', () => {
    expect(codes(review('Yolanda Smith'))).toContain('AUTH_PERSON_MISMATCH');
  });

  for (const glued of ['OlgaLevy', 'FATIMAKIM'])
    it(`a name OCR glued into one word ("${glued}") is not refused as one word`, () => {
      const r = review(glued);
      expect(r.checks.find((c) => c.field === 'authorized_person')?.why ?? '').not.toMatch(/one word/);
    });
});
